/**
 * The registrar's day from the desk: today's appointments from the backend's
 * feed, a party's card checking the appointment in, walk-ins within the
 * day's quota. Real peers: the reference backend, the reader simulator.
 */
import { execFileSync } from 'node:child_process';
import { startReferenceBackend, type ReferenceBackend } from '../../fixtures/backend/server';
import { FRENCH_PASSPORT_MRZ, FRENCH_PASSPORT_MRZ_BAD_CHECK } from '../../fixtures/registry/sample-passports';
import { sampleCards } from '../../fixtures/id-card-reader/sample-cards';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { beijingDate } from '../../domain/legal-date';
import { expect, test as base } from './harness';
import { captureAndComplete, expectArchivedOnce, expectNumbersOnce, MARRIAGE_PAPERS, paperKeys, readCards } from './registry-steps';

const test = base.extend({
  // The day's walk-in quota is the backend's configuration: one place, so the second walk-in is refused.
  backend: async ({ dataDir }, use) => {
    const backend = await startReferenceBackend({ dataDir: join(dataDir, 'backend'), port: 0, contract: true });
    backend.upsertFeedEntry('configuration', 'registry-desk', { id: 'registry-desk', value: { walkInQuota: 1 } });
    await use(backend);
    const violations = backend.contractViolations();
    await backend.close();
    // Every request the terminal sent and every answer it got must match openapi.yaml, as with the harness's backend.
    if (violations.length > 0) throw new Error(`contract violations (openapi.yaml):\n${JSON.stringify(violations.slice(0, 10), null, 1)}`);
  },
});
test.use({ profile: 'registry-desk' });

async function deskEvents(url: string): Promise<{ kind: string; appointmentId?: string; business?: string }[]> {
  return ((await (await fetch(`${url}/admin/registry/desk-events`)).json()) as { events: { kind: string; appointmentId?: string; business?: string }[] }).events;
}

test("a registry desk opens on today's appointments; either party's card checks the couple in, once", async ({ app, reader, backend }, testInfo) => {
  await expect(app.getByTestId('nav-registry')).toHaveClass(/current/);
  await expect(app.getByTestId('nav-reception')).toHaveCount(0);
  const rows = app.locator('[data-testid^="appointment-reg-"]');
  await expect(rows).toHaveCount(9);
  const first = rows.first();
  // Names masked except the surname; no ID number on screen.
  await expect(first.getByTestId('appointment-parties')).toHaveText('王**、马**');
  await expect(app.getByTestId('registry-desk')).not.toContainText(sampleCards.resident.idNumber);

  reader.placeCard(sampleCards.residentLongTerm);
  await expect(app.getByTestId('registry-notice')).toContainText('已签到');
  await expect(app.getByTestId('registry-notice')).toContainText('结婚登记（王**、马**）');
  await expect(first).toHaveAttribute('data-state', 'checked-in');
  await expect(first.getByTestId('appointment-state')).toHaveText('已签到');
  await app.screenshot({ path: testInfo.outputPath('registry-desk.png'), fullPage: true });

  // The other party's card finds the same appointment, already checked in.
  reader.removeCard();
  await app.waitForTimeout(1500);
  reader.placeCard(sampleCards.resident);
  await expect(app.getByTestId('registry-notice')).toContainText('该预约已签到');

  const appointmentId = (await first.getAttribute('data-testid'))!.replace('appointment-', '');
  await expect.poll(async () => (await deskEvents(backend.url)).filter((event) => event.kind === 'check-in'), { timeout: 30_000 }).toEqual([
    expect.objectContaining({ appointmentId }),
  ]);
});

