import { rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import type { DocumentWarning } from '../errors';
import type { FontChain } from '../fonts/font-chain';
import type { TextItem } from '../model';
import { fitText } from '../text/fit-text';
import { widthOf } from '../text/line-break';
import { mmToPt } from '../units';

/** Baseline-to-baseline distance of wrapped lines, in ems. */
export const LINE_HEIGHT = 1.25;
const DEFAULT_MIN_SIZE = 7;

export interface TextContext {
  page: PDFPage;
  chain: FontChain;
  fonts: Map<number, PDFFont>;
  /** Share of the em box above the baseline (from the primary font's OS/2 metrics). */
  ascender: number;
  /** Sheet size and calibration, millimetres. */
  sheetWidth: number;
  sheetHeight: number;
  offset: { x: number; y: number };
  warnings: DocumentWarning[];
}

/**
 * Fits the text into its box (shrinking, then wrapping) and draws it, one run
 * per font so that fallback glyphs sit on the same baseline. Every change made
 * to fit is reported as a warning against the item's field.
 */
export function drawTextItem(context: TextContext, item: TextItem): void {
  const { chain, page } = context;
  const advance = (char: string) => chain.advance(char);
  const boxWidth = mmToPt(item.box.width);
  const boxHeight = mmToPt(item.box.height);
  const fitted = fitText(
    {
      text: item.text,
      width: boxWidth,
      height: boxHeight,
      size: item.size,
      minSize: item.minSize ?? DEFAULT_MIN_SIZE,
      lineHeight: LINE_HEIGHT,
      wrap: item.wrap ?? true,
    },
    advance,
  );
  if (!item.fixed) {
    reportFit(context.warnings, item, fitted);
    reportOffPage(context, item);
  }

  const size = fitted.size;
  const blockHeight = fitted.lines.length * LINE_HEIGHT * size;
  const left = mmToPt(item.box.x + context.offset.x);
  const top = mmToPt(context.sheetHeight - item.box.y - context.offset.y);
  const blockTop = item.valign === 'top' || fitted.overflow ? top : top - (boxHeight - blockHeight) / 2;
  fitted.lines.forEach((line, index) => {
    const slotTop = blockTop - index * LINE_HEIGHT * size;
    const baseline = slotTop - ((LINE_HEIGHT - 1) / 2 + context.ascender) * size;
    const lineWidth = widthOf(line, advance) * size;
    let x = left;
    if (item.align === 'center') x = left + (boxWidth - lineWidth) / 2;
    else if (item.align === 'right') x = left + boxWidth - lineWidth;
    for (const run of chain.runs(line)) {
      const font = context.fonts.get(run.face);
      if (!font) throw new Error(`no embedded font for face ${run.face}`);
      page.drawText(run.text, { x, y: baseline, size, font, color: rgb(0, 0, 0) });
      x += widthOf(run.text, advance) * size;
    }
  });
}

/** Calibration offsets can push a box past the sheet edge, where the printer cannot reach. */
function reportOffPage(context: TextContext, item: TextItem): void {
  const left = item.box.x + context.offset.x;
  const top = item.box.y + context.offset.y;
  const tolerance = 1e-6;
  if (left >= -tolerance && top >= -tolerance && left + item.box.width <= context.sheetWidth + tolerance && top + item.box.height <= context.sheetHeight + tolerance) return;
  context.warnings.push({
    code: 'document-text-off-page',
    field: item.field,
    detail: `${item.field}: box at (${left.toFixed(1)}, ${top.toFixed(1)}) mm runs off the ${context.sheetWidth.toFixed(0)} x ${context.sheetHeight.toFixed(0)} mm sheet`,
    params: { field: item.field },
  });
}

function reportFit(warnings: DocumentWarning[], item: TextItem, fitted: ReturnType<typeof fitText>): void {
  if (fitted.overflow) {
    warnings.push({
      code: 'document-text-overflow',
      field: item.field,
      detail: `${item.field}: text does not fit its box even at ${fitted.size} pt; printed past the box edge`,
      params: { field: item.field, size: fitted.size, lines: fitted.lines.length },
    });
    return;
  }
  if (fitted.shrunk) {
    warnings.push({
      code: 'document-text-shrunk',
      field: item.field,
      detail: `${item.field}: text shrunk from ${item.size} pt to ${fitted.size} pt to fit`,
      params: { field: item.field, size: fitted.size, nominalSize: item.size },
    });
  }
  if (fitted.wrapped && !item.flow) {
    warnings.push({
      code: 'document-text-wrapped',
      field: item.field,
      detail: `${item.field}: text wrapped onto ${fitted.lines.length} lines to fit`,
      params: { field: item.field, lines: fitted.lines.length },
    });
  }
}
