/**
 * Clean-up of scanned pages with libvips (sharp): generated A4 pages turned
 * by known angles come out straight within 0.3°, a page on a dark feeder
 * backing is cut to the paper, and a blank back is told from a text page.
 * The angle left is measured on a ruled line, not by the deskew itself.
 */
import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { cleanPage } from './clean-page';
import { a4Pixels, ruleAngle, scannedPage } from './testing/pages';

const GREY_150 = { resolutionDpi: 150, colour: 'grey' } as const;

describe('page clean-up', () => {
  it.each([0.5, -0.5, 1, -1.5, 2.5, -3, 4, -4.5, 5, -5])('a page turned by %s° comes out within 0.3° of straight', async (angle) => {
    const { jpeg } = await scannedPage({ dpi: 150, angleDeg: angle, seed: Math.round(angle * 10) + 100 });
    expect(Math.abs(await ruleAngle(jpeg))).toBeGreaterThan(Math.abs(angle) - 0.2);
    const cleaned = await cleanPage({ image: jpeg, resolutionDpi: 150, profile: GREY_150 });
    expect(cleaned.skewDeg).toBeCloseTo(angle, 0);
    expect(Math.abs(await ruleAngle(cleaned.data))).toBeLessThanOrEqual(0.3);
    expect(cleaned.blank).toBe(false);
  });

  it('cuts a turned page on a dark feeder backing to the paper', async () => {
    const { jpeg } = await scannedPage({ dpi: 150, angleDeg: 3, backing: 40 });
    const before = await sharp(jpeg).metadata();
    const cleaned = await cleanPage({ image: jpeg, resolutionDpi: 150, profile: GREY_150 });
    const paper = a4Pixels(150);
    expect(before.width).toBeGreaterThan(paper.width * 1.1);
    expect(cleaned.cropped).toBe(true);
    expect(Math.abs(cleaned.width - paper.width)).toBeLessThanOrEqual(paper.width * 0.015);
    expect(Math.abs(cleaned.height - paper.height)).toBeLessThanOrEqual(paper.height * 0.015);
    // What is left is paper: the corners are light.
    const { data, info } = await sharp(cleaned.data).raw().toBuffer({ resolveWithObject: true });
    const at = (x: number, y: number) => data[(y * info.width + x) * info.channels]!;
    const inset = 6;
    for (const [x, y] of [[inset, inset], [info.width - 1 - inset, inset], [inset, info.height - 1 - inset], [info.width - 1 - inset, info.height - 1 - inset]] as const) {
      expect(at(x, y)).toBeGreaterThan(200);
    }
    expect(Math.abs(await ruleAngle(cleaned.data))).toBeLessThanOrEqual(0.3);
  });

  it('keeps a page without backing whole, and tells a blank page (even on a backing) from a text page', async () => {
    const { jpeg } = await scannedPage({ dpi: 150 });
    const whole = await cleanPage({ image: jpeg, resolutionDpi: 150, profile: GREY_150 });
    expect(whole).toMatchObject({ cropped: false, blank: false, width: a4Pixels(150).width, skewDeg: 0 });
    const blank = await cleanPage({ image: (await scannedPage({ dpi: 150, blank: true })).jpeg, resolutionDpi: 150, profile: GREY_150 });
    expect(blank.blank).toBe(true);
    const blankOnBacking = await cleanPage({ image: (await scannedPage({ dpi: 150, blank: true, backing: 40, angleDeg: 2 })).jpeg, resolutionDpi: 150, profile: GREY_150 });
    expect(blankOnBacking.blank).toBe(true);
  });

  it('brings a page to the resolution and colour mode the material asks for', async () => {
    const { jpeg } = await scannedPage({ dpi: 300, colour: true });
    const bilevel = await cleanPage({ image: jpeg, resolutionDpi: 300, profile: { resolutionDpi: 200, colour: 'bilevel' } });
    expect(bilevel).toMatchObject({ encoding: 'flate-1bit', resolutionDpi: 200 });
    expect(Math.abs(bilevel.width - a4Pixels(200).width)).toBeLessThanOrEqual(1);
    expect(bilevel.data.length).toBeLessThan(bilevel.width * bilevel.height / 8);
    const colour = await cleanPage({ image: jpeg, resolutionDpi: 300, profile: { resolutionDpi: 300, colour: 'colour' } });
    expect(colour).toMatchObject({ encoding: 'jpeg', resolutionDpi: 300, width: a4Pixels(300).width });
    expect((await sharp(colour.data).metadata()).channels).toBe(3);
    const grey = await cleanPage({ image: jpeg, resolutionDpi: 300, profile: { resolutionDpi: 300, colour: 'grey' } });
    expect((await sharp(grey.data).metadata()).channels).toBe(1);
    // Never upsampled: a page scanned at 150 dpi stays at 150 when 300 is asked.
    const coarse = await cleanPage({ image: (await scannedPage({ dpi: 150 })).jpeg, resolutionDpi: 150, profile: { resolutionDpi: 300, colour: 'grey' } });
    expect(coarse.resolutionDpi).toBe(150);
  });
});
