/**
 * The reception flow identifying the applicant by a social security card, from
 * the window officer's side: a real PC/SC stack (a private pcscd, Debian's vpcd
 * virtual reader and the emulated card in vicc) behind the terminal's services,
 * the renderer in Chromium, the reference backend. The card inserted shows on
 * the reception screen (it claims the card readers while in front), becomes one
 * case on the backend, and the services record it as identified from the
 * card's chip; a wrong card is named as such in the officer's words.
 */
import type { CaseRecord } from '../../domain/case';
import { loadSampleCatalogue } from '../../fixtures/backend/server';
import { pcscStackMissing, startPcscHarness, type PcscHarness } from '../../fixtures/social-security-card/pcsc-harness';
import { test as base, expect } from './harness';
import { fillRequiredBlanks, signOn } from './steps';

const item = loadSampleCatalogue().serviceItems[0]!;

/**
 * One PC/SC stack per worker: the smartcard client library (used by the harness to see a card leave) reads
 * PCSCLITE_CSOCK_NAME once per process. The terminal's services get the same socket through their environment.
 */
const test = base.extend<object, { pcsc: PcscHarness }>({
  pcsc: [
    async ({}, use) => {
      const harness = await startPcscHarness();
      await use(harness);
      await harness.close();
    },
    { scope: 'worker' },
  ],
  terminalEnv: async ({ pcsc }, use) => {
    await use({ TERMINAL_SSC_READER: '1', PCSCLITE_CSOCK_NAME: pcsc.socketPath });
  },
});

const missing = pcscStackMissing();
if (missing) process.stdout.write(`social security card e2e skipped: ${missing}\n`);
test.skip(missing !== undefined, `social security card e2e skipped: ${missing}`);

test('a social security card inserted at reception becomes one case, identified from its chip', async ({ app, backend, pcsc }) => {
  await expect(app.getByTestId('device-social-security-card-reader')).toHaveAttribute('data-state', 'ready');
  await expect(app.getByTestId('backend-status')).toHaveAttribute('data-state', 'online');
  await expect(app.getByTestId('nav-reception')).toHaveClass(/current/);
  await expect(app.getByTestId('read-social-security-card')).toHaveText('读取社保卡');

  // The resident inserts the card; the reading is addressed to the reception screen, which is in front.
  await pcsc.insert('ssc');
  const summary = app.getByTestId('social-security-card-summary');
  await expect(summary.getByTestId('applicant-name')).toHaveText(pcsc.sample.name!);
  await expect(summary.getByTestId('applicant-id-number')).toHaveText(pcsc.sample.socialSecurityNumber!);
  await expect(app.getByTestId('reception')).toHaveAttribute('data-step', 'item');

  await app.getByTestId(`item-${item.code}`).click();
  // The form starts from the card: name and ID number (the social security number) as the chip holds them.
  for (const [prefill, value] of [['name', pcsc.sample.name], ['idNumber', pcsc.sample.socialSecurityNumber]] as const) {
    const field = item.formSchema.find((candidate) => candidate.prefill === prefill);
    if (field) await expect(app.getByTestId(`field-${field.key}`)).toHaveValue(value!);
  }
  await fillRequiredBlanks(app, item.formSchema);
  await app.getByTestId('to-signing').click();
  await expect(app.getByTestId('pdf-preview')).toHaveAttribute('data-rendered', /[1-9]/);
  for (const role of item.signers) await signOn(app, `signature-${role}`);
  if (item.pledge) await app.getByTestId('pledge-accept').check();
  await app.getByTestId('submit-case').click();
  await expect(app.getByTestId('case-sync-state')).toHaveText('已同步');
  await expect(app.getByTestId('outbox-status')).toHaveAttribute('data-queued', '0');

  const received = backend.cases().filter((c) => c.idNumber === pcsc.sample.socialSecurityNumber);
  expect(received).toHaveLength(1);
  expect(received[0]).toMatchObject({ applicantName: pcsc.sample.name, serviceItemId: item.id });
  // How the applicant was identified is the services' record (the backend's case does not carry it).
  const stored = await app.evaluate(() => (window as unknown as { terminal: { invoke(method: string, params: unknown): Promise<unknown> } }).terminal.invoke('cases.list', {}));
  const cases = (stored as { result: CaseRecord[] }).result;
  expect(cases).toHaveLength(1);
  expect(cases[0]).toMatchObject({ identitySource: 'ssc-chip', serviceItemId: item.id });
  await pcsc.remove();
});

test('a bank card in the social security card reader is named as the wrong card, and no case starts', async ({ app, backend, pcsc }) => {
  await expect(app.getByTestId('device-social-security-card-reader')).toHaveAttribute('data-state', 'ready');
  await pcsc.insert('bank');
  await app.getByTestId('read-social-security-card').click();
  await expect(app.getByTestId('error')).toContainText('插入的卡不是社会保障卡');
  await expect(app.getByTestId('reception')).toHaveAttribute('data-step', 'card');
  await expect(app.getByTestId('social-security-card-summary')).toHaveCount(0);
  await pcsc.remove();
  expect(backend.cases()).toHaveLength(0);
});
