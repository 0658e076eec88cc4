import { describe, expect, it } from 'vitest';
import { TerminalError } from '../../contract/errors';
import { registryCasesInMemory } from '../testing/registry-cases-in-memory';
import type { MaterialOut } from './registry-cases';
import type { ReviewView } from './national-review';

const parties = [
  { name: '王建国', sex: '男', nationality: '中国', birthDate: '1985-03-12', idNumber: '31010419850312003X' },
  { name: '马秀兰', sex: '女', nationality: '中国', birthDate: '1990-07-05', idNumber: '640102199007050022' },
];

function desk(review?: ReviewView) {
  const submitted: { caseId: string; payload: Record<string, unknown>; materials: MaterialOut[] }[] = [];
  const events: string[] = [];
  const printed: { kind: string; data: Record<string, unknown> }[] = [];
  const audited: { action: string; subject: string; details: Record<string, unknown> }[] = [];
  const { cases, captures, capture } = registryCasesInMemory({
    review: () => review,
    submit: async (caseId, payload, materials) => void submitted.push({ caseId, payload, materials }),
    deskEvent: (kind, business, appointmentId) => events.push(`${kind}:${business}${appointmentId ? `:${appointmentId}` : ''}`),
    appointmentFor: (idNumbers, business) => (business === 'marriage' && idNumbers.includes(parties[1]!.idNumber) ? 'reg-01' : undefined),
    printDocument: async (_printerId, kind, data) => {
      printed.push({ kind, data: data as Record<string, unknown> });
      return { id: `job-${printed.length}` } as never;
    },
    audit: (action, subject, details) => void audited.push({ action, subject, details }),
  });
  return { cases, captures, submitted, events, audited, capture, printed };
}

describe('registry cases: papers signed by hand, captured back', () => {
  it('refuses to complete while a required paper is missing, naming it in both message languages (the view lists keys)', async () => {
    const { cases, capture, submitted } = desk({ id: 'r0', business: 'marriage', state: 'answered', parties: [], hit: false, cleared: true, askedAt: '2026-05-20T01:00:00Z' });
    const opened = cases.open('marriage', parties, 'r0');
    cases.certificateIssued(opened.id, 'J310104-2026-000001');
    await cases.capturePaper(opened.id, 'declaration', capture());
    const refusal = (() => {
      try {
        cases.complete(opened.id);
      } catch (error) {
        return error as TerminalError;
      }
      return undefined;
    })();
    expect(refusal?.code).toBe('registry-papers-missing');
    expect(refusal?.params).toEqual({ missing: '结婚登记审查处理表、证件领取签收单', missingEn: 'Marriage registration review form, Certificate hand-over receipt', count: 2 });
    expect(cases.view(opened.id)).toMatchObject({ missing: ['review-form', 'handover-receipt'] });
    expect(cases.view(opened.id).papers[0]).toEqual({ paper: 'declaration', required: true, printable: true, pages: [expect.any(String)] });
    expect(submitted).toHaveLength(0);
  });

  it('archives every captured page once, with the override document, and a second completion submits nothing', async () => {
    const overrideCapture = 'override';
    const review: ReviewView = {
      id: 'r1',
      business: 'marriage',
      state: 'answered',
      parties: [],
      hit: true,
      cleared: true,
      override: { reason: '当事人提交香港高等法院离婚判决书', captureId: overrideCapture, at: '2026-05-20T01:00:00Z' },
      askedAt: '2026-05-20T01:00:00Z',
    };
    const { cases, captures, capture, submitted, events, audited } = desk(review);
    review.override!.captureId = capture();
    const opened = cases.open('marriage', parties, 'r1');
    await cases.capturePaper(opened.id, 'declaration', capture());
    await cases.capturePaper(opened.id, 'declaration', capture());
    await cases.capturePaper(opened.id, 'review-form', capture());
    await cases.capturePaper(opened.id, 'handover-receipt', capture());
    await cases.addPhoto(opened.id, 'joint', capture());
    cases.certificateIssued(opened.id, 'J310104-2026-000001');
    const [first, second] = await Promise.all([cases.complete(opened.id), cases.complete(opened.id)]);
    expect(first.state).toBe('completed');
    expect(second.state).toBe('completed');
    await cases.complete(opened.id);
    expect(submitted).toHaveLength(1);
    expect(submitted[0]!.materials.map((material) => material.fileName)).toEqual([
      'paper-declaration-1.jpg',
      'paper-declaration-2.jpg',
      'paper-review-form-1.jpg',
      'paper-handover-receipt-1.jpg',
      'photo-joint-1.jpg',
      'override-document-1.jpg',
    ]);
    expect(submitted[0]!.payload).toMatchObject({
      certificateNumbers: ['J310104-2026-000001'],
      review: { reviewId: 'r1', hit: true, override: { reason: '当事人提交香港高等法院离婚判决书', fileName: 'override-document-1.jpg' } },
    });
    expect(events).toEqual(['started:marriage:reg-01', 'done:marriage:reg-01']);
    expect(audited).toEqual([{ action: 'registry.override-document-archived', subject: 'r1', details: { caseId: opened.id, captureId: review.override!.captureId, fileName: 'override-document-1.jpg' } }]);
    expect(submitted[0]!.payload).toMatchObject({ appointmentId: 'reg-01' });
    // The captures are released once archived.
    expect(() => captures.get([review.override!.captureId])).toThrow();
    await expect(cases.capturePaper(opened.id, 'declaration', capture())).rejects.toThrow(/completed/);
  });

  it('refuses a page the terminal does not hold', async () => {
    const { cases } = desk();
    const opened = cases.open('divorce-application', parties);
    await expect(cases.capturePaper(opened.id, 'divorce-agreement', 'gone')).rejects.toThrow(/no longer held/);
    expect(cases.view(opened.id).missing).toEqual(['declaration', 'divorce-agreement']);
    expect(cases.view(opened.id).outstanding).toEqual(['divorce-receipt']);
    // A divorce: each party's own marriage certificate is presented and copied.
    expect(cases.view(opened.id).missingDocuments).toEqual([
      { document: 'marriage-certificate', party: 1 },
      { document: 'marriage-certificate', party: 2 },
    ]);
  });

  // Mutation: the former heuristic (居民身份证 for an 18-digit number, else 有效身份证件) prints 居民身份证 for the permit.
  it('the review form names the identity documents the parties identified with, and the certificates the case needs', async () => {
    const { cases, printed } = desk();
    const opened = cases.open('marriage', [
      { name: '陈大文', sex: '男', nationality: '中国', birthDate: '1992-08-15', idNumber: '810000199208150019', documentType: 'gat-residence' },
      { name: 'MARTIN SOPHIE MARIE', sex: '女', nationality: '法国', birthDate: '1992-03-14', idNumber: '18AB12345', documentType: 'passport' },
    ]);
    await cases.printPaper(opened.id, 'review-form', 'a4');
    expect(printed.at(-1)!.data.documentsChecked).toEqual(['港澳台居民居住证', '护照', '经居住地公证的无配偶及无禁婚亲属关系声明', '经认证的无配偶证明']);
    // A case opened without kinds (parties typed by hand): the kinds their numbers show.
    const registration = cases.open('divorce-registration', parties);
    await cases.printPaper(registration.id, 'review-form', 'a4');
    expect(printed.at(-1)!.data.documentsChecked).toEqual(['居民身份证', '结婚证']);
  });
});
