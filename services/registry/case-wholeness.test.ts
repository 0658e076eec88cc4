/**
 * A registry case is accountable: it completes only when its business's
 * outcome is recorded (review answered and clear, certificate number in
 * force, receipt, record certificate), a certificate is issued only in an
 * open case of its business and its parties, and a case's parties are two
 * different people with fit documents.
 */
import { describe, expect, it } from 'vitest';
import type { RegistryBusiness } from '../../domain/registry/business';
import type { PartyProblem } from '../../domain/registry/party';
import { refusalOf, registryCasesInMemory } from '../testing/registry-cases-in-memory';
import type { ReviewView } from './national-review';
import type { SignedPaper } from '../../domain/registry/signed-papers';

const couple = [
  { name: '王建国', sex: '男', nationality: '中国', birthDate: '1985-03-12', idNumber: '31010419850312003X' },
  { name: '马秀兰', sex: '女', nationality: '中国', birthDate: '1990-07-05', idNumber: '640102199007050022' },
];
const other = { name: '李强', sex: '男', nationality: '中国', birthDate: '1988-01-01', idNumber: '310101198801010011' };
const review = (patch: Partial<ReviewView> = {}): ReviewView => ({ id: 'r1', business: 'marriage', state: 'answered', parties: [], hit: false, cleared: true, askedAt: '2026-05-20T01:00:00Z', ...patch });

function desk(options: { review?: ReviewView; voided?: string[]; problems?: Record<string, PartyProblem[]> } = {}) {
  const submitted: string[] = [];
  const { cases, capture } = registryCasesInMemory({
    review: () => options.review,
    numberState: (number) => (options.voided?.includes(number) ? 'void' : 'issued'),
    submit: async (caseId) => void submitted.push(caseId),
    documentProblems: (idNumber) => options.problems?.[idNumber] ?? [],
  });
  /** Opens a case with every required paper and document captured. */
  async function signed(business: RegistryBusiness, parties = couple, reviewId?: string) {
    const opened = cases.open(business, parties, reviewId);
    for (const paper of opened.papers.filter((entry) => entry.required).map((entry) => entry.paper as SignedPaper)) {
      await cases.capturePaper(opened.id, paper, capture());
    }
    // And the parties' supporting documents the business needs (a divorce: each party's marriage certificate).
    for (const { document, party } of cases.view(opened.id).missingDocuments) {
      await cases.captureDocument(opened.id, document, party, capture());
    }
    return opened.id;
  }
  return { cases, submitted, signed, capture };
}

describe('a registry case completes only when it is whole', () => {
  it('a marriage needs an answered, clear (or overridden) review and a J in force; the case view lists what is missing', async () => {
    const pending = desk({ review: review({ state: 'pending', cleared: false }) });
    const caseId = await pending.signed('marriage', couple, 'r1');
    expect(pending.cases.view(caseId).outstanding).toEqual(['review-pending', 'certificate-J']);
    const refused = refusalOf(() => pending.cases.complete(caseId));
    expect(refused?.code).toBe('registry-case-incomplete');
    expect(refused?.params).toEqual({
      missing: '全国联网审查结果（待返回）、结婚证（J 字号未签发）',
      missingEn: 'national review (answer pending), marriage certificate (no J number in force)',
      count: 2,
    });

    const unreviewed = desk();
    expect(unreviewed.cases.view(await unreviewed.signed('marriage')).outstanding).toEqual(['review-missing', 'certificate-J']);

    const hit = desk({ review: review({ hit: true, cleared: false }) });
    const hitCase = await hit.signed('marriage', couple, 'r1');
    hit.cases.certificateIssued(hitCase, 'J310104-2026-000001');
    expect(refusalOf(() => hit.cases.complete(hitCase))?.params).toMatchObject({ missing: '全国联网审查（有在婚记录，未经核查准予继续办理）', count: 1 });
    expect(hit.submitted).toEqual([]);

    // A voided J is not in force: the case still lacks its certificate.
    const voided = desk({ review: review(), voided: ['J310104-2026-000002'] });
    const voidedCase = await voided.signed('marriage', couple, 'r1');
    voided.cases.certificateIssued(voidedCase, 'J310104-2026-000002');
    expect(voided.cases.view(voidedCase).outstanding).toEqual(['certificate-J']);

    const overridden = review({ hit: true, cleared: true, override: { reason: '当事人提交法院离婚判决书', captureId: '', at: '2026-05-20T01:00:00Z' } });
    const whole = desk({ review: overridden });
    overridden.override!.captureId = whole.capture();
    const wholeCase = await whole.signed('marriage', couple, 'r1');
    whole.cases.certificateIssued(wholeCase, 'J310104-2026-000003');
    expect(whole.cases.view(wholeCase)).toMatchObject({ missing: [], outstanding: [] });
    expect((await whole.cases.complete(wholeCase)).state).toBe('completed');
    expect(whole.submitted).toEqual([wholeCase]);
  });

  it('a divorce registration needs its L, a replacement its BJ/BL; a divorce application its receipt; a record certificate its number', async () => {
    const { cases, signed, submitted } = desk();
    const divorce = await signed('divorce-registration');
    expect(cases.view(divorce).outstanding).toEqual(['certificate-L']);
    expect(refusalOf(() => cases.complete(divorce))?.code).toBe('registry-case-incomplete');
    cases.certificateIssued(divorce, 'L310104-2026-000001');
    expect((await cases.complete(divorce)).state).toBe('completed');

    const replacement = await signed('divorce-replacement', [couple[0]!]);
    expect(cases.view(replacement).outstanding).toEqual(['certificate-BL']);

    const application = await signed('divorce-application');
    expect(refusalOf(() => cases.complete(application))?.params).toEqual({ missing: '离婚登记申请受理回执（未打印）', missingEn: 'divorce application receipt (not printed)', count: 1 });
    cases.divorceApplicationReceived(application, 'app-1', 'job-1');
    expect((await cases.complete(application)).state).toBe('completed');

    const record = await signed('record-certificate', [couple[0]!]);
    expect(cases.view(record).outstanding).toEqual(['record-certificate']);
    cases.recordCertificateIssued(record, 'ZM310104-2026-000001');
    expect((await cases.complete(record)).state).toBe('completed');
    expect(submitted).toEqual([divorce, application, record]);
  });
});

