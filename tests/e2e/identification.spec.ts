/**
 * Identifying a resident without an ID card: QR codes from a serial scanner
 * gun or a keyboard-mode one, and a passport's MRZ typed by the officer.
 */
import { loadSampleCatalogue } from '../../fixtures/backend/server';
import { sampleCards } from '../../fixtures/id-card-reader/sample-cards';
import { expect, test } from './harness';
import { fillFormAndSign } from './steps';

const E_INVOICE = '01,10,,24312000000012345678,1280.50,20260315,,5A3C,';
const TD3 = ['P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C36UTO7408122F1204159ZE184226B<<<<<10'];
// Every check digit right, valid until 2031.
const VALID_TD3 = ['P<GBRSMITH<<JOHN<PETER<<<<<<<<<<<<<<<<<<<<<<', 'K123456784GBR8503127M3101012<<<<<<<<<<<<<<02'];

test('a serial scanner gun scan is classified and shown', async ({ app, scanner }) => {
  await expect(app.getByTestId('device-scanner-gun')).toHaveAttribute('data-state', 'ready');
  await scanner.scan(E_INVOICE);
  await expect(app.getByTestId('scan-result')).toHaveAttribute('data-kind', 'e-invoice');
  await expect(app.getByTestId('scan-raw')).toHaveText(E_INVOICE);
  await expect(app.getByTestId('scan-result')).toContainText('电子发票');
});

test('a keyboard-mode scanner burst is a scan; slow typing is not', async ({ app }) => {
  await expect(app.getByTestId('reception')).toHaveAttribute('data-step', 'card');
  await app.keyboard.type('HELLO-THERE', { delay: 120 });
  await app.keyboard.press('Enter');
  await expect(app.getByTestId('scan-result')).toHaveCount(0);

  await app.keyboard.type('https://example.org/code/123456', { delay: 2 });
  await app.keyboard.press('Enter');
  await expect(app.getByTestId('scan-result')).toHaveAttribute('data-kind', 'text');
  await expect(app.getByTestId('scan-raw')).toHaveText('https://example.org/code/123456');
});

test('a typed MRZ is checked digit by digit', async ({ app }) => {
  await app.getByTestId('mrz-input').fill(TD3.join('\n'));
  await app.getByTestId('mrz-parse').click();
  await expect(app.getByTestId('passport-result')).toHaveAttribute('data-ok', 'true');
  await expect(app.getByTestId('passport-number')).toHaveText('L898902C3');

  await app.getByTestId('mrz-input').fill([TD3[0], TD3[1]!.replace('7408122', '7408123')].join('\n'));
  await app.getByTestId('mrz-parse').click();
  await expect(app.getByTestId('passport-result')).toHaveAttribute('data-ok', 'false');
  await expect(app.getByTestId('passport-result')).toContainText('机读码有误');
});

test('a passport whose zone checks out starts a case that reaches the centre once', async ({ app, backend }) => {
  const item = loadSampleCatalogue().serviceItems.find((candidate) => candidate.id === 'overseas-accommodation-registration')!;
  await app.getByTestId('mrz-input').fill([TD3[0], TD3[1]!.replace('7408122', '7408123')].join('\n'));
  await app.getByTestId('mrz-parse').click();
  await expect(app.getByTestId('passport-result')).toHaveAttribute('data-ok', 'false');
  await expect(app.getByTestId('use-passport')).toHaveCount(0);

  await app.getByTestId('mrz-input').fill(VALID_TD3.join('\n'));
  await app.getByTestId('mrz-parse').click();
  await app.getByTestId('use-passport').click();
  await expect(app.getByTestId('reception')).toHaveAttribute('data-step', 'item');
  await expect(app.getByTestId('passport-summary')).toContainText('护照');
  await expect(app.getByTestId('applicant-name')).toHaveText('SMITH JOHN PETER');

  // The form fills from the passport; the officer adds only what it does not carry.
  await fillFormAndSign(app, item);
  await app.getByTestId('submit-case').click();
  await expect(app.getByTestId('case-sync-state')).toHaveText('已同步');

  const [received, ...others] = backend.cases().filter((c) => c.idNumber === 'K12345678');
  expect(others).toHaveLength(0);
  expect(received).toMatchObject({ cardType: 'passport', applicantName: 'SMITH JOHN PETER', serviceItemId: item.id });
  expect(received!.form).toMatchObject({ name: 'SMITH JOHN PETER', sex: 'male', nationality: 'GBR', documentNumber: 'K12345678', birthDate: '1985-03-12' });
});

test('a HK/Macao/Taiwan residence permit shows its pass number and issue count', async ({ app, reader }) => {
  const card = sampleCards.gatResidence;
  reader.placeCard(card);
  await expect(app.getByTestId('card-summary')).toHaveAttribute('data-card-type', 'gat-residence');
  await expect(app.getByTestId('card-summary')).toContainText('港澳台居民居住证');
  await expect(app.getByTestId('card-pass-number')).toHaveText(card.passNumber!);
  await expect(app.getByTestId('card-issue-count')).toHaveText(String(card.issueCount));
});

test('a card with a wrong check digit is shown with a warning for the officer', async ({ app, reader }) => {
  reader.placeCard(sampleCards.residentWrongCheckDigit);
  await expect(app.getByTestId('card-warning')).toContainText('校验位不正确');
});
