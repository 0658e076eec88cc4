/**
 * National review against the reference backend on loopback: a clear answer,
 * a hit that withholds the marriage certificate until an override with a
 * reason and a scanned document, and a review pending while the centre
 * fails, answered when it comes back.
 */
import { describe, expect, it } from 'vitest';
import { gatResidenceCard, foreignPermanent2023Card, residentCard, residentLongTermCard } from '../../fixtures/id-card-reader/sample-cards';
import { actAs } from '../../sync/audit/actor';
import { registryDesksOnLoopback } from '../testing/registry-on-loopback';
import type { ReviewView } from './national-review';

const startDesk = registryDesksOnLoopback();

async function start(changes: ReviewView[] = []) {
  const { sync, backend, desk } = await startDesk(() => ({ reviewChanged: (view) => changes.push(view), hasCapture: (id) => id === 'scan-1', reviewRetryMs: 50 }));
  return { sync, backend, desk };
}

const party = (card: { idNumber: string; name: string }) => ({ idNumber: card.idNumber, name: card.name });
const marriage = (reviewId: string | undefined, cards: { idNumber: string }[]) => ({ type: 'J' as const, data: { parties: cards.map((card) => ({ idNumber: card.idNumber })) }, reviewId });

describe('national review at the registry desk', () => {
  it('answers at once for parties with no marriage on record, and clears only those parties for a marriage certificate', async () => {
    const { desk } = await start();
    const view = await desk.handlers['registry.review']({ business: 'marriage', parties: [party(residentCard), party(residentLongTermCard)] });
    expect(view).toMatchObject({ state: 'answered', hit: false, cleared: true, parties: [{ records: [] }, { records: [] }] });
    await expect(desk.guardCertificate(marriage(view.id, [residentCard, residentLongTermCard]))).resolves.toBeUndefined();
    await expect(desk.guardCertificate(marriage(view.id, [residentCard, gatResidenceCard]))).rejects.toMatchObject({ code: 'registry-review-other-parties' });
    await expect(desk.guardCertificate(marriage(undefined, [residentCard, residentLongTermCard]))).rejects.toMatchObject({ code: 'registry-review-missing' });
    // A replacement needs no review, only its original registration (registration-records.test.ts).
    await expect(desk.guardCertificate({ type: 'BJ', data: {}, reviewId: undefined })).rejects.toMatchObject({ code: 'registry-replacement-original-missing' });
  });

  it('withholds a registration when a party is currently married, until an override with a reason and a scanned document, audit-logged', async () => {
    const { desk, sync } = await start();
    const view = await desk.handlers['registry.review']({ business: 'marriage', parties: [party(gatResidenceCard), party(foreignPermanent2023Card)] });
    expect(view).toMatchObject({ state: 'answered', hit: true, cleared: false });
    expect(view.parties[0]).toMatchObject({ currentlyMarried: true, records: [{ kind: 'marriage', date: '2019-05-20', number: 'J310115-2019-004512' }] });
    const request = marriage(view.id, [gatResidenceCard, foreignPermanent2023Card]);
    await expect(desk.guardCertificate(request)).rejects.toMatchObject({ code: 'registry-review-hit' });

    expect(() => desk.handlers['registry.overrideReview']({ reviewId: view.id, reason: '有判决', captureId: 'scan-1' })).toThrow(expect.objectContaining({ code: 'registry-override-reason-missing' }));
    const reason = '当事人提交香港高等法院离婚判决书，全国系统未录入';
    expect(() => desk.handlers['registry.overrideReview']({ reviewId: view.id, reason, captureId: 'gone' })).toThrow(expect.objectContaining({ code: 'registry-override-document-missing' }));
    await expect(desk.guardCertificate(request)).rejects.toMatchObject({ code: 'registry-review-hit' });

    // As the officer guard runs every desk call: on the signed-in officer's behalf.
    const overridden = await actAs({ officerId: 'officer-0042' }, () => desk!.handlers['registry.overrideReview']({ reviewId: view.id, reason, captureId: 'scan-1' }));
    expect(overridden).toMatchObject({ cleared: true, override: { reason, captureId: 'scan-1' } });
    await expect(desk.guardCertificate(request)).resolves.toBeUndefined();
    const logged = sync.audit().entries().filter((entry) => entry.action === 'registry.review-overridden');
    expect(logged).toHaveLength(1);
    expect(logged[0]!.details).toMatchObject({ reason, captureId: 'scan-1', officerId: 'officer-0042', currentlyMarried: [gatResidenceCard.idNumber] });
  });

  it('stays pending while the centre fails, keeps the certificate from printing, and clears when the answer arrives', async () => {
    const changes: ReviewView[] = [];
    const { desk, backend } = await start(changes);
    backend.setFaults({ errorRate: 1, pathPrefix: '/v1/registry/' });
    const view = await desk.handlers['registry.review']({ business: 'marriage', parties: [party(residentCard), party(residentLongTermCard)] });
    expect(view).toMatchObject({ state: 'pending', cleared: false });
    expect(view.lastError).toBeDefined();
    await expect(desk.guardCertificate(marriage(view.id, [residentCard, residentLongTermCard]))).rejects.toMatchObject({ code: 'registry-review-pending' });

    backend.clearFaults();
    for (let i = 0; i < 200 && !changes.some((change) => change.id === view.id && change.state === 'answered'); i++) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(changes.filter((change) => change.id === view.id).at(-1)).toMatchObject({ state: 'answered', cleared: true });
    await expect(desk.guardCertificate(marriage(view.id, [residentCard, residentLongTermCard]))).resolves.toBeUndefined();
  });
});
