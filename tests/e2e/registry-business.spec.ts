/**
 * The registry businesses from the registrar's side, with the real peers of
 * the desk's other specs: the reader simulator on a pseudo-terminal, the
 * reference backend on loopback (requests and answers checked against
 * openapi.yaml), ippeveprinter spooling what prints, read back with
 * pdftotext. Each test asserts what the centre holds, once.
 */
import type { Page } from '@playwright/test';
import type { IdentityCard } from '../../domain/identity-card';
import { sampleCards } from '../../fixtures/id-card-reader/sample-cards';
import { FRENCH_PASSPORT_MRZ, FRENCH_PASSPORT_MRZ_BAD_CHECK } from '../../fixtures/registry/sample-passports';
import { huangTing, qianJia, sunLi, wuMin, xuJing, zhaoLei, zhengHao, zhouJie } from '../../fixtures/registry/sample-parties';
import { expect, test } from './harness';
import { captureAndComplete, completeCase, expectArchivedOnce, expectNumbersOnce, paperKeys, pdfText, printPapers, readCards, scanPapers, spooledText } from './registry-steps';

test.use({ profile: 'registry-desk' });

interface HeldApplication {
  id: string;
  state: string;
  parties: { idNumber: string }[];
  withdrawnBy?: string;
  registeredOn?: string;
  terminalId: string;
}

async function applicationsOf(url: string, card: IdentityCard): Promise<HeldApplication[]> {
  const { applications } = (await (await fetch(`${url}/admin/registry/divorce-applications`)).json()) as { applications: HeldApplication[] };
  return applications.filter((entry) => entry.parties.some((party) => party.idNumber === card.idNumber));
}

/** Opens the business's case on the desk and prints its declaration (or application) from the case panel to the A4 printer. */
async function printCaseDeclaration(app: Page, business: string, title: string): Promise<void> {
  await app.getByTestId('registry-case-business').selectOption(business);
  await app.getByTestId('registry-case-open').click();
  await expect(app.getByTestId('registry-case')).toHaveAttribute('data-state', 'open');
  await expect(app.getByTestId('paper-declaration')).toContainText(title);
  await app.getByTestId('paper-print-declaration').click();
  await expect(app.getByTestId('paper-job-declaration')).toHaveAttribute('data-state', 'completed', { timeout: 30_000 });
}
const chineseDate = (iso: string): string => {
  const [year, month, day] = iso.split('-');
  return `${year}年${month}月${day}日`;
};

test('divorce registration: an application received at another registry is found by both cards and the L certificate prints inside its window', async ({ app, reader, backend, printer }, testInfo) => {
  await readCards(app, reader, zhaoLei, sunLi);
  await app.getByTestId('certificate-type').selectOption('L');
  await expect(app.getByTestId('registry-problems')).toContainText('请先读取双方证件并查找离婚登记申请');
  await expect(app.getByTestId('certificate-print')).toBeDisabled();

  await app.getByTestId('divorce-application-find').click();
  const found = app.getByTestId('divorce-application-found');
  await expect(found).toHaveAttribute('data-verdict', 'within-window');
  await expect(found).toContainText('上海市黄浦区民政局');
  await expect(found.getByTestId('divorce-application-verdict')).toHaveText('今日在发证期内，可以办理离婚登记。');
  await expect(app.getByTestId('registry-problems')).toHaveCount(0);
  await app.screenshot({ path: testInfo.outputPath('divorce-registration.png'), fullPage: true });

  await app.getByTestId('certificate-print').click();
  await expect(app.getByTestId('certificate-job-state')).toHaveAttribute('data-state', 'completed', { timeout: 30_000 });
  const number = (await app.getByTestId('certificate-number').textContent())!;
  expect(number).toMatch(/^L310104-\d{4}-\d{6}$/);
  const [spooled] = await printer.spooledPdfs();
  const text = pdfText(spooled!);
  // One booklet for each party.
  expect(text).toContain(zhaoLei.name);
  expect(text).toContain(sunLi.name);
  expect(text).toContain(zhaoLei.idNumber);
  expect(text).toContain(number);

  expect(text.match(/中国/g)?.length).toBeGreaterThanOrEqual(2);
  expect(text).not.toMatch(/CHN/);

  const held = await applicationsOf(backend.url, zhaoLei);
  expect(held).toEqual([expect.objectContaining({ state: 'registered', terminalId: 'wt-310101-sample' })]);
  // The registration's papers signed and captured, each party's marriage certificate copied: the case archived once, L issued once in it.
  await captureAndComplete(app, ['review-form', 'divorce-agreement', 'handover-receipt'], ['marriage-certificate-party-1', 'marriage-certificate-party-2']);
  const archived = await expectArchivedOnce(backend, {
    business: 'divorce-registration',
    parties: [zhaoLei.name, sunLi.name],
    certificateNumbers: [number],
    materials: [...paperKeys('review-form', 'divorce-agreement', 'handover-receipt'), 'document:marriage-certificate:party-1', 'document:marriage-certificate:party-2'],
  });
  await expectNumbersOnce(backend, archived.caseId, { issued: [number] });
});

