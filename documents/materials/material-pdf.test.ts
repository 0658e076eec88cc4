/**
 * A material's pages as one PDF, read back with poppler (pdfinfo, pdfimages):
 * the page count and order, each page's size, resolution and colour mode,
 * and each image within the per-page budget.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PAGE_BUDGET_BYTES } from '../../domain/material-scan';
import { cleanPage } from './clean-page';
import { materialPdf } from './material-pdf';
import { scannedPage } from './testing/pages';

const dir = mkdtempSync(join(tmpdir(), 'material-pdf-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

export interface ListedImage {
  page: number;
  width: number;
  height: number;
  colour: string;
  bpc: number;
  encoding: string;
  xPpi: number;
  yPpi: number;
  bytes: number;
}

/** `pdfimages -list`, one row per image. */
export function listImages(file: string): ListedImage[] {
  return execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' })
    .split('\n')
    .slice(2)
    .filter((line) => line.trim())
    .map((line) => {
      const f = line.trim().split(/\s+/);
      const size = f[14]!;
      const bytes = size.endsWith('K') ? parseFloat(size) * 1024 : size.endsWith('M') ? parseFloat(size) * 1024 * 1024 : parseFloat(size.replace('B', ''));
      return { page: Number(f[0]), width: Number(f[3]), height: Number(f[4]), colour: f[5]!, bpc: Number(f[7]), encoding: f[8]!, xPpi: Number(f[12]), yPpi: Number(f[13]), bytes };
    });
}

describe('one PDF per material', () => {
  it('holds the pages in order, each at its resolution and colour mode, within the page budget', async () => {
    const text = await scannedPage({ dpi: 300, angleDeg: 1.5, seed: 7 });
    const photo = await scannedPage({ dpi: 300, colour: true, seed: 8 });
    const pages = [
      await cleanPage({ image: text.jpeg, resolutionDpi: 300, profile: { resolutionDpi: 300, colour: 'bilevel' } }),
      await cleanPage({ image: text.jpeg, resolutionDpi: 300, profile: { resolutionDpi: 200, colour: 'grey' } }),
      await cleanPage({ image: photo.jpeg, resolutionDpi: 300, profile: { resolutionDpi: 300, colour: 'colour' } }),
    ];
    const file = join(dir, 'material.pdf');
    writeFileSync(file, await materialPdf(pages, '居民身份证复印件'));
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(info).toMatch(/^Pages:\s+3$/m);
    expect(info).toMatch(/^Title:\s+居民身份证复印件$/m);
    // A4 in points (595 x 842) on every page, whatever its resolution.
    for (let page = 1; page <= 3; page++) {
      const size = execFileSync('pdfinfo', ['-f', String(page), '-l', String(page), file], { encoding: 'utf8' }).match(new RegExp(`Page\\s+${page} size:\\s+([\\d.]+) x ([\\d.]+)`))!;
      expect(Math.abs(Number(size[1]) - 595)).toBeLessThan(3);
      expect(Math.abs(Number(size[2]) - 842)).toBeLessThan(3);
    }
    const images = listImages(file);
    expect(images.map((image) => [image.page, image.colour, image.bpc, image.encoding, image.xPpi, image.yPpi])).toEqual([
      [1, 'gray', 1, 'image', 300, 300],
      [2, 'gray', 8, 'jpeg', 200, 200],
      [3, 'rgb', 8, 'jpeg', 300, 300],
    ]);
    expect(images[0]!.bytes).toBeLessThanOrEqual(PAGE_BUDGET_BYTES.bilevel);
    expect(images[1]!.bytes).toBeLessThanOrEqual(PAGE_BUDGET_BYTES.grey);
    expect(images[2]!.bytes).toBeLessThanOrEqual(PAGE_BUDGET_BYTES.colour);
  });
});