describe('a certificate belongs to its couple\'s open case', () => {
  it('refuses an unknown case, another business, other parties; a replacement applicant must be on the certificate', async () => {
    const { cases, signed } = desk({ review: review() });
    const ids = couple.map((party) => party.idNumber);
    expect(refusalOf(() => cases.holdForCertificate('nope', 'J', ids))?.code).toBe('certificate-case-unknown');
    const marriage = await signed('marriage', couple, 'r1');
    expect(refusalOf(() => cases.holdForCertificate(marriage, 'L', ids))?.code).toBe('certificate-case-business');
    expect(refusalOf(() => cases.holdForCertificate(marriage, 'J', [ids[0]!, other.idNumber]))?.code).toBe('certificate-case-parties');
    expect(refusalOf(() => cases.holdForCertificate(marriage, 'J', [ids[0]!]))?.code).toBe('certificate-case-parties');
    cases.holdForCertificate(marriage, 'J', [ids[1]!.toLowerCase(), ids[0]!])();

    const replacement = await signed('marriage-replacement', [couple[1]!]);
    cases.holdForCertificate(replacement, 'BJ', ids)();
    expect(refusalOf(() => cases.holdForCertificate(replacement, 'BJ', [couple[0]!.idNumber, other.idNumber]))?.code).toBe('certificate-case-parties');
  });

  it('cannot complete while a certificate is being issued, and issues nothing under a completed case', async () => {
    const { cases, signed } = desk({ review: review() });
    const ids = couple.map((party) => party.idNumber);
    const caseId = await signed('marriage', couple, 'r1');
    cases.certificateIssued(caseId, 'J310104-2026-000001');
    // A reprint in flight: the number is about to change, the archive would miss the new one.
    const release = cases.holdForCertificate(caseId, 'J', ids);
    expect(refusalOf(() => cases.complete(caseId))?.code).toBe('registry-case-issuing');
    cases.certificateIssued(caseId, 'J310104-2026-000002', 'J310104-2026-000001');
    release();
    const completed = await cases.complete(caseId);
    expect(completed.certificateNumbers).toEqual(['J310104-2026-000002']);
    expect(refusalOf(() => cases.holdForCertificate(caseId, 'J', ids))?.code).toBe('certificate-case-completed');
    expect(refusalOf(() => cases.certificateIssued(caseId, 'J310104-2026-000003'))?.code).toBe('registry-case-completed');
  });
});

describe("a case's parties: both there, two people, fit documents", () => {
  it('refuses the same person twice, a missing party, and a party whose document was last read as unfit', () => {
    const { cases } = desk({ problems: { [other.idNumber]: ['card-expired'] } });
    expect(refusalOf(() => cases.open('marriage', [couple[0]!, { ...couple[0]!, idNumber: couple[0]!.idNumber.toLowerCase() }]))?.code).toBe('registry-same-person');
    expect(refusalOf(() => cases.open('divorce-application', [couple[0]!]))?.code).toBe('registry-parties-incomplete');
    const expired = refusalOf(() => cases.open('marriage', [couple[0]!, other]));
    expect(expired?.code).toBe('registry-party-card-expired');
    expect(expired?.params).toEqual({ n: 2 });
    expect(cases.openCases()).toEqual([]);
  });
});
