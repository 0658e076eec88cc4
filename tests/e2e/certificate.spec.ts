/**
 * The registrar's certificate desk: both parties' cards fill the certificate,
 * it prints under a number from the leased block, and a spoiled print voids
 * that number (reported to the backend) and reprints under a new one.
 */
import { execFileSync } from 'node:child_process';
import type { Page } from '@playwright/test';
import type { IdCardReaderSimulator } from '../../fixtures/id-card-reader/simulator';
import { beijingDate } from '../../domain/legal-date';
import { sampleCards } from '../../fixtures/id-card-reader/sample-cards';
import { expect, test } from './harness';

const NUMBER = /^J310104-\d{4}-\d{6}$/;

test.use({ profile: 'registry-desk' });

test('the certificate desk of a registry desk shows no reception screen and fills its party from the card', async ({ app, reader }) => {
  await app.getByTestId('nav-certificate').click();
  await expect(app.getByTestId('party-0-name')).toBeVisible();
  await expect(app.getByTestId('nav-certificate')).toHaveClass(/current/);
  await expect(app.getByTestId('nav-reception')).toHaveCount(0);
  // The card fills the desk's party; nothing of the reception flow hears it.
  reader.placeCard(sampleCards.resident);
  await expect(app.getByTestId('party-0-name')).toHaveValue(sampleCards.resident.name);
  await expect(app.getByTestId('card-summary')).toHaveCount(0);
});

/** The desk fills the party it is on from each card placed, then moves to the other. */
async function fillBothPartiesFromCards(app: Page, reader: IdCardReaderSimulator): Promise<void> {
  await app.getByTestId('nav-certificate').click();
  reader.placeCard(sampleCards.resident);
  await expect(app.getByTestId('party-0-name')).toHaveValue(sampleCards.resident.name);
  reader.removeCard();
  await app.waitForTimeout(1500);
  reader.placeCard(sampleCards.residentLongTerm);
  await expect(app.getByTestId('party-1-name')).toHaveValue(sampleCards.residentLongTerm.name);
}

test('a certificate prints under a leased number; a spoiled one is voided and reprinted', async ({ app, reader, backend, printer }, testInfo) => {
  await fillBothPartiesFromCards(app, reader);

  await app.getByTestId('certificate-preview').click();
  // One booklet per party.
  await expect(app.getByTestId('pdf-preview')).toHaveAttribute('data-rendered', '2');
  await app.screenshot({ path: testInfo.outputPath('certificate-desk.png'), fullPage: true });

  await app.getByTestId('certificate-print').click();
  await expect(app.getByTestId('certificate-job-state')).toHaveAttribute('data-state', 'completed', { timeout: 30_000 });
  const first = (await app.getByTestId('certificate-number').textContent())!;
  expect(first).toMatch(NUMBER);
  const [spooled] = await printer.spooledPdfs();
  const text = execFileSync('pdftotext', [spooled!, '-'], { encoding: 'utf8' });
  expect(text).toContain(sampleCards.resident.name);
  expect(text).toContain(first);

  await app.getByTestId('certificate-reprint').click();
  await expect(app.getByTestId('certificate-voided')).toContainText(first);
  await expect(app.getByTestId('certificate-job-state')).toHaveAttribute('data-state', 'completed', { timeout: 30_000 });
  const second = (await app.getByTestId('certificate-number').textContent())!;
  expect(second).toMatch(NUMBER);
  expect(second).not.toBe(first);

  await expect.poll(() => backend.certificateNumbers().find((n) => n.number === first)?.state, { timeout: 30_000 }).toBe('void');
  // Printing opened the couple's registration case; both numbers are linked to it at the backend, once each.
  await expect.poll(() => backend.certificateNumbers().find((n) => n.number === second)?.caseId, { timeout: 30_000 }).toBeTruthy();
  const caseId = backend.certificateNumbers().find((n) => n.number === second)!.caseId!;
  expect(backend.certificateNumbers().filter((n) => n.number === first || n.number === second).map((n) => n.caseId)).toEqual([caseId, caseId]);
});

test('the marriage declaration prints from the desk with both parties, to be signed by hand', async ({ app, reader, printer }) => {
  await fillBothPartiesFromCards(app, reader);

  const declaration = app.getByTestId('declaration-print');
  await declaration.getByTestId('print').click();
  await expect(declaration.getByTestId('print-job-state')).toHaveAttribute('data-state', 'completed', { timeout: 30_000 });
  const [spooled] = await printer.spooledPdfs();
  const text = execFileSync('pdftotext', [spooled!, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
  expect(text).toContain('申请结婚登记声明书');
  expect(text).toContain(sampleCards.resident.name);
  expect(text).toContain(sampleCards.residentLongTerm.name);
  expect(text).toContain('声明人（签名并按指纹）');
});

test('a marriage certificate is not printed for a party under the legal age, and the desk says who and why', async ({ app, reader }) => {
  // The registration date is the registry's day (the terminal's, by the centre's clock): the ages count from it.
  const today = beijingDate();
  const twentiethBirthday = `${Number(today.slice(0, 4)) - 20}${today.slice(4)}`;
  const dayAfter = new Date(Date.parse(`${twentiethBirthday}T00:00:00Z`) + 24 * 3600_000).toISOString().slice(0, 10);
  await app.getByTestId('nav-certificate').click();
  await expect(app.getByTestId('certificate-date')).toHaveValue(today);
  reader.placeCard(sampleCards.resident);
  await expect(app.getByTestId('party-0-name')).toHaveValue(sampleCards.resident.name);
  await app.getByTestId('party-1-name').fill('李娜');
  await app.getByTestId('party-1-sex').fill('女');
  await app.getByTestId('party-1-idNumber').fill('310105200701010020');
  await app.getByTestId('party-1-birthDate').fill(dayAfter);

  await expect(app.getByTestId('registry-problems')).toHaveText('当事人2（李娜）登记日年满 19 周岁，未达法定婚龄 20 周岁。');
  await expect(app.getByTestId('certificate-print')).toBeDisabled();
  // A replacement certificate re-issues a registered marriage: no age rule, only the original to find.
  await app.getByTestId('certificate-type').selectOption('BJ');
  await expect(app.getByTestId('registry-problems')).toHaveText('补领证书须先按当事人证件号和姓名查找原登记记录。');
  await app.getByTestId('certificate-type').selectOption('J');

  await app.getByTestId('party-1-birthDate').fill(twentiethBirthday);
  await expect(app.getByTestId('registry-problems')).toHaveCount(0);
  await expect(app.getByTestId('certificate-print')).toBeEnabled();
});

test('a certificate printer is calibrated from the measured target', async ({ app, printer }) => {
  await app.getByTestId('nav-devices').click();
  await app.getByTestId('calibration-print').click();
  await expect.poll(async () => (await printer.spooledPdfs()).length, { timeout: 20_000 }).toBe(1);
  await app.getByTestId('calibration-x').fill('21.5');
  await app.getByTestId('calibration-y').fill('18');
  await app.getByTestId('calibration-save').click();
  await expect(app.getByTestId('calibration-offsets')).toContainText('-1.5');
  await expect(app.getByTestId('calibration-offsets')).toContainText('2');
});
