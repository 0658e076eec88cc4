import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fitText, type FitRequest } from './fit-text';
import { widthOf } from './line-break';

const advance = (char: string) => (char === ' ' ? 0.25 : /[\u3000-\u9fff\uff00-\uffef]/.test(char) ? 1 : 0.5);
const base: Omit<FitRequest, 'text'> = { width: 100, height: 14, size: 10, minSize: 7, lineHeight: 1.25, wrap: true };

describe('fitting text into a box', () => {
  it('leaves text that fits alone', () => {
    expect(fitText({ ...base, text: '张伟' }, advance)).toEqual({ lines: ['张伟'], size: 10, shrunk: false, wrapped: false, overflow: false });
  });

  it('shrinks a line that is a little too long', () => {
    const fitted = fitText({ ...base, text: '一二三四五六七八九十一二' }, advance);
    expect(fitted.lines).toEqual(['一二三四五六七八九十一二']);
    expect(fitted.size).toBeLessThanOrEqual(100 / 12);
    expect(fitted.size).toBeGreaterThanOrEqual(7);
    expect(fitted.shrunk).toBe(true);
    expect(fitted.overflow).toBe(false);
  });

  it('wraps once the minimum size is reached, where the box has room for lines', () => {
    const fitted = fitText({ ...base, height: 40, text: '一'.repeat(20) }, advance);
    expect(fitted.wrapped).toBe(true);
    expect(fitted.lines.join('')).toBe('一'.repeat(20));
    expect(fitted.lines.length * 1.25 * fitted.size).toBeLessThanOrEqual(40);
  });

  it('flags overflow at the minimum size and still keeps every character', () => {
    const fitted = fitText({ ...base, text: '一'.repeat(60) }, advance);
    expect(fitted.overflow).toBe(true);
    expect(fitted.size).toBe(7);
    expect(fitted.lines.join('')).toBe('一'.repeat(60));
  });

  it('keeps one line per paragraph when wrapping is not allowed', () => {
    const fitted = fitText({ ...base, wrap: false, text: '3'.repeat(40) }, advance);
    expect(fitted.lines).toEqual(['3'.repeat(40)]);
    expect(fitted.overflow).toBe(true);
  });

  it('reports exactly when the result does not fit, and never drops text', () => {
    const text = fc.array(fc.constantFrom(...'张伟李娜上海，a1 '.split('')), { minLength: 1, maxLength: 80 }).map((chars) => chars.join(''));
    fc.assert(
      fc.property(text, fc.double({ min: 20, max: 300, noNaN: true }), fc.double({ min: 8, max: 60, noNaN: true }), fc.boolean(), (value, width, height, wrap) => {
        const request = { ...base, text: value, width, height, wrap };
        const fitted = fitText(request, advance);
        expect(fitted.lines.join('').replace(/\s/g, '')).toBe(value.replace(/\s/g, ''));
        expect(fitted.size).toBeGreaterThanOrEqual(request.minSize);
        expect(fitted.size).toBeLessThanOrEqual(request.size);
        const fits = fitted.lines.length * 1.25 * fitted.size <= height + 1e-6 && fitted.lines.every((line) => widthOf(line, advance) * fitted.size <= width + 1e-6);
        expect(fitted.overflow).toBe(!fits);
        expect(fitted.shrunk).toBe(fitted.size < request.size);
      }),
    );
  });
});
