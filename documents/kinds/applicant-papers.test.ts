/**
 * The papers one applicant signs at the registry desk (withdrawal, replacement, record certificate) and the
 * replacement's review form, read back with pdftotext: each is titled as the desk lists it (`paperTitle`), names the
 * applicant, the registry, the day and the case, and leaves boxes for ink, fingerprint and the registrar.
 */
import { describe, expect, it } from 'vitest';
import { paperTitle } from '../../domain/registry/signed-papers';
import { DocumentError } from '../errors';
import { testEngine } from '../test-support/engine';
import { pdfText } from '../test-support/poppler';
import { parties } from '../test-support/samples';

const squeeze = (text: string) => text.replace(/\s+/g, '');
const foreign = { name: 'MARTIN SOPHIE MARIE', sex: '女', nationality: '法国', birthDate: '1990-06-15', idNumber: '18FR12345' };
const desk = { date: '2026-06-20', registry: '上海市徐汇区民政局', caseNumber: 'C0FFEE12', registrar: '王芳' };

async function rendered(kind: string, data: unknown): Promise<string> {
  return squeeze(await pdfText((await (await testEngine()).render(kind, data)).pdf));
}

describe('the registry desk papers one applicant signs', () => {
  it('the withdrawal application: the withdrawing party, the application withdrawn, ink and the registrar', async () => {
    const text = await rendered('withdrawal-application', {
      ...desk,
      applicant: foreign,
      spouse: { name: parties[0]!.name, idNumber: parties[0]!.idNumber },
      application: { receivedOn: '2026-06-03', coolingOffEnds: '2026-07-03', registry: '上海市黄浦区民政局' },
    });
    expect(paperTitle('divorce-withdrawal', 'declaration')).toBe('撤回离婚登记申请书');
    for (const phrase of [
      '撤回离婚登记申请书',
      '编号：C0FFEE12',
      '上海市徐汇区民政局',
      '法国',
      '18FR12345',
      '本人MARTINSOPHIEMARIE与张伟于2026年06月03日向上海市黄浦区民政局共同提交离婚登记申请。现本人在离婚冷静期内（至2026年07月03日止），自愿撤回该离婚登记申请。',
      '双方如仍需离婚，应当重新共同申请',
      '申请人（签名并按指纹）',
      '受理人（婚姻登记员签名）',
      '王芳',
      '申请日期：2026年06月20日',
    ])
      expect(text).toContain(phrase);
  });

  it('the withdrawal application without the application at hand leaves its date and registry for ink', async () => {
    const text = await rendered('withdrawal-application', { date: '2026-06-20', applicant: parties[1] });
    expect(text).toContain('本人李娜与＿＿＿＿＿＿于＿＿＿＿年＿＿月＿＿日向＿＿＿＿＿＿婚姻登记机关共同提交离婚登记申请。');
    expect(text).not.toContain('编号：');
  });

  it('the replacement declarations: marriage (the marriage still stands) and divorce, the original registration, why', async () => {
    const original = { registeredOn: '2008-08-08', number: 'J310101-2008-001808', authority: '上海市黄浦区民政局婚姻登记处' };
    const marriage = await rendered('replacement-declaration', { ...desk, registration: 'marriage', applicant: parties[0], spouse: { name: parties[1]!.name }, original, reason: 'lost' });
    for (const phrase of [
      paperTitle('marriage-replacement', 'declaration'),
      '本人张伟与李娜于2008年08月08日在上海市黄浦区民政局婚姻登记处办理结婚登记，结婚证字号为J310101-2008-001808。',
      '现因结婚证遗失或者损毁，本人申请补领结婚证。本人声明：双方的婚姻关系依然存续，未办理离婚登记',
      '结婚证遗失',
      '结婚证损毁',
      '声明人（签名并按指纹）',
      '监誓人（婚姻登记员签名）',
      '声明日期：2026年06月20日',
      '编号：C0FFEE12',
      '上海市徐汇区民政局',
      parties[0]!.idNumber,
    ])
      expect(marriage).toContain(phrase);
    const divorce = await rendered('replacement-declaration', { ...desk, registration: 'divorce', applicant: foreign });
    expect(divorce).toContain('申请补领离婚证声明书');
    expect(divorce).toContain(paperTitle('divorce-replacement', 'declaration'));
    expect(divorce).toContain('本人MARTINSOPHIEMARIE与＿＿＿＿＿＿于＿＿＿＿年＿＿月＿＿日在＿＿＿＿＿＿婚姻登记机关办理离婚登记');
    expect(divorce).toContain('现因离婚证遗失或者损毁，本人申请补领离婚证。');
    expect(divorce).not.toContain('婚姻关系依然存续');
  });

  it('the record certificate application: the applicant, what is asked and what it is not', async () => {
    const text = await rendered('record-certificate-application', { ...desk, applicant: parties[1], purpose: '公证' });
    for (const phrase of [
      paperTitle('record-certificate', 'declaration'),
      '婚姻登记记录证明申请书',
      '本人李娜申请查询本人在上海市婚姻登记信息系统中的婚姻登记记录，并出具婚姻登记记录证明。',
      '用途：公证',
      '不作为本人无配偶的证明',
      parties[1]!.idNumber,
      '1996年11月02日',
      '申请人（签名并按指纹）',
      '受理人（婚姻登记员签名）',
      '申请日期：2026年06月20日',
    ])
      expect(text).toContain(phrase);
  });

  it('the replacement review form: titled per certificate, the applicant alone, the original, 准予补发', async () => {
    const review = {
      ...desk,
      parties: [parties[0]],
      registration: 'marriage-replacement',
      documentsChecked: ['居民身份证'],
      nationalReview: '未发现在婚记录',
      reviewOpinion: '原登记事项属实，符合补领条件。',
      reviewedOn: '2026-06-20',
      original: { registeredOn: '2008-08-08', number: 'J310101-2008-001808', authority: '上海市黄浦区民政局婚姻登记处' },
      decision: 'approved',
      certificateNumber: 'BJ310104-2026-000001',
      registeredOn: '2026-06-20',
    };
    const marriage = await rendered('review-form', review);
    for (const phrase of [paperTitle('marriage-replacement', 'review-form'), '补发结婚证审查处理表', '原登记日期', '2008年08月08日', 'J310101-2008-001808', '准予补发', '补发结婚证字号', 'BJ310104-2026-000001', '申请人（签名并按指纹）'])
      expect(marriage).toContain(phrase);
    expect(marriage).not.toContain('当事人二');
    const divorce = await rendered('review-form', { ...review, registration: 'divorce-replacement', parties: [foreign], original: undefined, decision: undefined, certificateNumber: undefined, registeredOn: undefined });
    expect(divorce).toContain(paperTitle('divorce-replacement', 'review-form'));
    expect(divorce).toContain('原离婚证字号');
    expect(divorce).not.toContain('准予补发');
  });

  it('a registration review form still needs both parties, each absent one named', async () => {
    const engine = await testEngine();
    const { decision: _d, certificateNumber: _c, ...undecided } = { parties: [parties[0]], documentsChecked: ['居民身份证'], nationalReview: '无', reviewOpinion: '符合', reviewedOn: '2026-06-20', decision: 'approved', certificateNumber: 'x' };
    const error = await engine.render('review-form', undecided).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DocumentError);
    expect((error as DocumentError).details).toMatchObject({ missing: ['parties[1]'], missingLabels: ['当事人二'] });
  });
});