test("a card without an appointment is told so; a walk-in is taken within the day's quota, then refused", async ({ app, reader, backend }) => {
  await expect(app.getByTestId('walk-in-quota')).toHaveText('现场登记名额：已用 0 / 1');
  reader.placeCard(sampleCards.residentWrongCheckDigit);
  await expect(app.getByTestId('registry-error')).toContainText('没有此证件持有人的预约');

  await app.getByTestId('walk-in-business').selectOption('record-certificate');
  await app.getByTestId('walk-in').click();
  await expect(app.getByTestId('registry-notice')).toHaveText('已受理现场登记（今日已用 1 / 1）。');
  await expect(app.getByTestId('walk-in-quota')).toHaveText('现场登记名额：已用 1 / 1');
  await expect(app.getByTestId('walk-in')).toBeDisabled();
  await expect(app.getByTestId('walk-in-full')).toHaveText('今日现场登记名额已满（1/1），请引导当事人预约其他日期。');

  await expect.poll(async () => (await deskEvents(backend.url)).filter((event) => event.kind !== 'no-show').map((event) => [event.kind, event.business]), { timeout: 30_000 }).toEqual([['walk-in', 'record-certificate']]);
});

test('a foreign-related marriage: a resident card and a French passport by its zone; the certificate prints 法国, never the code', async ({ app, reader, printer, backend }) => {
  await app.getByTestId('nav-certificate').click();
  reader.placeCard(sampleCards.resident);
  // A blank party already says 中国: wait for the card itself.
  await expect(app.getByTestId('party-0-name')).toHaveValue(sampleCards.resident.name);
  await expect(app.getByTestId('party-0-nationality')).toHaveValue('中国');

  await app.getByTestId('desk-passport').locator('summary').click();
  // A zone that fails its check digits is refused and fills nothing.
  await app.getByTestId('desk-mrz-input').fill(FRENCH_PASSPORT_MRZ_BAD_CHECK.join('\n'));
  await app.getByTestId('desk-mrz-read').click();
  await expect(app.getByTestId('certificate-error')).toHaveText('当事人2的护照机读码校验未通过，未读入。请重新扫描或核对后重新输入。');
  await expect(app.getByTestId('party-1-name')).toHaveValue('');

  await app.getByTestId('desk-mrz-input').fill(FRENCH_PASSPORT_MRZ.join('\n'));
  await app.getByTestId('desk-mrz-read').click();
  await expect(app.getByTestId('party-1-name')).toHaveValue('MARTIN SOPHIE MARIE');
  await expect(app.getByTestId('party-1-nationality')).toHaveValue('法国');
  await expect(app.getByTestId('party-1-sex')).toHaveValue('女');
  await expect(app.getByTestId('registry-problems')).toHaveCount(0);

  // A code typed over the name is refused on screen (and by the terminal).
  await app.getByTestId('party-1-nationality').fill('FRA');
  await expect(app.getByTestId('registry-problems')).toContainText('当事人2的国籍须写中文国名，不能写代码“FRA”。');
  await expect(app.getByTestId('certificate-print')).toBeDisabled();
  await app.getByTestId('party-1-nationality').fill('法国');

  await app.getByTestId('certificate-print').click();
  await expect(app.getByTestId('certificate-job-state')).toHaveAttribute('data-state', 'completed', { timeout: 30_000 });
  const [spooled] = await printer.spooledPdfs();
  const text = execFileSync('pdftotext', [spooled!, '-'], { encoding: 'utf8' });
  expect(text).toContain('法国');
  expect(text).toContain('MARTIN SOPHIE MARIE');
  expect(text).toContain(sampleCards.resident.name);
  expect(text).not.toMatch(/\bFRA\b/);
  const number = await expectIssuedOnceInACase(app, backend);
  // The case the print opened knows the French party by her passport: it asks for its data page and her authenticated
  // certificate of no spouse, and nothing of the party identified by her resident card.
  await expect(app.getByTestId('documents-party-2-identity')).toHaveText('护照');
  await expect(app.getByTestId('documents-party-1-identity')).toHaveText('居民身份证');
  await expect(app.getByTestId('documents-missing')).toHaveText('尚缺证件及证明材料：MARTIN SOPHIE MARIE护照（个人资料页）、MARTIN SOPHIE MARIE经认证的无配偶证明');

  // Signed, captured, completed: the centre holds the case once, her nationality in Chinese, each paper and document once.
  await captureAndComplete(app, MARRIAGE_PAPERS, ['passport-party-2', 'no-spouse-certificate-party-2']);
  const archived = await expectArchivedOnce(backend, {
    business: 'marriage',
    parties: [sampleCards.resident.name, 'MARTIN SOPHIE MARIE'],
    certificateNumbers: [number],
    materials: [...paperKeys(...MARRIAGE_PAPERS), 'document:passport:party-2', 'document:no-spouse-certificate:party-2'],
  });
  expect(archived.parties.map((party) => party.nationality)).toEqual(['中国', '法国']);
  await expectNumbersOnce(backend, archived.caseId, { issued: [number] });
});

