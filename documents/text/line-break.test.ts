import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { breakLines, widthOf } from './line-break';

/** Ideographs 1 em, Latin and digits 0.5 em, spaces 0.25 em: close to Noto Sans CJK. */
const advance = (char: string) => (char === ' ' ? 0.25 : /[\u3000-\u9fff\uff00-\uffef]/.test(char) ? 1 : 0.5);
const squeeze = (text: string) => text.replace(/\s+/g, '');

describe('line breaking', () => {
  it('breaks Chinese between characters and Latin only at spaces', () => {
    expect(breakLines('上海市徐汇区漕溪北路', 4, advance)).toEqual(['上海市徐', '汇区漕溪', '北路']);
    expect(breakLines('Room 301 Building 5', 5, advance)).toEqual(['Room 301', 'Building 5']);
  });

  it('keeps closing punctuation off the start of a line and opening punctuation off the end', () => {
    expect(breakLines('一二三，四五', 3, advance)).toEqual(['一二', '三，四', '五']);
    expect(breakLines('一二（三）', 3, advance)).toEqual(['一二', '（三）']);
  });

  it('splits a word wider than the line by character instead of overflowing', () => {
    expect(breakLines('310104199403152316', 4, advance)).toEqual(['31010419', '94031523', '16']);
  });

  const text = fc.array(fc.constantFrom(...'张伟李娜上海市，。（）ab1 2-'.split('')), { maxLength: 60 }).map((chars) => chars.join(''));

  it('never loses or reorders a character', () => {
    fc.assert(
      fc.property(text, fc.double({ min: 1, max: 20, noNaN: true }), (paragraph, width) => {
        expect(squeeze(breakLines(paragraph, width, advance).join(''))).toBe(squeeze(paragraph));
      }),
    );
  });

  it('keeps every line within the width unless one glued unit is wider', () => {
    fc.assert(
      fc.property(text, fc.double({ min: 3, max: 20, noNaN: true }), (paragraph, width) => {
        for (const line of breakLines(paragraph, width, advance)) {
          // Glued units are at most a character plus its punctuation: 3 ems here.
          expect(widthOf(line, advance)).toBeLessThanOrEqual(Math.max(width, 3) + 1e-9);
        }
      }),
    );
  });
});
