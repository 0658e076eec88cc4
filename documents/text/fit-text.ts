import { breakLines, widthOf, type Advance } from './line-break';

export interface FitRequest {
  text: string;
  /** Box size in points. */
  width: number;
  height: number;
  size: number;
  minSize: number;
  /** Distance between baselines, in ems. */
  lineHeight: number;
  /** false: one line per paragraph, shrink only. */
  wrap: boolean;
}

export interface FittedText {
  lines: string[];
  size: number;
  shrunk: boolean;
  wrapped: boolean;
  /** Still larger than the box at the minimum size: drawn in full, past the box edge. */
  overflow: boolean;
}

const STEP = 0.25;

/**
 * Chooses the largest size, from the nominal one down to the minimum, at
 * which the text fits the box, wrapping where allowed. Nothing is ever cut:
 * when even the minimum does not fit, the text is laid out at the minimum and
 * flagged as overflowing.
 */
export function fitText(request: FitRequest, advance: Advance): FittedText {
  const paragraphs = request.text.split(/\r\n|\r|\n/);
  const layout = (size: number): string[] =>
    request.wrap ? paragraphs.flatMap((paragraph) => breakLines(paragraph, request.width / size, advance)) : paragraphs;
  const fits = (size: number, lines: string[]): boolean =>
    lines.length * request.lineHeight * size <= request.height + 1e-6 &&
    lines.every((line) => widthOf(line, advance) * size <= request.width + 1e-6);

  const minSize = Math.min(request.minSize, request.size);
  for (let size = request.size; size >= minSize - 1e-9; size = Math.max(minSize, size - STEP)) {
    const lines = layout(size);
    if (fits(size, lines)) {
      return { lines, size, shrunk: size < request.size, wrapped: lines.length > paragraphs.length, overflow: false };
    }
    if (size === minSize) break;
  }
  const lines = layout(minSize);
  return { lines, size: minSize, shrunk: minSize < request.size, wrapped: lines.length > paragraphs.length, overflow: true };
}
