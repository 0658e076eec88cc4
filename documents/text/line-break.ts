/**
 * Greedy line breaking for mixed Chinese and Latin text. Chinese may break
 * between any two characters; Latin words and numbers break only at spaces
 * (or by character when a word alone is wider than the line). Closing
 * punctuation never starts a line and opening punctuation never ends one,
 * which is what Chinese typesetting (GB/T 15834) readers expect.
 * Widths are in ems: `advance` gives one character's width.
 */
export type Advance = (char: string) => number;

const NO_LINE_START = new Set([...'，。、；：！？）」』》〉】〕,.;:!?)]}%…·—～']);
const NO_LINE_END = new Set([...'（「『《〈【〔([{']);

/** Breaks one paragraph (no newlines) into lines at most `maxWidth` ems wide. */
export function breakLines(paragraph: string, maxWidth: number, advance: Advance): string[] {
  const units = segment(paragraph);
  const lines: string[] = [];
  let line = '';
  let width = 0;
  for (const unit of units) {
    const unitWidth = widthOf(unit, advance);
    if (line === '' || width + unitWidth <= maxWidth + 1e-9) {
      if (line === '' && unit.trim() === '') continue;
      line += unit;
      width += unitWidth;
      continue;
    }
    if (unit.trim() === '') {
      // A break at a space: the space itself disappears.
      lines.push(line.trimEnd());
      line = '';
      width = 0;
      continue;
    }
    lines.push(line.trimEnd());
    line = unit;
    width = unitWidth;
  }
  if (line !== '' || lines.length === 0) lines.push(line.trimEnd());
  return lines.flatMap((text) => splitOverwide(text, maxWidth, advance));
}

export function widthOf(text: string, advance: Advance): number {
  let width = 0;
  for (const char of text) width += advance(char);
  return width;
}

/**
 * Units that must stay together: a Latin word, a run of spaces, or one CJK
 * character with any punctuation glued to it by the rules above.
 */
function segment(text: string): string[] {
  const raw: string[] = [];
  for (const char of text) {
    const last = raw[raw.length - 1];
    if (last !== undefined && isWordChar(char) && isWordChar(lastChar(last))) raw[raw.length - 1] = last + char;
    else if (last !== undefined && char === ' ' && lastChar(last) === ' ') raw[raw.length - 1] = last + char;
    else raw.push(char);
  }
  const units: string[] = [];
  for (const unit of raw) {
    const last = units[units.length - 1];
    if (last !== undefined && (NO_LINE_START.has(firstChar(unit)) || NO_LINE_END.has(lastChar(last)))) units[units.length - 1] = last + unit;
    else units.push(unit);
  }
  return units;
}

/** A unit wider than the line (a long number or word) is split by character rather than overflowing. */
function splitOverwide(line: string, maxWidth: number, advance: Advance): string[] {
  if (widthOf(line, advance) <= maxWidth + 1e-9) return [line];
  const parts: string[] = [];
  let part = '';
  let width = 0;
  for (const char of line) {
    const charWidth = advance(char);
    if (part !== '' && width + charWidth > maxWidth + 1e-9) {
      parts.push(part);
      part = '';
      width = 0;
    }
    part += char;
    width += charWidth;
  }
  if (part !== '') parts.push(part);
  return parts;
}

function isWordChar(char: string): boolean {
  return /^[\p{Script=Latin}\p{Nd}\-_'/@.#&+]$/u.test(char);
}

function firstChar(text: string): string {
  return String.fromCodePoint(text.codePointAt(0) ?? 0);
}

function lastChar(text: string): string {
  const chars = [...text];
  return chars[chars.length - 1] ?? '';
}
