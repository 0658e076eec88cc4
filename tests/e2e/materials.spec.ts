/**
 * Materials from the officer's side: pages scanned on the document scanner
 * (SANE's test backend through the real scanimage) or photographed with the
 * document camera (Chromium's test camera) show as thumbnails, can be
 * removed, are ticked as handed in on the application form, and reach the
 * centre with the case; a jammed scanner says what to do.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadSampleCatalogue } from '../../fixtures/backend/server';
import { sampleCards } from '../../fixtures/id-card-reader/sample-cards';
import { expect, test } from './harness';
import { fillRequiredBlanks, readCard, signOn } from './steps';

const resident = sampleCards.resident;
const item = loadSampleCatalogue().serviceItems.find((candidate) => candidate.materials.length >= 2 && candidate.signers.length === 1 && !candidate.pledge)!;
const [first, second] = item.materials;

test('scanned pages are kept with the case, ticked on the form, and reach the centre', async ({ app, reader, backend, dataDir }, testInfo) => {
  await expect(app.getByTestId('device-document-scanner')).toHaveAttribute('data-state', 'ready');
  await readCard(app, reader, resident);
  await app.getByTestId(`item-${item.code}`).click();
  await fillRequiredBlanks(app, item.formSchema);

  await app.getByTestId(`scan-${first!.key}`).click();
  await expect(app.getByTestId(`material-${first!.key}`)).toHaveAttribute('data-pages', '1');
  await app.getByTestId(`scan-${first!.key}`).click();
  await expect(app.getByTestId(`material-${first!.key}`)).toHaveAttribute('data-pages', '2');
  // The thumbnails are images the browser could decode.
  const widths = await app.getByTestId(`capture-${first!.key}`).evaluateAll((images) => images.map((image) => (image as HTMLImageElement).naturalWidth));
  expect(widths).toEqual([1240, 1240]);
  await app.getByTestId(`material-${first!.key}`).getByRole('button', { name: '删除' }).first().click();
  await expect(app.getByTestId(`material-${first!.key}`)).toHaveAttribute('data-pages', '1');
  await app.screenshot({ path: testInfo.outputPath('materials.png'), fullPage: true });

  await app.getByTestId('to-signing').click();
  await expect(app.getByTestId('materials-missing')).toContainText(second!.name);
  await expect(app.getByTestId('materials-missing')).not.toContainText(first!.name);
  await signOn(app, 'signature-applicant');
  await app.getByTestId('submit-case').click();
  await expect(app.getByTestId('case-sync-state')).toHaveText('已同步');

  const [received] = backend.cases().filter((c) => c.idNumber === resident.idNumber);
  await expect.poll(() => backend.uploads().filter((u) => u.caseId === received!.id && u.completed).length, { timeout: 30_000 }).toBe(2);
  const stored = backend.uploads().map((u) => readFileSync(join(dataDir, 'backend', 'uploads', `${u.id}.part`)));
  const scans = stored.filter((bytes) => bytes[0] === 0xff && bytes[1] === 0xd8);
  expect(scans).toHaveLength(1);
  const form = stored.find((bytes) => bytes.subarray(0, 5).toString() === '%PDF-')!;
  const text = execFileSync('pdftotext', ['-', '-'], { input: form, encoding: 'utf8' }).replace(/\s+/g, '');
  expect(text).toContain(`✓${first!.name}`);
  expect(text).not.toContain(`✓${second!.name}`);
});

test('a jammed scanner says what to do, and the next scan works once it is cleared', async ({ app, reader, documentScanner }) => {
  await readCard(app, reader, resident);
  await app.getByTestId(`item-${item.code}`).click();
  documentScanner.fail('SANE_STATUS_JAMMED');
  await app.getByTestId(`scan-${first!.key}`).click();
  await expect(app.getByTestId('error')).toContainText('扫描仪卡纸');
  await expect(app.getByTestId(`material-${first!.key}`)).toHaveAttribute('data-pages', '0');
  documentScanner.fail(undefined);
  await app.getByTestId(`scan-${first!.key}`).click();
  await expect(app.getByTestId(`material-${first!.key}`)).toHaveAttribute('data-pages', '1');
  await expect(app.getByTestId('error')).toHaveCount(0);
});

test('a material photographed with the document camera goes with the case', async ({ app, reader, backend, dataDir }) => {
  await readCard(app, reader, resident);
  await app.getByTestId(`item-${item.code}`).click();
  await fillRequiredBlanks(app, item.formSchema);

  await app.getByTestId(`photo-${second!.key}`).click();
  await expect(app.getByTestId('document-camera')).toHaveAttribute('data-live', 'true');
  await app.getByTestId('camera-take').click();
  await expect(app.getByTestId('document-camera')).toHaveCount(0);
  await expect(app.getByTestId(`material-${second!.key}`)).toHaveAttribute('data-pages', '1');
  const [width] = await app.getByTestId(`capture-${second!.key}`).evaluateAll((images) => images.map((image) => (image as HTMLImageElement).naturalWidth));
  expect(width).toBeGreaterThan(0);

  await app.getByTestId('to-signing').click();
  await signOn(app, 'signature-applicant');
  await app.getByTestId('submit-case').click();
  await expect(app.getByTestId('case-sync-state')).toHaveText('已同步');
  const [received] = backend.cases().filter((c) => c.idNumber === resident.idNumber);
  await expect.poll(() => backend.uploads().filter((u) => u.caseId === received!.id && u.completed).length, { timeout: 30_000 }).toBe(2);
  const photos = backend.uploads().map((u) => readFileSync(join(dataDir, 'backend', 'uploads', `${u.id}.part`))).filter((bytes) => bytes[0] === 0xff && bytes[1] === 0xd8);
  expect(photos).toHaveLength(1);
  expect(execFileSync('file', ['-b', '-'], { input: photos[0] }).toString()).toMatch(/^JPEG image data/);
});
