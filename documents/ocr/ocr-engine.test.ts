/**
 * The OCR engine (tesseract.js in its worker thread, offline models) on two
 * generated pages with known text: an ID card copy photographed at a slant
 * and a scanned residence certificate. The full generated set is read by
 * `npm run bench:ocr`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { crossCheck } from '../../domain/ocr-cross-check';
import { renderPage, samplePeople } from '../../fixtures/ocr/test-pages';
import { OcrEngine } from './ocr-engine';

describe('OCR of captured materials (tesseract.js, chi_sim + eng, offline)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'wt-ocr-'));
  const engine = new OcrEngine({ modelDir: join(dir, 'models') });
  afterAll(async () => {
    await engine.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const [first, second] = samplePeople(2, 42) as [ReturnType<typeof samplePeople>[number], ReturnType<typeof samplePeople>[number]];

  it('reads the name and ID number of an ID card copy: the matching form gets no warning, another form a warning per field', async () => {
    const page = await renderPage('id-card-copy', first, 1);
    const { text } = await engine.recognize(page.image);
    expect(crossCheck(text, { name: first.name, idNumber: first.idNumber })).toMatchObject({ idNumbers: [first.idNumber], warnings: [] });
    const other = crossCheck(text, { name: second.name, idNumber: second.idNumber });
    expect(other.warnings).toContainEqual({ code: 'ocr-id-number-mismatch', field: 'idNumber', params: { found: first.idNumber } });
    // The name: a mismatch when the 姓名 label was read, else "not read"; either way a warning naming the field.
    expect(other.warnings.filter((w) => w.field === 'name').map((w) => w.code)).toEqual([expect.stringMatching(/^ocr-name-(mismatch|not-read)$/)]);
  }, 60_000);

  it('reads a scanned certificate with the number inside a sentence', async () => {
    const page = await renderPage('residence-certificate', second, 2);
    const { text } = await engine.recognize(page.image);
    expect(crossCheck(text, { name: second.name, idNumber: second.idNumber }).warnings).toEqual([]);
  }, 60_000);

  it('closes after the page being read, so tesseract.js never sees its worker go under a job (that would crash the services)', async () => {
    const own = new OcrEngine({ modelDir: join(dir, 'models') });
    const page = await renderPage('id-card-copy', first, 3);
    const reading = own.recognize(page.image);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await own.close();
    await expect(reading).resolves.toMatchObject({ text: expect.any(String) });
    await expect(own.recognize(page.image)).rejects.toMatchObject({ code: 'ocr-failed' });
  }, 60_000);

  it('refuses what is not an image with its own code', async () => {
    await expect(engine.recognize(new TextEncoder().encode('not an image'))).rejects.toMatchObject({ code: 'ocr-image-unreadable' });
  });
});
