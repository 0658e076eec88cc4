/**
 * A national review not yet linked to a case survives a restart of the
 * services: the whole services against the reference backend on loopback,
 * restarted on the same data (memory and capture cache empty). A review hit
 * overridden with a reason and a scanned document before the case is opened
 * comes back overridden, and the case opened under it afterwards holds the
 * document; a review pending while the centre failed is asked again and
 * answered; a review of a past day that no case holds is forgotten.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { foreignPermanent2023Card, gatResidenceCard, residentCard, residentLongTermCard } from '../../fixtures/id-card-reader/sample-cards';
import { printedParty } from '../../fixtures/registry/sample-parties';
import { createSyncService } from '../../sync';
import { FAST_SYNC } from '../../sync/testing/harness';
import { codeOf, servicesOnLoopback, until, type ServicesOnLoopback } from '../testing/loopback-services';

let terminal: ServicesOnLoopback | undefined;
afterEach(async () => {
  await terminal?.close();
  terminal = undefined;
});

const party = (card: { idNumber: string; name: string }) => ({ idNumber: card.idNumber, name: card.name });
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0xff, 0xd9]).toString('base64');

describe('a review not yet linked to a case, across a restart of the services', () => {
  it('comes back answered and overridden with its document, and a pending one is answered after the restart', async () => {
    terminal = await servicesOnLoopback({ prefix: 'review-restart-', env: { TERMINAL_PROFILE: 'registry-desk' } });
    const { backend } = terminal;
    await terminal.signIn();
    const hit = await terminal.call('registry.review', { business: 'marriage', parties: [party(gatResidenceCard), party(foreignPermanent2023Card)] });
    expect(hit).toMatchObject({ state: 'answered', hit: true, cleared: false });
    const document = await terminal.call('captures.add', { mimeType: 'image/jpeg', data: JPEG });
    const reason = '当事人提交香港高等法院离婚判决书，全国系统未录入';
    await terminal.call('registry.overrideReview', { reviewId: hit.id, reason, captureId: document.captureId });
    // Once answered, the document is on disk (encrypted), not only in the capture cache.
    expect(existsSync(join(terminal.dir, 'terminal', 'materials', `${document.captureId}.sm4`))).toBe(true);

    backend.setFaults({ errorRate: 1, pathPrefix: '/v1/registry/' });
    const pending = await terminal.call('registry.review', { business: 'marriage', parties: [party(residentCard), party(residentLongTermCard)] });
    expect(pending.state).toBe('pending');

    // Restarted while the centre still fails, and with a review of yesterday left in the store by no case.
    const yesterday = new Date(Date.now() - 86_400_000);
    await terminal.restart(async () => {
      const sync = createSyncService({ dataDir: join(terminal!.dir, 'terminal'), backendUrl: backend.url, ...FAST_SYNC });
      await sync.start();
      sync.saveRegistryReview('review-of-yesterday', { ...hit, id: 'review-of-yesterday', askedAt: yesterday.toISOString() }, 'yesterday');
      await sync.stop();
    });
    await terminal.signIn();
    await expect(terminal.call('registry.reviewStatus', { reviewId: hit.id })).resolves.toMatchObject({ state: 'answered', hit: true, cleared: true, override: { reason, captureId: document.captureId } });
    await expect(codeOf(terminal.call('registry.reviewStatus', { reviewId: 'review-of-yesterday' }))).resolves.toBe('registry-review-missing');

    // The case opened now under the overridden review holds its document (kept), nothing to scan again.
    const opened = await terminal.call('registryCase.open', { business: 'marriage', parties: [printedParty(gatResidenceCard), printedParty(foreignPermanent2023Card)], reviewId: hit.id });
    expect(opened).toMatchObject({ overrideDocumentMissing: false, recapture: [] });

    backend.clearFaults();
    const answered = await until(async () => {
      const view = await terminal!.call('registry.reviewStatus', { reviewId: pending.id });
      return view.state === 'answered' ? view : undefined;
    }, 'the pending review answered after the restart');
    expect(answered).toMatchObject({ hit: false, cleared: true });
  });
});
