/**
 * The registry businesses' papers read back with pdftotext: the withdrawal
 * confirmation, the record certificate with records and without, and the
 * divorce and replacement booklets on the certificate overlay.
 */
import { describe, expect, it } from 'vitest';
import { DocumentError } from '../errors';
import { testEngine } from '../test-support/engine';
import { pdfText } from '../test-support/poppler';
import { parties } from '../test-support/samples';

const squeeze = (text: string) => text.replace(/\s+/g, '');
const foreign = { name: 'MARTIN SOPHIE MARIE', sex: '女', nationality: '法国', birthDate: '1990-06-15', idNumber: '18FR12345' };

describe('registry business documents', () => {
  it('a withdrawal confirmation names who withdrew, when, the application it ends, and that no registration follows', async () => {
    const engine = await testEngine();
    const data = { parties: [parties[0], foreign], receivedOn: '2026-06-03', coolingOffEnds: '2026-07-03', withdrawnOn: '2026-06-20', withdrawnBy: 1, receivingRegistry: '上海市黄浦区民政局', registry: '上海市徐汇区民政局' };
    const text = squeeze(await pdfText((await engine.render('divorce-withdrawal', data)).pdf));
    expect(text).toContain('撤回离婚登记申请确认书');
    expect(text).toContain('当事人MARTINSOPHIEMARIE于2026年06月20日在离婚冷静期内（至2026年07月03日止）撤回双方于2026年06月03日向上海市黄浦区民政局提交的离婚登记申请。');
    expect(text).toContain('法国');
    expect(text).toContain('不再据此办理离婚登记');
  });

  it('a record certificate lists each registration, or states that the Shanghai index holds none', async () => {
    const engine = await testEngine();
    const records = [
      { kind: 'marriage', date: '2016-02-14', authority: '上海市普陀区民政局婚姻登记处', number: 'J310107-2016-000388', otherParty: '何伟' },
      { kind: 'divorce', date: '2020-11-11', authority: '上海市普陀区民政局婚姻登记处', number: 'L310107-2020-000912', otherParty: '何伟' },
    ];
    const listed = squeeze(await pdfText((await engine.render('record-certificate', { number: '310104-2026-000001', issuedOn: '2026-11-28', person: parties[1], records })).pdf));
    for (const phrase of ['婚姻登记记录证明', '编号：310104-2026-000001', '共2条', '结婚登记', '2016年02月14日', 'J310107-2016-000388', '离婚登记', 'L310107-2020-000912', '何伟', parties[1]!.idNumber]) expect(listed).toContain(phrase);
    const none = squeeze(await pdfText((await engine.render('record-certificate', { number: '310104-2026-000002', issuedOn: '2026-11-28', person: foreign, records: [] })).pdf));
    expect(none).toContain('经查询上海市婚姻登记信息系统，未查询到该当事人的婚姻登记记录。');
    expect(none).toContain('法国');
  });

  it('divorce (L) and replacement (BL) booklets print on the overlay; a J year differing from the date is still refused', async () => {
    const engine = await testEngine();
    const divorce = await engine.render('marriage-certificate', { number: 'L310104-2026-000007', registeredOn: '2026-11-28', parties });
    expect(divorce.title).toBe('离婚证 L310104-2026-000007');
    expect(squeeze(await pdfText(divorce.pdf))).toContain('L310104-2026-000007');
    const replacement = await engine.render('marriage-certificate', { number: 'BL310104-2026-000001', registeredOn: '2020-11-11', parties, remarks: '补发。原登记日期：2020年11月11日；原证字号：L310107-2020-000912。' });
    expect(squeeze(await pdfText(replacement.pdf))).toContain('补发。原登记日期：2020年11月11日；原证字号：L310107-2020-000912。');
    await expect(engine.render('marriage-certificate', { number: 'L310104-2025-000007', registeredOn: '2026-11-28', parties })).rejects.toBeInstanceOf(DocumentError);
  });
});
