/**
 * A case's materials as files: each material's pages, in the officer's
 * order, become one PDF titled with the material's name; a capture that is
 * not a cleaned page (a photo held as taken) goes as it is.
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import type { ServiceItem } from '../../domain/service-item';
import { cleanPage } from '../../documents/materials/clean-page';
import { scannedPage } from '../../documents/materials/testing/pages';
import { materialFiles } from './material-files';

const item = { materials: [{ key: 'tenancy', name: '租赁合同', required: true }, { key: 'id-card-copy', name: '身份证复印件', required: true }] } as ServiceItem;

describe('material files', () => {
  it('one PDF per material with its pages in the order given', async () => {
    const page = async (dpi: number) => cleanPage({ image: (await scannedPage({ dpi })).jpeg, resolutionDpi: dpi, profile: { resolutionDpi: dpi, colour: 'grey' } });
    const [p75, p100, p50] = [await page(75), await page(100), await page(50)];
    const photo = { data: new Uint8Array([0xff, 0xd8, 0xff, 0xd9]), mimeType: 'image/jpeg' };
    const files = await materialFiles(
      [
        { materialKey: 'tenancy', captureId: 'a' },
        { materialKey: 'id-card-copy', captureId: 'b' },
        { materialKey: 'tenancy', captureId: 'c' },
        { materialKey: 'tenancy', captureId: 'd' },
        { materialKey: 'id-card-copy', captureId: 'e' },
      ],
      [{ data: p100.data, mimeType: 'image/jpeg', page: p100 }, photo, { data: p75.data, mimeType: 'image/jpeg', page: p75 }, { data: p50.data, mimeType: 'image/jpeg', page: p50 }, { data: p50.data, mimeType: 'image/jpeg', page: p50 }],
      item,
    );
    expect(files.map((file) => [file.materialKey, file.fileName, file.mimeType])).toEqual([
      ['id-card-copy', 'id-card-copy-2.jpg', 'image/jpeg'],
      ['tenancy', 'tenancy.pdf', 'application/pdf'],
      ['id-card-copy', 'id-card-copy.pdf', 'application/pdf'],
    ]);
    const tenancy = Buffer.from(files[1]!.data);
    expect(execFileSync('pdfinfo', ['-'], { input: tenancy, encoding: 'utf8' })).toMatch(/^Title:\s+租赁合同$/m);
    const widths = execFileSync('pdfimages', ['-list', '-'], { input: tenancy, encoding: 'utf8' })
      .split('\n')
      .slice(2)
      .filter((line) => line.trim())
      .map((line) => Number(line.trim().split(/\s+/)[3]));
    expect(widths).toEqual([p100.width, p75.width, p50.width]);
  });
});

describe('a held bilevel page as an image', () => {
  it('comes back as a PNG of the same size, black where the page was', async () => {
    const { captureImage } = await import('./material-pages');
    const sharp = (await import('sharp')).default;
    const page = await cleanPage({ image: (await scannedPage({ dpi: 100 })).jpeg, resolutionDpi: 100, profile: { resolutionDpi: 100, colour: 'bilevel' } });
    const png = await captureImage({ data: page.data, mimeType: 'application/x-bilevel', page });
    const { data, info } = await sharp(png).greyscale().raw().toBuffer({ resolveWithObject: true });
    expect([info.width, info.height]).toEqual([page.width, page.height]);
    const dark = data.filter((level) => level < 128).length / data.length;
    expect(dark).toBeGreaterThan(0.05);
    expect(dark).toBeLessThan(0.5);
  });
});
