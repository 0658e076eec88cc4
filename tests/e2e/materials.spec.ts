/**
 * Materials from the officer's side: pages scanned on the document scanner
 * (SANE's test backend through the real scanimage; its duplex feeder played
 * by the stand-in in fixtures/document-scanner/feeder-scanimage.ts) or
 * photographed with the document camera (Chromium's test camera) show as
 * thumbnails as they arrive, can be reordered, removed and rescanned, blank
 * backs are left out (with an undo), each material reaches the centre with
 * the case as one PDF at its item's resolution and colour mode, and a jam
 * says which page to put back.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadSampleCatalogue } from '../../fixtures/backend/server';
import { sampleCards } from '../../fixtures/id-card-reader/sample-cards';
import { PAGE_BUDGET_BYTES } from '../../domain/material-scan';
import { expect, test } from './harness';
import { fillRequiredBlanks, readCard, signOn } from './steps';

const resident = sampleCards.resident;
const item = loadSampleCatalogue().serviceItems.find((candidate) => candidate.materials.length >= 2 && candidate.signers.length === 1 && !candidate.pledge)!;
const [first, second] = item.materials;

/** A PDF's title, from pdfinfo: a material's PDF is titled with the material's name. */
function titleOf(pdf: Buffer): string {
  return /^Title:\s+(.*)$/m.exec(execFileSync('pdfinfo', ['-'], { input: pdf, encoding: 'utf8' }))?.[1]?.trim() ?? '';
}

/** `pdfimages -list` rows: page, colour, bits per component, x and y ppi, size in bytes. */
function listImages(file: string): { page: number; colour: string; bpc: number; xPpi: number; yPpi: number; bytes: number }[] {
  return execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' })
    .split('\n')
    .slice(2)
    .filter((line) => line.trim())
    .map((line) => {
      const f = line.trim().split(/\s+/);
      const size = f[14]!;
      const bytes = size.endsWith('K') ? parseFloat(size) * 1024 : size.endsWith('M') ? parseFloat(size) * 1024 * 1024 : parseFloat(size.replace('B', ''));
      return { page: Number(f[0]), colour: f[5]!, bpc: Number(f[7]), xPpi: Number(f[12]), yPpi: Number(f[13]), bytes };
    });
}

