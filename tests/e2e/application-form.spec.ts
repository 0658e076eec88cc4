/**
 * The reception window's paper trail: the application form generated from
 * the service item, signed on screen, previewed, printed to a real IPP
 * printer, and kept with the case.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CaseRecord } from '../../domain/case';
import { verifySignatureBinding } from '../../signing/signature-binding';
import { loadSampleCatalogue } from '../../fixtures/backend/server';
import { sampleCards } from '../../fixtures/id-card-reader/sample-cards';
import { expect, test } from './harness';
import { fillFormAndSign, fillRequiredBlanks, readCard } from './steps';

const resident = sampleCards.resident;
const withPledge = loadSampleCatalogue().serviceItems.find((item) => item.pledge && item.signers.length > 1)!;

test('a multi-signer form with a pledge is signed, printed, archived, and each signature verifies against the archived form', async ({ app, reader, backend, printer, dataDir }, testInfo) => {
  await readCard(app, reader, resident);
  await fillFormAndSign(app, withPledge);
  await app.screenshot({ path: testInfo.outputPath('sign-step.png'), fullPage: true });

  await expect(app.getByTestId('printer-select')).toContainText('窗口A4打印机');
  await app.getByTestId('print').click();
  await expect(app.getByTestId('print-job-state')).toHaveAttribute('data-state', 'completed', { timeout: 30_000 });

  await app.getByTestId('submit-case').click();
  await expect(app.getByTestId('case-sync-state')).toHaveText('已同步');
  expect(backend.cases().filter((c) => c.idNumber === resident.idNumber)).toHaveLength(1);
  await app.getByTestId('nav-cases').click();
  await expect(app.getByTestId('cases')).toContainText(withPledge.name);

  const [spooled] = await printer.spooledPdfs();
  const text = execFileSync('pdftotext', ['-layout', spooled!, '-'], { encoding: 'utf8' });
  expect(text).toContain(withPledge.name);
  expect(text).toContain(resident.name);
  expect(text).toMatch(new RegExp(`✓\\s+${withPledge.pledge!.slice(0, 6)}`));

  // Ask the terminal itself, over the same transport the renderer uses.
  const stored = await app.evaluate(() => (window as unknown as { terminal: { invoke(method: string, params: unknown): Promise<unknown> } }).terminal.invoke('cases.list', {}));
  const record = (stored as { ok: true; result: CaseRecord[] }).result[0]!;
  expect(record.pledgeAccepted).toBe(true);

  // The signed form reaches the backend's e-archive, and every binding verifies against it with the terminal's registered key.
  await expect.poll(() => backend.uploads().find((u) => u.caseId === record.id)?.completed, { timeout: 30_000 }).toBe(true);
  const upload = backend.uploads().find((u) => u.caseId === record.id)!;
  const archived = readFileSync(join(dataDir, 'backend', 'uploads', `${upload.id}.part`));
  expect(archived.subarray(0, 5).toString()).toBe('%PDF-');
  const registeredKey = backend.terminals()[0]!.publicKey;
  for (const role of withPledge.signers) {
    const signature = record.signatures![role]!;
    expect(signature.points.length).toBeGreaterThan(5);
    expect(verifySignatureBinding(record.signatureBindings![role]!, { document: archived, signature }, registeredKey)).toEqual({ valid: true, problems: [] });
    const forged = { ...signature, points: signature.points.map((p, i) => (i === 3 ? { ...p, x: Math.min(1, p.x + 0.1) } : p)) };
    expect(verifySignatureBinding(record.signatureBindings![role]!, { document: archived, signature: forged }, registeredKey).valid).toBe(false);
  }
});

test('a pledge left unticked is refused with the reason, and nothing is saved', async ({ app, reader, backend }) => {
  await readCard(app, reader, resident);
  await fillFormAndSign(app, withPledge);
  await app.getByTestId('pledge-accept').uncheck();
  await app.getByTestId('submit-case').click();
  await expect(app.getByTestId('error')).toContainText('告知承诺');
  await expect(app.getByTestId('reception')).toHaveAttribute('data-step', 'sign');
  expect(backend.cases()).toHaveLength(0);
});

test('the applicant signs on the signature pad; the pad\'s points are kept with the case', async ({ app, reader }) => {
  const single = loadSampleCatalogue().serviceItems.find((item) => !item.pledge && item.signers.length === 1)!;
  await expect(app.getByTestId('device-signature-pad')).toHaveAttribute('data-state', 'ready');
  await readCard(app, reader, resident);
  await app.getByTestId(`item-${single.code}`).click();
  await fillRequiredBlanks(app, single.formSchema);
  await app.getByTestId('to-signing').click();
  await expect(app.getByTestId('pdf-preview')).toHaveAttribute('data-rendered', /[1-9]/);

  await app.getByTestId('signature-applicant-pad').click();
  await app.waitForTimeout(1500); // the simulated resident signs on the pad
  await app.getByTestId('signature-applicant-pad-done').click();
  await app.getByTestId('submit-case').click();
  await expect(app.getByTestId('case-sync-state')).toHaveText('已同步');

  const stored = await app.evaluate(() => (window as unknown as { terminal: { invoke(method: string, params: unknown): Promise<unknown> } }).terminal.invoke('cases.list', {}));
  const signature = (stored as { result: { signatures?: { applicant?: { points: unknown[]; aspectRatio?: number } } }[] }).result[0]!.signatures?.applicant;
  expect(signature?.points.length).toBeGreaterThan(20);
  // The STU-430's writing area is 9600 × 6000: a canvas signature would carry the canvas's 3:1.
  expect(signature?.aspectRatio).toBeCloseTo(1.6, 2);
});
