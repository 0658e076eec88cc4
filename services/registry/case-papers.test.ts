/**
 * The desk prints every paper it asks to be signed: for each business, each required paper but the couple's own
 * divorce agreement is printable, and `printPaper` renders it through the real document engine, read back with
 * pdftotext under the title the desk lists it by (`paperTitle`), with the case's people, registry, day and number.
 */
import { describe, expect, it } from 'vitest';
import { partiesOf, REGISTRY_BUSINESSES } from '../../domain/registry/business';
import { paperTitle, requiredPapers } from '../../domain/registry/signed-papers';
import { testEngine } from '../../documents/test-support/engine';
import { pdfText } from '../../documents/test-support/poppler';
import { MaterialCaptures } from '../material-captures';
import type { KnownRecords } from './case-papers';
import { RegistryCases } from './registry-cases';

const parties = [
  { name: '王建国', sex: '男', nationality: '中国', birthDate: '1985-03-12', idNumber: '31010419850312003X' },
  { name: 'MARTIN SOPHIE', sex: '女', nationality: '法国', birthDate: '1990-07-05', idNumber: '18FR12345' },
];
const squeeze = (text: string) => text.replace(/\s+/g, '');

function desk(records?: KnownRecords) {
  const printed: { kind: string; text: string }[] = [];
  const cases = new RegistryCases({
    captures: new MaterialCaptures(),
    review: () => undefined,
    adoptReview: () => {},
    store: { save: () => {}, load: () => [], keepPage: async () => {}, page: () => undefined, readPage: async () => undefined, dropPage: () => {}, abandon: () => {} },
    numberState: () => 'issued',
    submit: async () => {},
    deskEvent: () => {},
    appointmentFor: () => undefined,
    printDocument: async (printerId, kind, data) => {
      const { pdf } = await (await testEngine()).render(kind, data);
      printed.push({ kind, text: squeeze(await pdfText(pdf)) });
      return { id: `job-${printed.length}`, printerId, title: kind, state: 'completed' } as never;
    },
    audit: () => {},
    today: () => '2026-06-20',
    registryName: () => '上海市徐汇区民政局',
    ...(records ? { records } : {}),
  });
  return { cases, printed };
}

describe('the registry desk prints every paper it asks to be signed', () => {
  for (const business of REGISTRY_BUSINESSES) {
    it(`${business}: each required paper but the divorce agreement prints under its listed title`, async () => {
      const { cases, printed } = desk();
      const opened = cases.open(business, parties.slice(0, partiesOf(business)));
      const required = requiredPapers(business);
      expect(opened.papers.filter((paper) => paper.required && !paper.printable).map((paper) => paper.paper)).toEqual(required.includes('divorce-agreement') ? ['divorce-agreement'] : []);
      for (const paper of required.filter((entry) => entry !== 'divorce-agreement')) {
        await cases.printPaper(opened.id, paper, 'a4');
        const { text } = printed.at(-1)!;
        expect(text, `${business} ${paper}`).toContain(paperTitle(business, paper));
        expect(text).toContain('王建国');
        if (partiesOf(business) === 2) expect(text).toContain('MARTINSOPHIE');
        expect(text).toContain('上海市徐汇区民政局');
        expect(text).toContain(`编号：${opened.id.slice(0, 8).toUpperCase()}`);
        expect(text).toContain('2026年06月20日');
        expect(text).toContain('签名');
      }
      expect(printed).toHaveLength(required.filter((entry) => entry !== 'divorce-agreement').length);
    });
  }

  it('a replacement review form printed after the BJ number is issued approves the replacement under it', async () => {
    const { cases, printed } = desk();
    const opened = cases.open('marriage-replacement', parties.slice(0, 1));
    cases.certificateIssued(opened.id, 'BJ310104-2026-000001');
    await cases.printPaper(opened.id, 'review-form', 'a4');
    expect(printed[0]!.text).toContain('补发结婚证审查处理表');
    expect(printed[0]!.text).toContain('准予补发');
    expect(printed[0]!.text).toContain('BJ310104-2026-000001');
    expect(printed[0]!.text).toContain('原结婚登记事项属实');
  });

  it('the withdrawal application and the replacement papers name what the desk looked up at the centre', async () => {
    const other = { name: '赵磊', idNumber: '310101198801010011' };
    const { cases, printed } = desk({
      divorceApplicationOf: (idNumber) => (idNumber === parties[0]!.idNumber ? { receivedOn: '2026-06-03', coolingOffEnds: '2026-07-03', registry: '上海市黄浦区民政局', parties: [parties[0]!, other] } : undefined),
      originalOf: (kind, idNumber) => (kind === 'marriage' && idNumber === parties[0]!.idNumber ? { date: '2008-08-08', number: 'J310101-2008-001808', authority: '上海市黄浦区民政局婚姻登记处', parties: [other, parties[0]!] } : undefined),
    });
    const withdrawal = cases.open('divorce-withdrawal', parties.slice(0, 1));
    await cases.printPaper(withdrawal.id, 'declaration', 'a4');
    expect(printed.at(-1)!.text).toContain('本人王建国与赵磊于2026年06月03日向上海市黄浦区民政局共同提交离婚登记申请。现本人在离婚冷静期内（至2026年07月03日止），自愿撤回该离婚登记申请。');
    const replacement = cases.open('marriage-replacement', parties.slice(0, 1));
    await cases.printPaper(replacement.id, 'declaration', 'a4');
    expect(printed.at(-1)!.text).toContain('本人王建国与赵磊于2008年08月08日在上海市黄浦区民政局婚姻登记处办理结婚登记，结婚证字号为J310101-2008-001808。');
    await cases.printPaper(replacement.id, 'review-form', 'a4');
    expect(printed.at(-1)!.text).toContain('J310101-2008-001808');
    // Nothing looked up for a divorce replacement: its blanks are left for ink.
    const divorce = cases.open('divorce-replacement', parties.slice(0, 1));
    await cases.printPaper(divorce.id, 'declaration', 'a4');
    expect(printed.at(-1)!.text).toContain('本人王建国与＿＿＿＿＿＿于＿＿＿＿年＿＿月＿＿日');
  });
});