test('a withdrawal by one party within the cooling-off period prints its confirmation, and no registration follows', async ({ app, reader, backend, printer }) => {
  // Only the wife comes: her card alone finds the application.
  await readCards(app, reader, qianJia);
  await app.getByTestId('certificate-type').selectOption('L');
  await app.getByTestId('divorce-application-find').click();
  const found = app.getByTestId('divorce-application-found');
  await expect(found).toHaveAttribute('data-verdict', 'cooling-off');
  const periods = (await found.getByTestId('divorce-application-periods').textContent())!;
  const [, coolingOffEnds, windowOpens] = /冷静期至 (\d{4}-\d{2}-\d{2})；发证期 (\d{4}-\d{2}-\d{2})/.exec(periods)!;
  // Outside the window the certificate is refused, with the dates.
  await expect(app.getByTestId('registry-problems')).toHaveText(`登记日仍在离婚冷静期内（至 ${coolingOffEnds}），${windowOpens} 起方可发证。`);
  await expect(app.getByTestId('certificate-print')).toBeDisabled();

  await expect(found.getByTestId('divorce-withdrawer')).toHaveValue(qianJia.idNumber);
  // Her own written request first, from the case panel, naming the application the desk just found; she signs it.
  await printCaseDeclaration(app, 'divorce-withdrawal', '撤回离婚登记申请书');
  const request = await spooledText(printer, '撤回离婚登记申请书');
  expect(request).toContain(`本人${qianJia.name}与${zhengHao.name}于`);
  expect(request).toContain('向上海市黄浦区民政局共同提交离婚登记申请');
  expect(request).toContain(`（至${chineseDate(coolingOffEnds!)}止），自愿撤回该离婚登记申请`);
  expect(request).toContain(qianJia.idNumber);
  expect(request).toContain('申请人（签名并按指纹）');
  await found.getByTestId('divorce-withdraw').click();
  await expect(app.getByTestId('divorce-withdrawal-job-state')).toHaveAttribute('data-state', 'completed', { timeout: 30_000 });
  await expect(found).toHaveAttribute('data-state', 'withdrawn');
  await expect(found.getByTestId('divorce-application-state')).toHaveText('已撤回');
  await expect(found.getByTestId('divorce-withdraw')).toHaveCount(0);
  await expect(app.getByTestId('certificate-print')).toBeDisabled();

  const text = await spooledText(printer, '撤回离婚登记申请确认书');
  expect(text).toContain(zhengHao.name);
  expect(text).toContain(`当事人${qianJia.name}于`);
  expect(text).toContain(`在离婚冷静期内（至${chineseDate(coolingOffEnds!)}止）撤回`);
  expect(text).toContain('不再据此办理离婚登记');

  expect(await applicationsOf(backend.url, qianJia)).toEqual([expect.objectContaining({ state: 'withdrawn', withdrawnBy: qianJia.idNumber })]);
  expect(backend.certificateNumbers().filter((entry) => entry.number.startsWith('L'))).toEqual([]);
  // Her signed request captured back: the withdrawal's case archived once, hers alone, with no number.
  await scanPapers(app, ['declaration']);
  await completeCase(app);
  const archived = await expectArchivedOnce(backend, { business: 'divorce-withdrawal', parties: [qianJia.name], certificateNumbers: [], materials: paperKeys('declaration') });
  await expectNumbersOnce(backend, archived.caseId, { issued: [] });
});

test('a withdrawal after the cooling-off period is refused with the dates, and nothing changes or prints', async ({ app, reader, backend, printer }) => {
  await readCards(app, reader, zhaoLei);
  await app.getByTestId('certificate-type').selectOption('L');
  await app.getByTestId('divorce-application-find').click();
  const found = app.getByTestId('divorce-application-found');
  await expect(found).toHaveAttribute('data-verdict', 'within-window');
  const periods = (await found.getByTestId('divorce-application-periods').textContent())!;
  const [, coolingOffEnds, windowOpens, windowCloses] = /冷静期至 (\S+)；发证期 (\S+) 至 (\S+)。/.exec(periods)!;
  await found.getByTestId('divorce-withdraw').click();
  await expect(app.getByTestId('divorce-application-error')).toHaveText(
    `离婚冷静期已于 ${coolingOffEnds} 届满，不能再撤回离婚登记申请。双方可在 ${windowOpens} 至 ${windowCloses} 共同申请发给离婚证，逾期未申请的视为撤回。`,
  );
  expect(await applicationsOf(backend.url, zhaoLei)).toEqual([expect.objectContaining({ state: 'received' })]);
  expect(await printer.spooledPdfs()).toEqual([]);
});

