import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CaptureAssembler } from './capture';
import type { PenSample } from './codec';
import { centreOnScreen, parsePgm } from './screen';

const capability = { maxX: 9600, maxY: 6000, maxPressure: 1023 };

describe('capture assembly', () => {
  it('keeps points inside 0..1, time non-decreasing across counter wraps, and one pen-up point per lift', () => {
    const sample = fc.record({
      inRange: fc.boolean(),
      switch: fc.integer({ min: 0, max: 7 }),
      pressure: fc.integer({ min: 0, max: 0xfff }),
      x: fc.integer({ min: 0, max: 0xffff }),
      y: fc.integer({ min: 0, max: 0xffff }),
      dt: fc.integer({ min: 0, max: 3000 }),
    });
    fc.assert(
      fc.property(fc.array(sample, { maxLength: 80 }), fc.integer({ min: 0, max: 0xffff }), (samples, start) => {
        const assembler = new CaptureAssembler(capability);
        let timeCount = start;
        let elapsed = 0;
        for (const [index, s] of samples.entries()) {
          timeCount = (timeCount + s.dt) & 0xffff;
          if (index > 0) elapsed += s.dt;
          const pen: PenSample = { inRange: s.inRange, switch: s.switch, pressure: s.pressure, x: s.x, y: s.y, timeCount, sequence: index };
          assembler.push(pen, 0);
        }
        const points = assembler.result();
        for (const [i, p] of points.entries()) {
          expect(p.x).toBeGreaterThanOrEqual(0);
          expect(p.x).toBeLessThanOrEqual(1);
          expect(p.y).toBeLessThanOrEqual(1);
          expect(p.pressure).toBeLessThanOrEqual(1);
          if (i > 0) expect(p.t).toBeGreaterThanOrEqual(points[i - 1]!.t);
          // Two pen-up points never follow each other.
          if (i > 0 && p.pressure === 0) expect(points[i - 1]!.pressure).toBeGreaterThan(0);
        }
        if (points.length > 0) expect(points.at(-1)!.t).toBeLessThanOrEqual(elapsed);
        expect(assembler.dropped).toBe(0);
      }),
    );
  });
});

describe('pad screen helpers', () => {
  it('reads a binary PGM, comments included, and centres it on a white screen', () => {
    const header = new TextEncoder().encode('P5\n# made by hand\n3 2\n255\n');
    const image = parsePgm(Uint8Array.from([...header, 0, 10, 20, 30, 40, 50]));
    expect(image).toEqual({ width: 3, height: 2, pixels: Uint8Array.from([0, 10, 20, 30, 40, 50]) });
    const screen = centreOnScreen(image, 5, 4);
    expect(Array.from(screen.pixels)).toEqual([255, 255, 255, 255, 255, 255, 0, 10, 20, 255, 255, 30, 40, 50, 255, 255, 255, 255, 255, 255]);
    expect(() => centreOnScreen(image, 2, 4)).toThrow(/does not fit/);
    expect(() => parsePgm(new TextEncoder().encode('P6\n3 2\n255\n'))).toThrow(/PGM/);
  });
});
