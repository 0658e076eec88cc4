import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { CALIBRATION_LIMIT_MM, FileCalibrationStore, offsetsFromMeasurement, validateOffsets } from './calibration';
import { GRID_LABEL, calibrationPagePdf } from './calibration-page';
import { PrinterError } from './errors';
import { A4, certificateMedia } from './media';

const execFileAsync = promisify(execFile);
const PT_PER_MM = 72 / 25.4;

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()?.();
});

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'calibration-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

function codeOf(action: () => unknown): string | undefined {
  try {
    action();
  } catch (error) {
    return error instanceof PrinterError ? error.code : 'not-a-printer-error';
  }
  return undefined;
}

describe('calibration offsets', () => {
  it('accepts any offset within ±20 mm, rounded to 0.1 mm, and refuses anything beyond', () => {
    fc.assert(
      fc.property(fc.double({ min: -30, max: 30, noNaN: true }), fc.double({ min: -30, max: 30, noNaN: true }), (x, y) => {
        const inRange = Math.abs(Math.round(x * 10) / 10) <= CALIBRATION_LIMIT_MM && Math.abs(Math.round(y * 10) / 10) <= CALIBRATION_LIMIT_MM;
        if (inRange) {
          const offsets = validateOffsets({ x, y });
          expect(Math.abs(offsets.x - x)).toBeLessThanOrEqual(0.05 + 1e-9);
          expect(Math.abs(offsets.y - y)).toBeLessThanOrEqual(0.05 + 1e-9);
        } else {
          expect(codeOf(() => validateOffsets({ x, y }))).toBe('calibration-offset-out-of-range');
        }
      }),
    );
  });

  it('takes numbers typed as text, and refuses text that is not a number', () => {
    expect(validateOffsets({ x: ' 1.24 ', y: '-0.06' })).toEqual({ x: 1.2, y: -0.1 });
    expect(codeOf(() => validateOffsets({ x: '1,5', y: 0 }))).toBe('calibration-offset-invalid');
    expect(codeOf(() => validateOffsets({ x: 1 }))).toBe('calibration-offset-invalid');
    expect(codeOf(() => validateOffsets(null))).toBe('calibration-offset-invalid');
  });

  it('turns where the target landed into the offsets that bring it back', () => {
    // Drawn at 20/20 mm, found 21.5 mm from the left edge and 18 mm from the top: move left 1.5, down 2.
    expect(offsetsFromMeasurement({ x: 21.5, y: 18 })).toEqual({ x: -1.5, y: 2 });
    expect(codeOf(() => offsetsFromMeasurement({ x: 45, y: 20 }))).toBe('calibration-offset-out-of-range');
    expect(codeOf(() => offsetsFromMeasurement({ x: -1, y: 20 }))).toBe('calibration-offset-invalid');
  });

  it('stores offsets per printer across instances, and reports a damaged file instead of guessing', async () => {
    const file = path.join(await tempDir(), 'calibration.json');
    const store = new FileCalibrationStore(file, () => new Date('2026-05-10T08:00:00Z'));
    expect(await store.get('cups:Certificates')).toEqual({ x: 0, y: 0 });
    await store.set('cups:Certificates', { x: 1.5, y: -2 }, 'officer-7');
    await store.set('ipp:ipp://10.0.0.8/ipp/print', { x: 0, y: 0.4 });
    await expect(store.set('cups:Certificates', { x: 25, y: 0 })).rejects.toMatchObject({ code: 'calibration-offset-out-of-range' });

    const reopened = new FileCalibrationStore(file);
    expect(await reopened.get('cups:Certificates')).toEqual({ x: 1.5, y: -2 });
    expect(await reopened.list()).toContainEqual({ printerId: 'cups:Certificates', offsets: { x: 1.5, y: -2 }, updatedAt: '2026-05-10T08:00:00.000Z', updatedBy: 'officer-7' });

    await writeFile(file, '{"version":1,"printers":');
    await expect(reopened.get('cups:Certificates')).rejects.toMatchObject({ code: 'calibration-storage-failed' });
  });
});

interface Word {
  text: string;
  xMin: number;
  yMin: number;
}

/** Words and their boxes as poppler lays them out (points, origin top-left). */
async function wordsOf(pdf: Uint8Array): Promise<Word[]> {
  const dir = await tempDir();
  const file = path.join(dir, 'page.pdf');
  await writeFile(file, pdf);
  const { stdout } = await execFileAsync('pdftotext', ['-bbox', file, '-']);
  return [...stdout.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="[\d.]+">([^<]*)<\/word>/g)].map((m) => ({
    text: m[3]!,
    xMin: Number(m[1]),
    yMin: Number(m[2]),
  }));
}

describe('calibration page', () => {
  it('has the media size and labels the 10 mm grid lines where they are, as pdftotext reads them', async () => {
    const pdf = await calibrationPagePdf({ media: A4, printerLabel: 'Desk 3' });
    const words = await wordsOf(pdf);
    expect(words.map((w) => w.text)).toEqual(expect.arrayContaining(['CALIBRATION', 'TARGET', 'X20', 'Y20', '100', 'MM']));
    const topLabels = words.filter((w) => /^\d+$/.test(w.text) && w.yMin < GRID_LABEL.topMm * PT_PER_MM);
    expect(topLabels.map((w) => Number(w.text))).toEqual([10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110, 120, 130, 140, 150, 160, 170, 180, 190, 200]);
    for (const label of topLabels) {
      expect(Math.abs(label.xMin / PT_PER_MM - (Number(label.text) + GRID_LABEL.insetMm))).toBeLessThan(0.2);
    }
  });

  it('is drawn on the certificate media when calibrating a certificate printer', async () => {
    const media = certificateMedia(126, 186);
    const dir = await tempDir();
    const file = path.join(dir, 'page.pdf');
    await writeFile(file, await calibrationPagePdf({ media }));
    const { stdout } = await execFileAsync('pdfinfo', [file]);
    const [, w, h] = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(stdout)!;
    expect(Number(w) / PT_PER_MM).toBeCloseTo(126, 1);
    expect(Number(h) / PT_PER_MM).toBeCloseTo(186, 1);
  });
});