/** The number the desk shows reaches the backend once, issued within the couple's case. */
async function expectIssuedOnceInACase(app: Page, backend: ReferenceBackend): Promise<string> {
  const number = (await app.getByTestId('certificate-number').textContent())?.trim() ?? '';
  expect(number).toMatch(/^J310104-\d{4}-\d{6}$/);
  await expect
    .poll(() => backend.certificateNumbers().filter((entry) => entry.number === number), { timeout: 30_000 })
    .toEqual([expect.objectContaining({ state: 'issued', caseId: expect.any(String) })]);
  return number;
}


test("a marriage is dated the registry's day, not the browser's: a screen whose clock says yesterday prints today, and a bride who turns 20 today may marry", async ({ app, reader, printer, backend }, testInfo) => {
  const now = Date.now();
  const today = beijingDate(now);
  const yesterday = beijingDate(now - 24 * 3600_000);
  // The PC's clock (the browser's) a day behind; the services keep the real one, as the centre does.
  await app.clock.setFixedTime(new Date(`${yesterday}T12:00:00+08:00`));
  expect(beijingDate(await app.evaluate(() => Date.now()))).toBe(yesterday);

  await app.getByTestId('nav-certificate').click();
  await expect(app.getByTestId('certificate-date')).toHaveValue(today);
  reader.placeCard(sampleCards.resident);
  await expect(app.getByTestId('party-0-name')).toHaveValue(sampleCards.resident.name);
  // She is 20 today, 19 by the browser's yesterday: the desk counts her age on the registry's day.
  const birthDate = `${Number(today.slice(0, 4)) - 20}${today.slice(4)}`;
  await app.getByTestId('party-1').click();
  await app.getByTestId('party-1-name').fill('林晓');
  await app.getByTestId('party-1-sex').fill('女');
  await app.getByTestId('party-1-birthDate').fill(birthDate);
  await app.getByTestId('party-1-idNumber').fill(`310104${birthDate.replaceAll('-', '')}0028`);
  await expect(app.getByTestId('review')).toHaveAttribute('data-state', 'clear');
  await expect(app.getByTestId('registry-problems')).toHaveCount(0);
  await app.screenshot({ path: testInfo.outputPath('registry-day-not-browser-day.png'), fullPage: true });

  await app.getByTestId('certificate-print').click();
  await expect(app.getByTestId('certificate-job-state')).toHaveAttribute('data-state', 'completed', { timeout: 30_000 });
  const [spooled] = await printer.spooledPdfs();
  const text = execFileSync('pdftotext', [spooled!, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
  expect(text).toContain(chineseDate(today));
  expect(text).not.toContain(chineseDate(yesterday));
  expect(text).toContain('林晓');
  await expect(app.getByTestId('certificate-date')).toHaveValue(today);
  await expectIssuedOnceInACase(app, backend);
});

/** The sample French passport's zone with another expiry date, its check digits computed again (ICAO 9303, 7-3-1). */
function passportExpiring(expiryIso: string): string[] {
  const digit = (text: string): string =>
    String([...text].reduce((sum, char, index) => sum + (char === '<' ? 0 : /[0-9]/.test(char) ? Number(char) : char.charCodeAt(0) - 55) * [7, 3, 1][index % 3]!, 0) % 10);
  const line = FRENCH_PASSPORT_MRZ[1];
  const expiry = expiryIso.slice(2).replaceAll('-', '');
  const withExpiry = `${line.slice(0, 21)}${expiry}${digit(expiry)}${line.slice(28, 43)}`;
  const composite = withExpiry.slice(0, 10) + withExpiry.slice(13, 20) + withExpiry.slice(21, 43);
  return [FRENCH_PASSPORT_MRZ[0], `${withExpiry}${digit(composite)}`];
}

test("a passport is expired or not on the registry's day, not on the browser's clock", async ({ app }) => {
  const yesterday = beijingDate(Date.now() - 24 * 3600_000);
  await app.clock.setFixedTime(new Date(`${yesterday}T12:00:00+08:00`));
  await app.getByTestId('nav-certificate').click();
  await expect(app.getByTestId('certificate-date')).toHaveValue(beijingDate());
  // Valid until yesterday: still valid by the browser's clock, expired on the registry's day.
  await app.getByTestId('desk-passport').locator('summary').click();
  await app.getByTestId('desk-mrz-input').fill(passportExpiring(yesterday).join('\n'));
  await app.getByTestId('desk-mrz-read').click();
  await expect(app.getByTestId('party-0-name')).toHaveValue('MARTIN SOPHIE MARIE');
  await expect(app.getByTestId('registry-problems')).toContainText('当事人1的护照已过有效期，不能办理登记。');
});

const chineseDate = (iso: string): string => {
  const [year, month, day] = iso.split('-');
  return `${year}年${month}月${day}日`;
};

test('a review hit withholds the marriage; the registrar goes ahead only with a written reason and a scanned document', async ({ app, reader, printer, backend }, testInfo) => {
  await readCards(app, reader, sampleCards.gatResidence, sampleCards.foreignPermanent2023);
  const review = app.getByTestId('review');
  await expect(review).toHaveAttribute('data-state', 'hit');
  await expect(app.getByTestId('review-party-0')).toContainText('现有婚姻登记记录（在婚）');
  await expect(app.getByTestId('review-party-0')).toContainText('J310115-2019-004512');
  await expect(app.getByTestId('registry-problems')).toContainText('全国联网审查显示当事人现有婚姻登记记录，不予登记');
  await expect(app.getByTestId('certificate-print')).toBeDisabled();

  // Neither a reason alone nor a scan alone is enough.
  await app.getByTestId('review-override').click();
  await expect(app.getByTestId('certificate-error')).toHaveText('请填写继续办理的理由（至少 10 个字）。');
  await app.getByTestId('review-override-reason').fill('当事人提交香港高等法院离婚判决书，全国系统未录入');
  await app.getByTestId('review-override').click();
  await expect(app.getByTestId('certificate-error')).toHaveText('请先扫描证明材料（如离婚判决书）再继续办理。');
  await app.getByTestId('review-override-scan').click();
  await expect(app.getByTestId('review-override-scanned')).toBeVisible({ timeout: 30_000 });
  await app.getByTestId('review-override').click();
  await expect(review).toHaveAttribute('data-state', 'overridden');
  await expect(app.getByTestId('review-overridden')).toContainText('香港高等法院离婚判决书');
  await expect(app.getByTestId('registry-problems')).toHaveCount(0);
  await app.screenshot({ path: testInfo.outputPath('review-overridden.png'), fullPage: true });

  await app.getByTestId('certificate-print').click();
  await expect(app.getByTestId('certificate-job-state')).toHaveAttribute('data-state', 'completed', { timeout: 30_000 });
  const [spooled] = await printer.spooledPdfs();
  const text = execFileSync('pdftotext', [spooled!, '-'], { encoding: 'utf8' });
  expect(text).toContain(sampleCards.gatResidence.name);
  expect(text).toContain('法国');
  expect(text).toContain('中国');
  expect(text).not.toMatch(/\b(FRA|CHN)\b/);
  const number = await expectIssuedOnceInACase(app, backend);

  // The case goes ahead as overridden: archived once with its papers, the parties' documents and the override's scan.
  await captureAndComplete(app, MARRIAGE_PAPERS, ['notarised-declaration-party-1', 'no-spouse-certificate-party-2']);
  const archived = await expectArchivedOnce(backend, {
    business: 'marriage',
    parties: [sampleCards.gatResidence.name, sampleCards.foreignPermanent2023.name],
    certificateNumbers: [number],
    materials: [...paperKeys(...MARRIAGE_PAPERS), 'document:notarised-declaration:party-1', 'document:no-spouse-certificate:party-2', 'override-document'],
  });
  expect(archived.review).toMatchObject({ hit: true, override: { reason: '当事人提交香港高等法院离婚判决书，全国系统未录入' } });
  await expectNumbersOnce(backend, archived.caseId, { issued: [number] });
});

test('offline, the review is pending and the certificate waits; it prints once the review arrives', async ({ app, reader, printer, backend }) => {
  backend.setFaults({ errorRate: 1, pathPrefix: '/v1/registry/' });
  await readCards(app, reader, sampleCards.resident, sampleCards.residentLongTerm);
  await expect(app.getByTestId('review')).toHaveAttribute('data-state', 'pending');
  await expect(app.getByTestId('review-pending')).toContainText('正在等待全国联网审查结果');
  await expect(app.getByTestId('certificate-print')).toBeDisabled();

  backend.clearFaults();
  await expect(app.getByTestId('review')).toHaveAttribute('data-state', 'clear', { timeout: 30_000 });
  await expect(app.getByTestId('registry-problems')).toHaveCount(0);
  await app.getByTestId('certificate-print').click();
  await expect(app.getByTestId('certificate-job-state')).toHaveAttribute('data-state', 'completed', { timeout: 30_000 });
  await expect(app.getByTestId('certificate-number')).toHaveText(/^J310104-\d{4}-\d{6}$/);
  const number = await expectIssuedOnceInACase(app, backend);
  const [spooled] = await printer.spooledPdfs();
  const text = execFileSync('pdftotext', [spooled!, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
  expect(text).toContain(number);
  expect(text).toContain(sampleCards.residentLongTerm.name);
  expect(text.match(/中国/g)?.length).toBeGreaterThanOrEqual(2);

  // Archived once with the review that arrived late (clear), its papers and its number.
  await captureAndComplete(app, MARRIAGE_PAPERS);
  const archived = await expectArchivedOnce(backend, {
    business: 'marriage',
    parties: [sampleCards.resident.name, sampleCards.residentLongTerm.name],
    certificateNumbers: [number],
    materials: paperKeys(...MARRIAGE_PAPERS),
  });
  expect(archived.review).toMatchObject({ hit: false });
  await expectNumbersOnce(backend, archived.caseId, { issued: [number] });
});

test('a divorce application: both cards, the receipt prints today with the cooling-off end and the certificate window; the centre holds the application once', async ({ app, reader, printer, backend }) => {
  await readCards(app, reader, sampleCards.resident, sampleCards.residentLongTerm);
  await app.getByTestId('certificate-type').selectOption('L');
  await app.getByTestId('divorce-receipt-print').click();
  await expect(app.getByTestId('divorce-receipt-job-state')).toHaveAttribute('data-state', 'completed', { timeout: 30_000 });
  const dates = (await app.getByTestId('divorce-receipt-dates').textContent())!;
  const [, receivedOn, coolingOffEnds] = /已受理（(\d{4}-\d{2}-\d{2})）：冷静期至 (\d{4}-\d{2}-\d{2})/.exec(dates)!;
  expect(receivedOn).toBe(beijingDate());
  const [spooled] = await printer.spooledPdfs();
  const text = execFileSync('pdftotext', [spooled!, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
  expect(text).toContain('离婚登记申请受理回执');
  expect(text).toContain(sampleCards.resident.name);
  expect(text).toContain(sampleCards.residentLongTerm.name);
  const [year, month, day] = coolingOffEnds!.split('-');
  expect(text).toContain(`至${year}年${month}月${day}日止`);
  expect(text.match(/中国/g)?.length).toBeGreaterThanOrEqual(2);

  // The centre holds the application once, received today, both parties 中国; no certificate number is issued.
  const { applications } = (await (await fetch(`${backend.url}/admin/registry/divorce-applications`)).json()) as {
    applications: { state: string; parties: { idNumber: string; nationality: string }[] }[];
  };
  expect(applications.filter((entry) => entry.parties.some((party) => party.idNumber === sampleCards.resident.idNumber))).toEqual([
    expect.objectContaining({ state: 'received', parties: [expect.objectContaining({ idNumber: sampleCards.resident.idNumber, nationality: '中国' }), expect.objectContaining({ idNumber: sampleCards.residentLongTerm.idNumber, nationality: '中国' })] }),
  ]);
  expect(backend.certificateNumbers()).toEqual([]);
});
