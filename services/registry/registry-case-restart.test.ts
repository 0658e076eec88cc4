/**
 * The terminal never loses a registry case: an open case and its captured
 * pages are kept in the local store (sealed, encrypted), so a restart of the
 * services (a new services instance on the same store, the capture cache
 * empty) resumes it, and it completes with every page at the backend once.
 * A page that is gone anyway is named for capturing again.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { refusalOf } from '../testing/registry-cases-in-memory';
import { registryCasesPerTest, testCouple } from '../testing/registry-on-loopback';
import type { ReviewView } from './national-review';

const parties = testCouple;
const start = registryCasesPerTest('registry-restart-');

async function terminal() {
  const started = await start();
  const archived = async (caseId: string) =>
    ((await (await fetch(`${started.backend.url}/admin/registry/cases`)).json()) as { cases: { caseId: string; materials: { fileName: string; uploads: number; uploaded: boolean }[] }[] }).cases.filter(
      (entry) => entry.caseId === caseId,
    );
  return { services: started.services, archived, dataDir: started.dataDir };
}

describe('registry case across a restart of the services', () => {
  it('resumes the open case with its captured pages and completes it, each page at the backend once', async () => {
    const { services, archived } = await terminal();
    // A marriage is whole with a clear review and its J number in force.
    const reviews = new Map<string, ReviewView>([['r0', { id: 'r0', business: 'marriage', state: 'answered', parties: [], hit: false, cleared: true, askedAt: '2026-05-20T01:00:00Z' }]]);
    const before = await services(reviews);
    const opened = before.cases.open('marriage', parties, 'r0');
    await before.cases.capturePaper(opened.id, 'declaration', before.capture(1));
    await before.cases.capturePaper(opened.id, 'review-form', before.capture(2));
    await before.cases.addPhoto(opened.id, 'joint', before.capture(3));
    const number = await before.sync.takeCertificateNumber('J', opened.id);
    before.cases.certificateIssued(opened.id, number);

    const after = await services(reviews);
    const [resumed] = after.cases.openCases();
    expect(resumed).toMatchObject({ id: opened.id, state: 'open', missing: ['handover-receipt'], outstanding: [], recapture: [], certificateNumbers: [number] });
    expect(resumed!.papers.map((paper) => [paper.paper, paper.pages.length])).toEqual([
      ['declaration', 1],
      ['review-form', 1],
      ['handover-receipt', 0],
    ]);
    await after.cases.capturePaper(opened.id, 'handover-receipt', after.capture(4));
    expect((await after.cases.complete(opened.id)).state).toBe('completed');

    // The outbox and the uploads deliver in the background: wait until every page has arrived.
    for (let attempt = 0; attempt < 500; attempt++) {
      const [entry] = await archived(opened.id);
      if (entry?.materials.every((material) => material.uploaded)) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const records = await archived(opened.id);
    expect(records).toHaveLength(1);
    expect(records[0]!.materials.map((material) => material.fileName)).toEqual(['paper-declaration-1.jpg', 'paper-review-form-1.jpg', 'paper-handover-receipt-1.jpg', 'photo-joint-1.jpg']);
    // Every page uploaded exactly once; and nothing stays open after another restart.
    expect((await archived(opened.id))[0]!.materials.map((material) => [material.uploads, material.uploaded])).toEqual(Array.from({ length: 4 }, () => [1, true]));
    expect((await services()).cases.openCases()).toEqual([]);
  });

  it('names what must be captured again when a page is gone, and takes a re-scanned override document', async () => {
    const { services, dataDir } = await terminal();
    const reviews = new Map<string, ReviewView>();
    const before = await services(reviews);
    const review: ReviewView = { id: 'r1', business: 'marriage', state: 'answered', parties: [], hit: true, cleared: false, askedAt: '2026-05-20T01:00:00Z' };
    reviews.set('r1', review);
    const opened = before.cases.open('marriage', parties, 'r1');
    before.cases.certificateIssued(opened.id, await before.sync.takeCertificateNumber('J', opened.id));
    await before.cases.capturePaper(opened.id, 'declaration', before.capture(1));
    await before.cases.capturePaper(opened.id, 'review-form', before.capture(2));
    const receipt = before.capture(3);
    await before.cases.capturePaper(opened.id, 'handover-receipt', receipt);
    // The registrar overrides the hit with a reason and a scanned document: the case keeps the document.
    const overridden: ReviewView = { ...review, cleared: true, override: { reason: '当事人提交香港高等法院离婚判决书', captureId: before.capture(9), at: '2026-05-20T01:05:00Z' } };
    reviews.set('r1', overridden);
    await before.cases.reviewChanged(overridden);

    // The hand-over receipt's file and the override document are lost anyway (a disk fault), then the services restart.
    rmSync(join(dataDir, 'materials', `${receipt}.sm4`));
    rmSync(join(dataDir, 'materials', `${overridden.override!.captureId}.sm4`));
    const after = await services(new Map());
    const view = after.cases.view(opened.id);
    expect(view.recapture).toEqual([{ kind: 'paper', paper: 'handover-receipt' }, { kind: 'override-document' }]);
    expect(view.overrideDocumentMissing).toBe(true);
    expect(view.missing).toEqual(['handover-receipt']);
    const refused = refusalOf(() => after.cases.complete(opened.id));
    expect(refused?.code).toBe('registry-recapture-needed');
    expect(refused?.params).toEqual({ names: '证件领取签收单、联网审查例外的证明材料', namesEn: 'Certificate hand-over receipt, override supporting document', count: 2 });

    // Captured again: the receipt, and the override document re-scanned under the same review and reason.
    await after.cases.capturePaper(opened.id, 'handover-receipt', after.capture(5));
    const rescanned: ReviewView = { ...after.reviews.get('r1')!, override: { ...overridden.override!, captureId: after.capture(6) } };
    after.reviews.set('r1', rescanned);
    await after.cases.reviewChanged(rescanned);
    expect(after.cases.view(opened.id)).toMatchObject({ recapture: [], overrideDocumentMissing: false, missing: [] });
    expect((await after.cases.complete(opened.id)).state).toBe('completed');
  });
});