test('a replacement marriage certificate prints from the original registration found by ID number and name; a record that does not exist is refused', async ({ app, reader, backend, printer }) => {
  await readCards(app, reader, wuMin);
  await app.getByTestId('certificate-type').selectOption('BJ');
  await app.getByTestId('replacement-find').click();
  await expect(app.getByTestId('replacement-error')).toHaveText(
    '婚姻登记信息系统中没有与“吴敏”的证件号和姓名相符的结婚登记记录，不能补领结婚证。请核对证件号与姓名，或请当事人到原登记机关查询。',
  );
  await expect(app.getByTestId('certificate-print')).toBeDisabled();

  reader.removeCard();
  await app.waitForTimeout(1500);
  await app.getByTestId('party-0').click();
  reader.placeCard(zhouJie);
  await expect(app.getByTestId('party-0-name')).toHaveValue(zhouJie.name);
  await app.getByTestId('replacement-find').click();
  await expect(app.getByTestId('replacement-original')).toHaveText('原结婚登记：2008-08-08，上海市黄浦区民政局婚姻登记处，J310101-2008-001808');
  // The other party and the original date come from the record, the remarks say what it replaces.
  await expect(app.getByTestId('party-1-name')).toHaveValue(xuJing.name);
  await expect(app.getByTestId('certificate-date')).toHaveValue('2008-08-08');
  await expect(app.getByTestId('certificate-remarks')).toHaveValue('补发。原登记日期：2008年08月08日；原证字号：J310101-2008-001808。');
  await expect(app.getByTestId('registry-problems')).toHaveCount(0);
  // The applicant's declaration from the case panel, naming the original the desk found.
  await printCaseDeclaration(app, 'marriage-replacement', '申请补领结婚证声明书');
  const declaration = await spooledText(printer, '申请补领结婚证声明书');
  expect(declaration).toContain(`本人${zhouJie.name}与${xuJing.name}于2008年08月08日在上海市黄浦区民政局婚姻登记处办理结婚登记，结婚证字号为J310101-2008-001808。`);
  expect(declaration).toContain('声明人（签名并按指纹）');

  await app.getByTestId('certificate-print').click();
  await expect(app.getByTestId('certificate-job-state')).toHaveAttribute('data-state', 'completed', { timeout: 30_000 });
  const number = (await app.getByTestId('certificate-number').textContent())!;
  expect(number).toMatch(/^BJ310104-\d{4}-\d{6}$/);
  const text = await spooledText(printer, number);
  expect(text).toContain(number);
  expect(text).toContain('2008年08月08日');
  expect(text).toContain('补发。原登记日期：2008年08月08日；原证字号：J310101-2008-001808。');
  expect(text).toContain(zhouJie.name);
  expect(text).toContain(xuJing.name);
  expect(text.match(/中国/g)?.length).toBeGreaterThanOrEqual(2);
  expect(text).not.toMatch(/CHN/);
  await expect.poll(() => backend.certificateNumbers().filter((entry) => entry.number.startsWith('BJ')), { timeout: 30_000 }).toEqual([expect.objectContaining({ number, state: 'issued' })]);
  // The declaration already printed; the review form and the hand-over receipt print with the number; all captured back.
  await printPapers(app, ['review-form', 'handover-receipt']);
  await scanPapers(app, ['declaration', 'review-form', 'handover-receipt']);
  await completeCase(app);
  const archived = await expectArchivedOnce(backend, {
    business: 'marriage-replacement',
    parties: [zhouJie.name],
    certificateNumbers: [number],
    materials: paperKeys('declaration', 'review-form', 'handover-receipt'),
  });
  await expectNumbersOnce(backend, archived.caseId, { issued: [number] });
});

