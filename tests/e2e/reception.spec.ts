/**
 * One reception case, from the user's side: a resident's card on the
 * (simulated) reader ends up as exactly one case on the (reference) backend,
 * and the officer sees each step.
 */
import type { CaseRecord } from '../../domain/case';
import { SAMPLE_OFFICERS } from '../../fixtures/backend/officers';
import { loadSampleCatalogue } from '../../fixtures/backend/server';
import { sampleCards } from '../../fixtures/id-card-reader/sample-cards';
import { expect, test } from './harness';
import { fillFormAndSign, fillRequiredBlanks, readCard, signOn } from './steps';

const resident = sampleCards.resident;
const item = loadSampleCatalogue().serviceItems[0]!;

test('a card on the reader becomes exactly one synced case on the backend', async ({ app, reader, backend }, testInfo) => {
  await expect(app.getByTestId('device-id-card-reader')).toHaveAttribute('data-state', 'ready');
  await expect(app.getByTestId('backend-status')).toHaveAttribute('data-state', 'online');
  // A reception window shows reception only: the registrar's certificate desk is not one of its screens.
  await expect(app.getByTestId('nav-reception')).toHaveClass(/current/);
  await expect(app.getByTestId('nav-certificate')).toHaveCount(0);

  await readCard(app, reader, resident);
  await expect(app.getByTestId('card-id-number')).toHaveText(resident.idNumber);

  await app.getByTestId(`item-${item.code}`).click();
  const nameField = item.formSchema.find((field) => field.prefill === 'name');
  if (nameField) await expect(app.getByTestId(`field-${nameField.key}`)).toHaveValue(resident.name);
  await fillRequiredBlanks(app, item.formSchema);
  await app.getByTestId('to-signing').click();

  await app.getByTestId('submit-case').click();
  await expect(app.getByTestId('case-sync-state')).toHaveText('已同步');
  await expect(app.getByTestId('outbox-status')).toHaveAttribute('data-queued', '0');

  const received = backend.cases().filter((c) => c.idNumber === resident.idNumber);
  expect(received).toHaveLength(1);
  // The services, not the screen, record how the applicant was identified and by whom.
  const stored = await app.evaluate(() => (window as unknown as { terminal: { invoke(method: string, params: unknown): Promise<unknown> } }).terminal.invoke('cases.list', {}));
  expect((stored as { result: CaseRecord[] }).result[0]).toMatchObject({ identitySource: 'chip', officerId: SAMPLE_OFFICERS[0]!.id });
  await app.screenshot({ path: testInfo.outputPath('reception-synced.png'), fullPage: true });
});

test('a card read on another screen belongs to it: no reception case starts behind it', async ({ app, reader }) => {
  await expect(app.getByTestId('reception')).toHaveAttribute('data-step', 'card');
  // The devices screen asked for the reader: the card is read there, for the reader test.
  await app.getByTestId('nav-devices').click();
  reader.placeCard(resident);
  await expect(app.getByTestId('devices-card-test')).toContainText(resident.name);
  await app.getByTestId('nav-reception').click();
  await expect(app.getByTestId('reception')).toHaveAttribute('data-step', 'card');
  await expect(app.getByTestId('card-name')).toHaveCount(0);
  // In front again, reception asks for the reader: the next card placed is its own.
  reader.removeCard();
  await app.waitForTimeout(1500);
  await readCard(app, reader, sampleCards.residentLongTerm);
});

test('a case submitted while the backend is down waits, then arrives once', async ({ app, reader, backend }, testInfo) => {
  await expect(app.getByTestId('backend-status')).toHaveAttribute('data-state', 'online');
  await readCard(app, reader, resident);

  await fillFormAndSign(app, item);

  await backend.pause();
  await app.getByTestId('submit-case').click();
  await expect(app.getByTestId('case-sync-state')).not.toHaveText('已同步');
  await expect(app.getByTestId('backend-status')).toHaveAttribute('data-state', 'offline', { timeout: 30_000 });
  await expect(app.getByTestId('outbox-status')).toHaveAttribute('data-queued', '1');
  await expect(app.getByTestId('outbox-status')).toContainText('待上传 1 件');
  await app.screenshot({ path: testInfo.outputPath('reception-offline.png'), fullPage: true });

  await backend.resume();
  await expect(app.getByTestId('case-sync-state')).toHaveText('已同步', { timeout: 45_000 });
  await expect(app.getByTestId('backend-status')).toHaveAttribute('data-state', 'online');
  const received = backend.cases().filter((c) => c.idNumber === resident.idNumber);
  expect(received).toHaveLength(1);
});

test('an ID number mistyped over the card\'s is refused with the field named, and nothing is saved', async ({ app, reader, backend }) => {
  await readCard(app, reader, resident);
  await app.getByTestId(`item-${item.code}`).click();
  await fillRequiredBlanks(app, item.formSchema);
  // One digit changed: the check character no longer matches.
  const mistyped = resident.idNumber.slice(0, 16) + String((Number(resident.idNumber[16]) + 1) % 10) + resident.idNumber[17];
  await app.getByTestId('field-idNumber').fill(mistyped);
  await app.getByTestId('to-signing').click();
  for (const role of item.signers) await signOn(app, `signature-${role}`);
  await app.getByTestId('submit-case').click();
  await expect(app.getByTestId('error')).toContainText('公民身份号码：证件号码不正确');
  await expect(app.getByTestId('reception')).toHaveAttribute('data-step', 'form');
  expect(backend.cases()).toHaveLength(0);

  await app.getByTestId('field-idNumber').fill(resident.idNumber);
  await app.getByTestId('to-signing').click();
  for (const role of item.signers) await signOn(app, `signature-${role}`);
  await app.getByTestId('submit-case').click();
  await expect(app.getByTestId('case-sync-state')).toHaveText('已同步');
  expect(backend.cases().filter((c) => c.idNumber === resident.idNumber)).toHaveLength(1);
});

test('an unplugged reader is shown in plain language and recovers', async ({ app, reader }) => {
  await expect(app.getByTestId('device-id-card-reader')).toHaveAttribute('data-state', 'ready');
  await reader.unplug();
  await expect(app.getByTestId('device-id-card-reader')).toHaveAttribute('data-state', 'disconnected', { timeout: 20_000 });
  await expect(app.getByTestId('device-id-card-reader')).toContainText('身份证阅读器');
  await reader.replug();
  await expect(app.getByTestId('device-id-card-reader')).toHaveAttribute('data-state', 'ready', { timeout: 20_000 });
});
