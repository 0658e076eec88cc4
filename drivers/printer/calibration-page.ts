/**
 * The calibration page: a millimetre grid over the whole media (fine lines
 * every 1 mm, stronger every 5 mm, labelled every 10 mm), a target at
 * CALIBRATION_TARGET_MM and a 100 mm bar to confirm the printer did not
 * scale. Printed at 100 % on the certificate stock (or plain paper cut to
 * it), the officer measures the target's centre from the paper's left and top
 * edges and enters the two numbers; calibration.ts turns them into offsets.
 *
 * Only digits and Latin letters appear, so the standard Helvetica font does;
 * the officer's instructions are on screen, in Chinese.
 */
import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { CALIBRATION_TARGET_MM } from './calibration';
import type { MediaSize } from './media';

const PT_PER_MM = 72 / 25.4;

export interface CalibrationPageOptions {
  /** Page size; width and height as the stock is fed. */
  media: MediaSize;
  /** Printed in the header so pages from different printers are not mixed up (ASCII only). */
  printerLabel?: string;
}

/** Label geometry, shared with the tests that find the labels again with pdftotext -bbox. */
export const GRID_LABEL = { sizePt: 6, insetMm: 0.6, topMm: 4 } as const;
export const SCALE_BAR = { yMm: 40, startMm: 20 } as const;

function ascii(text: string): string {
  return text.replace(/[^\x20-\x7e]/g, '?').slice(0, 60);
}

export async function calibrationPagePdf(options: CalibrationPageOptions): Promise<Uint8Array> {
  const { widthMm, heightMm } = options.media;
  const pdf = await PDFDocument.create();
  pdf.setTitle('Printer calibration');
  pdf.setCreator('Window Terminal');
  const page = pdf.addPage([widthMm * PT_PER_MM, heightMm * PT_PER_MM]);
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  // Top-left millimetres to PDF points (origin bottom-left).
  const X = (mm: number): number => mm * PT_PER_MM;
  const Y = (mm: number): number => (heightMm - mm) * PT_PER_MM;
  const line = (x1: number, y1: number, x2: number, y2: number, thickness: number, grey: number): void =>
    page.drawLine({ start: { x: X(x1), y: Y(y1) }, end: { x: X(x2), y: Y(y2) }, thickness, color: rgb(grey, grey, grey) });

  for (let mm = 0; mm <= Math.floor(widthMm); mm += 1) {
    const [thickness, grey] = mm % 10 === 0 ? [0.5, 0] : mm % 5 === 0 ? [0.25, 0.45] : [0.1, 0.7];
    line(mm, 0, mm, heightMm, thickness, grey);
  }
  for (let mm = 0; mm <= Math.floor(heightMm); mm += 1) {
    const [thickness, grey] = mm % 10 === 0 ? [0.5, 0] : mm % 5 === 0 ? [0.25, 0.45] : [0.1, 0.7];
    line(0, mm, widthMm, mm, thickness, grey);
  }
  drawLabels(page, font, widthMm, heightMm, X, Y);
  drawTarget(page, font, X, Y);
  drawScaleBar(page, font, widthMm, X, Y, line);

  const header = `CALIBRATION ${ascii(options.printerLabel ?? '')} ${ascii(options.media.name)}`.replace(/\s+/g, ' ').trim();
  page.drawRectangle({ x: X(24), y: Y(31), width: X(Math.min(widthMm - 28, 96)), height: X(8), color: rgb(1, 1, 1) });
  page.drawText(header, { x: X(25), y: Y(27), size: 7, font, color: rgb(0, 0, 0), maxWidth: X(widthMm - 30) });
  page.drawText(`MEASURE TARGET CENTRE FROM PAPER LEFT AND TOP EDGES (MM)`, { x: X(25), y: Y(30), size: 5, font, maxWidth: X(widthMm - 30) });
  return pdf.save();
}

function drawLabels(page: PDFPage, font: PDFFont, widthMm: number, heightMm: number, X: (mm: number) => number, Y: (mm: number) => number): void {
  for (let mm = 10; mm < widthMm - 3; mm += 10) {
    page.drawText(String(mm), { x: X(mm + GRID_LABEL.insetMm), y: Y(GRID_LABEL.topMm), size: GRID_LABEL.sizePt, font });
  }
  for (let mm = 10; mm < heightMm - 3; mm += 10) {
    page.drawText(String(mm), { x: X(GRID_LABEL.insetMm), y: Y(mm - GRID_LABEL.insetMm), size: GRID_LABEL.sizePt, font });
  }
}

function drawTarget(page: PDFPage, font: PDFFont, X: (mm: number) => number, Y: (mm: number) => number): void {
  const { x, y } = CALIBRATION_TARGET_MM;
  page.drawCircle({ x: X(x), y: Y(y), size: X(3), borderWidth: 0.8, borderColor: rgb(0, 0, 0) });
  page.drawLine({ start: { x: X(x - 6), y: Y(y) }, end: { x: X(x + 6), y: Y(y) }, thickness: 0.8, color: rgb(0, 0, 0) });
  page.drawLine({ start: { x: X(x), y: Y(y - 6) }, end: { x: X(x), y: Y(y + 6) }, thickness: 0.8, color: rgb(0, 0, 0) });
  page.drawText(`TARGET X${x} Y${y}`, { x: X(x + 4), y: Y(y - 4), size: 6, font });
}

function drawScaleBar(
  page: PDFPage,
  font: PDFFont,
  widthMm: number,
  X: (mm: number) => number,
  Y: (mm: number) => number,
  line: (x1: number, y1: number, x2: number, y2: number, thickness: number, grey: number) => void,
): void {
  const length = Math.min(100, Math.floor(widthMm - SCALE_BAR.startMm - 5));
  const { yMm, startMm } = SCALE_BAR;
  line(startMm, yMm, startMm + length, yMm, 1.2, 0);
  line(startMm, yMm - 2, startMm, yMm + 2, 1.2, 0);
  line(startMm + length, yMm - 2, startMm + length, yMm + 2, 1.2, 0);
  page.drawText(`${length} MM AT 100 %`, { x: X(startMm + 2), y: Y(yMm - 1.2), size: 6, font });
}