test('scanned pages are kept with the case, ticked on the form, and reach the centre', async ({ app, reader, backend, dataDir }, testInfo) => {
  await expect(app.getByTestId('device-document-scanner')).toHaveAttribute('data-state', 'ready');
  await readCard(app, reader, resident);
  await app.getByTestId(`item-${item.code}`).click();
  await fillRequiredBlanks(app, item.formSchema);

  await app.getByTestId(`scan-${first!.key}`).click();
  await expect(app.getByTestId(`material-${first!.key}`)).toHaveAttribute('data-pages', '1');
  await app.getByTestId(`scan-${first!.key}`).click();
  await expect(app.getByTestId(`material-${first!.key}`)).toHaveAttribute('data-pages', '2');
  // The thumbnails are images the browser could decode (the page itself stays with the services).
  const widths = await app.getByTestId(`capture-${first!.key}`).evaluateAll((images) => images.map((image) => (image as HTMLImageElement).naturalWidth));
  expect(widths).toEqual([240, 240]);
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
  const pdfs = stored.filter((bytes) => bytes.subarray(0, 5).toString() === '%PDF-');
  expect(pdfs).toHaveLength(2);
  // The scanned material is one PDF of one page, at the item's 300 dpi grey.
  const material = pdfs.find((bytes) => titleOf(bytes) === first!.name)!;
  expect(execFileSync('pdfinfo', ['-'], { input: material, encoding: 'utf8' })).toMatch(/^Pages:\s+1$/m);
  const form = pdfs.find((bytes) => bytes !== material)!;
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

test('a material photographed with the document camera goes with the case', async ({ app, reader, backend, dataDir }, testInfo) => {
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
  // The photo is a page of the material's PDF, in colour as the item asks for its photo material.
  const pdfs = backend.uploads().map((u) => readFileSync(join(dataDir, 'backend', 'uploads', `${u.id}.part`))).filter((bytes) => bytes.subarray(0, 5).toString() === '%PDF-');
  const photo = pdfs.find((bytes) => titleOf(bytes) === second!.name)!;
  const file = testInfo.outputPath('photo.pdf');
  writeFileSync(file, photo);
  expect(listImages(file).map((image) => image.colour)).toEqual([second!.scan?.colour === 'colour' ? 'rgb' : 'gray']);
});

test('a 12-page duplex feeder batch with blank backs becomes one PDF of its 6 printed pages at the item’s resolution, within budget', async ({ app, reader, backend, dataDir, documentScanner }, testInfo) => {
  const material = second!;
  const profile = material.scan!;
  documentScanner.loadFeeder({ sides: Array.from({ length: 12 }, (_, i) => (i % 2 ? 'Solid white' : 'Grid')) });
  await readCard(app, reader, resident);
  await app.getByTestId(`item-${item.code}`).click();
  await fillRequiredBlanks(app, item.formSchema);

  await app.getByTestId(`duplex-${material.key}`).click();
  // While the feeder runs, the count shows and the officer can stop it; then the blank backs are left out.
  await expect(app.getByTestId(`blank-dropped-${material.key}`)).toHaveAttribute('data-dropped', '6', { timeout: 60_000 });
  await expect(app.getByTestId(`material-${material.key}`)).toHaveAttribute('data-pages', '6');
  await expect(app.getByTestId(`blank-dropped-${material.key}`)).toContainText('已去除 6 张空白页');
  await app.screenshot({ path: testInfo.outputPath('duplex-batch.png'), fullPage: true });

  // Undo puts the backs back in their places; leaving them out again returns to six pages.
  await app.getByTestId(`blank-undo-${material.key}`).click();
  await expect(app.getByTestId(`material-${material.key}`)).toHaveAttribute('data-pages', '12');
  await app.getByTestId(`blank-drop-${material.key}`).click();
  await expect(app.getByTestId(`material-${material.key}`)).toHaveAttribute('data-pages', '6');

  // Reorder: the second page moves first.
  const pages = app.getByTestId(`page-${material.key}`);
  const before = await pages.evaluateAll((figures) => figures.map((figure) => figure.getAttribute('data-capture')));
  await pages.nth(1).getByTestId('page-earlier').click();
  await expect.poll(() => pages.evaluateAll((figures) => figures.map((figure) => figure.getAttribute('data-capture')))).toEqual([before[1], before[0], ...before.slice(2)]);

  await app.getByTestId('to-signing').click();
  await signOn(app, 'signature-applicant');
  await app.getByTestId('submit-case').click();
  await expect(app.getByTestId('case-sync-state')).toHaveText('已同步');
  const [received] = backend.cases().filter((c) => c.idNumber === resident.idNumber);
  await expect.poll(() => backend.uploads().filter((u) => u.caseId === received!.id && u.completed).length, { timeout: 30_000 }).toBe(2);
  const pdf = backend
    .uploads()
    .filter((u) => u.caseId === received!.id)
    .map((u) => readFileSync(join(dataDir, 'backend', 'uploads', `${u.id}.part`)))
    .find((bytes) => titleOf(bytes) === material.name)!;
  const file = testInfo.outputPath('material.pdf');
  writeFileSync(file, pdf);
  expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/^Pages:\s+6$/m);
  const images = listImages(file);
  expect(images.map((image) => image.page)).toEqual([1, 2, 3, 4, 5, 6]);
  for (const image of images) {
    expect(image).toMatchObject({ colour: 'gray', bpc: profile.colour === 'bilevel' ? 1 : 8, xPpi: profile.resolutionDpi, yPpi: profile.resolutionDpi });
    expect(image.bytes).toBeLessThanOrEqual(PAGE_BUDGET_BYTES[profile.colour]);
  }
});

test('a jam on page 5 keeps pages 1–4 and says which sheet to put back; the rest follows once it is cleared', async ({ app, reader, documentScanner }) => {
  const material = second!;
  documentScanner.loadFeeder({ sides: Array.from({ length: 12 }, () => 'Grid'), jamAtPage: 5 });
  await readCard(app, reader, resident);
  await app.getByTestId(`item-${item.code}`).click();
  await app.getByTestId(`duplex-${material.key}`).click();
  await expect(app.getByTestId('error')).toContainText('第 5 页（第 3 张纸）卡纸，前 4 页已保留', { timeout: 60_000 });
  await expect(app.getByTestId('error')).toContainText('把第 3 张及之后的纸按原顺序放回进纸器');
  await expect(app.getByTestId(`material-${material.key}`)).toHaveAttribute('data-pages', '4');
  // Sheet 3 onwards back in the feeder: the batch continues after page 4.
  documentScanner.loadFeeder({ sides: Array.from({ length: 8 }, () => 'Grid') });
  await app.getByTestId(`duplex-${material.key}`).click();
  await expect(app.getByTestId(`material-${material.key}`)).toHaveAttribute('data-pages', '12', { timeout: 60_000 });
  await expect(app.getByTestId('error')).toHaveCount(0);
  // One page rescanned in place keeps the count.
  await app.getByTestId(`page-${material.key}`).nth(2).getByTestId('page-rescan').click();
  await expect(app.getByTestId(`material-${material.key}`)).toHaveAttribute('data-pages', '12');
});

test('the devices screen lists the document scanners SANE reaches, with how each is connected', async ({ app }) => {
  await app.getByTestId('nav-devices').click();
  await app.getByTestId('find-scanners').click();
  // The test backend's devices through the real scanimage -L (network scanners through sane-airscan: discovery test).
  await expect(app.locator('[data-testid="found-scanner"][data-device="test:1"]')).toHaveAttribute('data-connection', 'virtual');
  await expect(app.locator('[data-testid="found-scanner"][data-device="test:1"]')).toContainText('虚拟');
});

test('the document camera the screen finds joins the status bar', async ({ app }) => {
  // Chromium's test camera: found by the renderer, reported to the services, shown with the other devices.
  await expect(app.getByTestId('device-document-camera')).toHaveAttribute('data-state', 'ready');
  await expect(app.getByTestId('device-document-camera')).toContainText('高拍仪：就绪');
});