test('a record certificate lists the registrations in the Shanghai index, or states that there are none', async ({ app, reader, backend, printer }) => {
  await readCards(app, reader, huangTing);
  // Her signed application first, from the case panel.
  await printCaseDeclaration(app, 'record-certificate', '婚姻登记记录证明申请书');
  const application = await spooledText(printer, '婚姻登记记录证明申请书');
  expect(application).toContain(`本人${huangTing.name}申请查询本人在上海市婚姻登记信息系统中的婚姻登记记录`);
  expect(application).toContain(huangTing.idNumber);
  expect(application).toContain('申请人（签名并按指纹）');

  await app.getByTestId('record-certificate-print').click();
  await expect(app.getByTestId('record-certificate-job-state')).toHaveAttribute('data-state', 'completed', { timeout: 30_000 });
  await expect(app.getByTestId('record-certificate-issued')).toContainText('2 条婚姻登记记录');
  const listed = await spooledText(printer, 'J310107-2016-000388');
  expect(listed).toContain('婚姻登记记录证明');
  expect(listed).toContain(huangTing.idNumber);
  expect(listed).toContain('结婚登记');
  expect(listed).toContain('J310107-2016-000388');
  expect(listed).toContain('离婚登记');
  expect(listed).toContain('L310107-2020-000912');
  expect(listed).toContain('何伟');
  expect(listed).toContain('国籍中国');
  // Her application and the hand-over receipt captured back: the case archived once, hers, with no certificate number.
  await printPapers(app, ['handover-receipt']);
  await scanPapers(app, ['declaration', 'handover-receipt']);
  await completeCase(app);
  const archived = await expectArchivedOnce(backend, { business: 'record-certificate', parties: [huangTing.name], certificateNumbers: [], materials: paperKeys('declaration', 'handover-receipt') });
  await expectNumbersOnce(backend, archived.caseId, { issued: [] });

  reader.removeCard();
  await app.waitForTimeout(1500);
  await app.getByTestId('party-0').click();
  reader.placeCard(wuMin);
  await expect(app.getByTestId('party-0-name')).toHaveValue(wuMin.name);
  await app.getByTestId('record-certificate-print').click();
  await expect(app.getByTestId('record-certificate-issued')).toContainText('上海市婚姻登记信息系统中无婚姻登记记录');
  await expect(app.getByTestId('record-certificate-job-state')).toHaveAttribute('data-state', 'completed', { timeout: 30_000 });
  await spooledText(printer, '经查询上海市婚姻登记信息系统，未查询到该当事人的婚姻登记记录。');

  const { certificates } = (await (await fetch(`${backend.url}/admin/registry/record-certificates`)).json()) as { certificates: { idNumber: string; recordCount: number }[] };
  expect(certificates.map((entry) => [entry.idNumber, entry.recordCount])).toEqual([
    [huangTing.idNumber, 2],
    [wuMin.idNumber, 0],
  ]);
});

test('a foreign-related divorce application: a resident card and a French passport by its zone (a failing zone refused); the receipt says 法国, and any desk finds the application by the passport number', async ({ app, reader, backend, printer }) => {
  await readCards(app, reader, sampleCards.resident);
  await app.getByTestId('desk-passport').locator('summary').click();
  await app.getByTestId('desk-mrz-input').fill(FRENCH_PASSPORT_MRZ_BAD_CHECK.join('\n'));
  await app.getByTestId('desk-mrz-read').click();
  await expect(app.getByTestId('certificate-error')).toHaveText('当事人2的护照机读码校验未通过，未读入。请重新扫描或核对后重新输入。');
  await expect(app.getByTestId('party-1-name')).toHaveValue('');
  await app.getByTestId('desk-mrz-input').fill(FRENCH_PASSPORT_MRZ.join('\n'));
  await app.getByTestId('desk-mrz-read').click();
  await expect(app.getByTestId('party-1-nationality')).toHaveValue('法国');
  const passportNumber = await app.getByTestId('party-1-idNumber').inputValue();

  await app.getByTestId('certificate-type').selectOption('L');
  await app.getByTestId('divorce-receipt-print').click();
  await expect(app.getByTestId('divorce-receipt-job-state')).toHaveAttribute('data-state', 'completed', { timeout: 30_000 });
  const [spooled] = await printer.spooledPdfs();
  const text = pdfText(spooled!);
  expect(text).toContain('离婚登记申请受理回执');
  expect(text).toContain('MARTINSOPHIEMARIE');
  expect(text).toContain('法国');
  expect(text).not.toContain('FRA');

  // The centre holds it once, the nationality in Chinese; the desk finds it by the passport number, in its cooling-off period.
  const held = (await applicationsOf(backend.url, sampleCards.resident)).map((entry) => entry as HeldApplication & { parties: { idNumber: string; nationality: string }[] });
  expect(held).toEqual([expect.objectContaining({ state: 'received', parties: [expect.objectContaining({ nationality: '中国' }), expect.objectContaining({ idNumber: passportNumber, nationality: '法国' })] })]);
  await app.getByTestId('divorce-application-find').click();
  await expect(app.getByTestId('divorce-application-found')).toHaveAttribute('data-verdict', 'cooling-off');
  await expect(app.getByTestId('certificate-print')).toBeDisabled();
});
