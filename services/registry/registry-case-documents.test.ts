/**
 * A foreign-related registration's supporting documents at the desk, through
 * the terminal's real sync to the reference backend on loopback: the case
 * refuses to complete naming each party's missing document in Chinese,
 * refuses a capture it cannot use (not held, not needed of that party, case
 * completed) recording nothing, and archives each document's pages once,
 * under one material key per document and party. A case saved before the
 * desk recorded document kinds resumes with the kinds its numbers show.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TerminalError } from '../../contract/errors';
import { foreignPermanent2023Card, gatResidenceCard } from '../../fixtures/id-card-reader/sample-cards';
import { registryCasesPerTest } from '../testing/registry-on-loopback';
import type { ReviewView } from './national-review';

const gat = { name: gatResidenceCard.name, sex: '男', nationality: '中国', birthDate: gatResidenceCard.birthDate, idNumber: gatResidenceCard.idNumber };
const permanent = { name: foreignPermanent2023Card.name, sex: '女', nationality: '法国', birthDate: foreignPermanent2023Card.birthDate, idNumber: foreignPermanent2023Card.idNumber };

type Archived = { caseId: string; parties: { name: string; documentType?: string }[]; materials: { key: string; fileName: string; uploads: number; uploaded: boolean }[] };

const start = registryCasesPerTest('registry-documents-');
/** A marriage case is whole only under an answered, clear review (case-wholeness.ts). */
const clearReview = (): Map<string, ReviewView> => new Map([['r1', { id: 'r1', business: 'marriage', state: 'answered', parties: [], hit: false, cleared: true, askedAt: '2026-05-20T01:00:00Z' }]]);

