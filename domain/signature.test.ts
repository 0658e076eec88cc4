import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasInk, signatureStrokes, type SignaturePoint } from './signature';

const point = (x: number, y: number, pressure: number, t = 0): SignaturePoint => ({ x, y, pressure, t });

describe('signature strokes', () => {
  it('splits at pen lifts and clamps points that graze the edge', () => {
    const strokes = signatureStrokes([point(0.1, 0.1, 0.5), point(1.2, -0.1, 0.5), point(0.5, 0.5, 0), point(0.3, 0.3, 2)]);
    expect(strokes).toEqual([[point(0.1, 0.1, 0.5), point(1, 0, 0.5)], [point(0.3, 0.3, 1)]]);
  });

  it('treats non-finite coordinates as a pen lift', () => {
    expect(signatureStrokes([point(0.1, 0.1, 1), point(Number.NaN, 0.2, 1), point(0.2, 0.2, 1)])).toHaveLength(2);
  });

  it('keeps every pen-down point, in order', () => {
    const points = fc.array(fc.record({ x: fc.double({ min: -1, max: 2, noNaN: true }), y: fc.double({ min: -1, max: 2, noNaN: true }), pressure: fc.constantFrom(0, 0.1, 0.5, 1), t: fc.nat() }));
    fc.assert(
      fc.property(points, (series) => {
        const strokes = signatureStrokes(series);
        expect(strokes.flat().map((p) => p.t)).toEqual(series.filter((p) => p.pressure > 0).map((p) => p.t));
        expect(strokes.every((stroke) => stroke.length > 0)).toBe(true);
        expect(hasInk(series)).toBe(strokes.length > 0);
      }),
    );
  });
});
