import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { A4, certificateMedia, mediaFromName, pagesNotMatchingMedia, parseMediaName, resolveMediaKeyword } from './media';

const POINTS_PER_MM = 72 / 25.4;

describe('PWG media names', () => {
  it('reads the sizes of self-describing names in mm and inches', () => {
    expect(parseMediaName('iso_a4_210x297mm')).toEqual({ prefix: 'iso', legacyName: 'a4', widthMm: 210, heightMm: 297 });
    const letter = parseMediaName('na_letter_8.5x11in')!;
    expect(letter.widthMm).toBeCloseTo(215.9, 6);
    expect(letter.heightMm).toBeCloseTo(279.4, 6);
    expect(parseMediaName('custom_certificate_126x186mm')).toMatchObject({ widthMm: 126, heightMm: 186 });
    expect(parseMediaName('A4')).toBeUndefined();
  });

  it('names a certificate size short edge first, rounded to 0.1 mm', () => {
    expect(certificateMedia(186.04, 126)).toEqual({ name: 'custom_certificate_126x186mm', widthMm: 126, heightMm: 186.04 });
    expect(certificateMedia(120.25, 170).name).toBe('custom_certificate_120.3x170mm');
  });

  it('round-trips any certificate size through its name within 0.05 mm', () => {
    fc.assert(
      fc.property(fc.double({ min: 50, max: 400, noNaN: true }), fc.double({ min: 50, max: 400, noNaN: true }), (w, h) => {
        const media = certificateMedia(w, h);
        const parsed = mediaFromName(media.name)!;
        expect(Math.abs(parsed.widthMm - Math.min(w, h))).toBeLessThanOrEqual(0.05 + 1e-9);
        expect(Math.abs(parsed.heightMm - Math.max(w, h))).toBeLessThanOrEqual(0.05 + 1e-9);
      }),
    );
  });
});

describe('choosing the keyword a printer understands', () => {
  it('uses the same keyword, else the printer’s own name for the same size, else a custom size inside its range', () => {
    expect(resolveMediaKeyword(A4, ['na_letter_8.5x11in', 'iso_a4_210x297mm'])).toBe('iso_a4_210x297mm');
    const booklet = certificateMedia(126, 186);
    expect(resolveMediaKeyword(booklet, ['iso_a4_210x297mm', 'om_marriage-book_126x186mm'])).toBe('om_marriage-book_126x186mm');
    expect(resolveMediaKeyword(booklet, ['iso_a4_210x297mm', 'custom_min_76.2x127mm', 'custom_max_215.9x355.6mm'])).toBe(booklet.name);
    expect(resolveMediaKeyword(booklet, ['iso_a4_210x297mm', 'custom_min_150x200mm', 'custom_max_215.9x355.6mm'])).toBeUndefined();
    expect(resolveMediaKeyword(booklet, ['iso_a4_210x297mm', 'iso_a5_148x210mm'])).toBeUndefined();
  });
});

describe('pages against media', () => {
  it('accepts pages of the media size in either orientation and names the pages that differ', () => {
    const a4Portrait = { width: 210 * POINTS_PER_MM, height: 297 * POINTS_PER_MM };
    const a4Landscape = { width: a4Portrait.height, height: a4Portrait.width };
    const letter = { width: 612, height: 792 };
    expect(pagesNotMatchingMedia([a4Portrait, a4Landscape], A4)).toEqual([]);
    expect(pagesNotMatchingMedia([a4Portrait, letter, a4Portrait, letter], A4)).toEqual([2, 4]);
    // 0.9 mm off is within tolerance; 1.5 mm is not.
    expect(pagesNotMatchingMedia([{ width: 210.9 * POINTS_PER_MM, height: 297 * POINTS_PER_MM }], A4)).toEqual([]);
    expect(pagesNotMatchingMedia([{ width: 211.5 * POINTS_PER_MM, height: 297 * POINTS_PER_MM }], A4)).toEqual([1]);
  });
});