async function terminal() {
  const { backend, dataDir, services } = await start();
  /** The backend's record of the case once every material has arrived (the outbox and uploads run in the background). */
  const archived = async (caseId: string): Promise<Archived[]> => {
    const read = async () => ((await (await fetch(`${backend.url}/admin/registry/cases`)).json()) as { cases: Archived[] }).cases.filter((entry) => entry.caseId === caseId);
    for (let attempt = 0; attempt < 500; attempt++) {
      const [entry] = await read();
      if (entry?.materials.every((material) => material.uploaded)) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return read();
  };
  const uploadsOf = (caseId: string) => backend.uploads().filter((upload) => upload.caseId === caseId && upload.completed);
  return { services, archived, uploadsOf, dataDir, contractViolations: () => backend.contractViolations() };
}

async function refusal(run: () => unknown): Promise<TerminalError | undefined> {
  try {
    await run();
  } catch (error) {
    return error as TerminalError;
  }
  return undefined;
}

describe('supporting documents of a foreign-related registration', () => {
  // Mutation: dropping the `registry-documents-missing` check in complete() archives the case without its documents.
  it('refuses completion naming the notarised declaration and the certificate of no spouse; archives each once after capture', async () => {
    const { services, archived, uploadsOf, contractViolations } = await terminal();
    const { cases, capture, sync } = await services(clearReview());
    const opened = cases.open(
      'marriage',
      [
        { ...gat, documentType: 'gat-residence' },
        { ...permanent, documentType: 'foreign-permanent-2023' },
      ],
      'r1',
    );
    expect(opened.parties.map((party) => party.documentType)).toEqual(['gat-residence', 'foreign-permanent-2023']);
    for (const paper of ['declaration', 'review-form', 'handover-receipt'] as const) await cases.capturePaper(opened.id, paper, capture(1));
    cases.certificateIssued(opened.id, await sync.takeCertificateNumber('J', opened.id));

    const missing = await refusal(() => cases.complete(opened.id));
    expect(missing?.code).toBe('registry-documents-missing');
    expect(missing?.params).toEqual({
      missing: '陈大文经居住地公证的无配偶及无禁婚亲属关系声明、玛丽经认证的无配偶证明',
      missingEn: "陈大文's declaration of no spouse and no forbidden kinship, notarised where they live, 玛丽's authenticated certificate of no spouse",
      count: 2,
    });

    // Bad input records nothing: a capture the terminal does not hold, a document this party does not need.
    const notHeld = await refusal(() => cases.captureDocument(opened.id, 'notarised-declaration', 1, 'gone'));
    expect(notHeld?.code).toBe('capture-not-found');
    const notNeeded = await refusal(() => cases.captureDocument(opened.id, 'no-spouse-certificate', 1, capture(2)));
    expect(notNeeded?.code).toBe('registry-document-not-required');
    expect(notNeeded?.params).toEqual({ document: '经认证的无配偶证明', documentEn: 'authenticated certificate of no spouse', party: '陈大文' });
    expect((await refusal(() => cases.captureDocument(opened.id, 'passport', 2, capture(3))))?.code).toBe('registry-document-not-required');
    expect(cases.view(opened.id).documents.map((document) => [document.party, document.document, document.pages.length])).toEqual([
      [1, 'notarised-declaration', 0],
      [2, 'no-spouse-certificate', 0],
    ]);

    await cases.captureDocument(opened.id, 'notarised-declaration', 1, capture(4));
    await cases.captureDocument(opened.id, 'no-spouse-certificate', 2, capture(5));
    const translation = capture(6);
    await cases.captureDocument(opened.id, 'no-spouse-certificate', 2, translation);
    expect(cases.view(opened.id)).toMatchObject({ missing: [], missingDocuments: [] });
    // A page removed leaves the document's other page; the second page is captured again.
    expect(cases.discardPage(opened.id, translation).documents.find((document) => document.party === 2)!.pages).toHaveLength(1);
    await cases.captureDocument(opened.id, 'no-spouse-certificate', 2, capture(8));
    const [done, again] = await Promise.all([cases.complete(opened.id), cases.complete(opened.id)]);
    expect([done.state, again.state]).toEqual(['completed', 'completed']);
    expect((await refusal(() => cases.captureDocument(opened.id, 'no-spouse-certificate', 2, capture(7))))?.code).toBe('registry-case-completed');

    const records = await archived(opened.id);
    expect(records).toHaveLength(1);
    expect(records[0]!.parties.map((party) => party.documentType)).toEqual(['gat-residence', 'foreign-permanent-2023']);
    expect(records[0]!.materials.map((material) => [material.key, material.fileName, material.uploads, material.uploaded])).toEqual([
      ['paper:declaration', 'paper-declaration-1.jpg', 1, true],
      ['paper:review-form', 'paper-review-form-1.jpg', 1, true],
      ['paper:handover-receipt', 'paper-handover-receipt-1.jpg', 1, true],
      ['document:notarised-declaration:party-1', 'document-notarised-declaration-party-1-1.jpg', 1, true],
      ['document:no-spouse-certificate:party-2', 'document-no-spouse-certificate-party-2-1.jpg', 1, true],
      ['document:no-spouse-certificate:party-2', 'document-no-spouse-certificate-party-2-2.jpg', 1, true],
    ]);
    expect(uploadsOf(opened.id)).toHaveLength(6);
    // The record (parties with their document kinds, the document keys) is what openapi.yaml describes.
    expect(contractViolations()).toEqual([]);
  });

  // Mutation: dropping the inference (documentKindOf → party.documentType) leaves the older case requiring nothing.
  it('resumes a case saved before document kinds were recorded: the kinds its numbers show, never a crash', async () => {
    const { services, archived } = await terminal();
    const before = await services(clearReview());
    const caseId = '6f1c1f1e-8a51-4c3e-9d55-3a1d2b9c0e11';
    // The saved shape of an open case before this change: no document kinds, no documents.
    before.sync.saveOpenRegistryCase(caseId, {
      id: caseId,
      business: 'marriage',
      parties: [gat, permanent],
      reviewId: 'r1',
      openedAt: '2026-05-20T01:00:00.000Z',
      papers: { declaration: [], 'review-form': [], 'divorce-agreement': [], 'handover-receipt': [] },
      photos: [],
      certificateNumbers: [],
    });
    const { cases, capture, sync } = await services(clearReview());
    const [resumed] = cases.openCases();
    expect(resumed).toMatchObject({ id: caseId, state: 'open' });
    expect(resumed!.parties.map((party) => party.documentType)).toEqual(['gat-residence', 'foreign-permanent-2023']);
    expect(resumed!.missingDocuments).toEqual([
      { document: 'notarised-declaration', party: 1 },
      { document: 'no-spouse-certificate', party: 2 },
    ]);
    for (const paper of ['declaration', 'review-form', 'handover-receipt'] as const) await cases.capturePaper(caseId, paper, capture(1));
    await cases.captureDocument(caseId, 'notarised-declaration', 1, capture(2));
    await cases.captureDocument(caseId, 'no-spouse-certificate', 2, capture(3));
    cases.certificateIssued(caseId, await sync.takeCertificateNumber('J', caseId));
    expect((await cases.complete(caseId)).state).toBe('completed');
    const [record] = await archived(caseId);
    expect(record!.parties.map((party) => party.documentType)).toEqual(['gat-residence', 'foreign-permanent-2023']);
    expect(record!.materials.filter((material) => material.key.startsWith('document:')).map((material) => [material.key, material.uploads])).toEqual([
      ['document:notarised-declaration:party-1', 1],
      ['document:no-spouse-certificate:party-2', 1],
    ]);
  });

  // Mutation: leaving lostDocuments out of the view's recapture list completes the case with a page that is gone.
  it('a document page gone from the terminal is named for capturing again, with the party, and taken again', async () => {
    const { services, dataDir } = await terminal();
    const before = await services();
    const opened = before.cases.open('divorce-registration', [
      { ...gat, documentType: 'gat-residence' },
      { ...permanent, name: '马秀兰', nationality: '中国', idNumber: '640102199007050022', documentType: 'resident' },
    ]);
    for (const paper of ['review-form', 'divorce-agreement', 'handover-receipt'] as const) await before.cases.capturePaper(opened.id, paper, before.capture(1));
    const certificate = before.capture(2);
    await before.cases.captureDocument(opened.id, 'marriage-certificate', 1, certificate);
    await before.cases.captureDocument(opened.id, 'marriage-certificate', 2, before.capture(3));
    // The kept file of party 1's marriage certificate is lost (a disk fault), then the services restart.
    rmSync(join(dataDir, 'materials', `${certificate}.sm4`));
    const after = await services();
    expect(after.cases.view(opened.id)).toMatchObject({ recapture: [{ kind: 'document', document: 'marriage-certificate', party: 1 }], missingDocuments: [{ document: 'marriage-certificate', party: 1 }] });
    const refused = await refusal(() => after.cases.complete(opened.id));
    expect(refused?.code).toBe('registry-recapture-needed');
    expect(refused?.params).toMatchObject({ names: '陈大文持有的结婚证', namesEn: "陈大文's marriage certificate", count: 1 });
    await after.cases.captureDocument(opened.id, 'marriage-certificate', 1, after.capture(4));
    expect(after.cases.view(opened.id)).toMatchObject({ recapture: [], missingDocuments: [] });
    // A divorce registration is whole with its L in force.
    after.cases.certificateIssued(opened.id, await after.sync.takeCertificateNumber('L', opened.id));
    expect((await after.cases.complete(opened.id)).state).toBe('completed');
  });
});
