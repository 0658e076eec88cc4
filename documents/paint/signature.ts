import { rgb, LineCapStyle, type PDFPage } from 'pdf-lib';
import { signatureStrokes, type Signature } from '../../domain/signature';

/** Pen width in points at full pressure; light strokes thin down to 35 % of it. */
const MAX_PEN_WIDTH = 1.6;
const MIN_PEN_SHARE = 0.35;

/**
 * Draws the captured strokes into a box given in PDF points (bottom-left
 * origin). The pad's writing area is fitted into the box keeping its aspect
 * ratio, centred, so the signature is scaled but never distorted. Each segment
 * is drawn with round caps and a width from the pen pressure at its ends.
 */
export function drawSignature(page: PDFPage, box: { x: number; y: number; width: number; height: number }, signature: Signature): void {
  const aspect = signature.aspectRatio && signature.aspectRatio > 0 ? signature.aspectRatio : box.width / box.height;
  const width = Math.min(box.width, box.height * aspect);
  const height = width / aspect;
  const left = box.x + (box.width - width) / 2;
  const top = box.y + (box.height + height) / 2;
  const color = rgb(0, 0, 0.35);
  for (const stroke of signatureStrokes(signature.points)) {
    if (stroke.length === 1) {
      const [dot] = stroke;
      if (dot) page.drawCircle({ x: left + dot.x * width, y: top - dot.y * height, size: penWidth(dot.pressure) / 2, color });
      continue;
    }
    for (let index = 1; index < stroke.length; index++) {
      const from = stroke[index - 1];
      const to = stroke[index];
      if (!from || !to) continue;
      page.drawLine({
        start: { x: left + from.x * width, y: top - from.y * height },
        end: { x: left + to.x * width, y: top - to.y * height },
        thickness: penWidth((from.pressure + to.pressure) / 2),
        color,
        lineCap: LineCapStyle.Round,
      });
    }
  }
}

function penWidth(pressure: number): number {
  return MAX_PEN_WIDTH * (MIN_PEN_SHARE + (1 - MIN_PEN_SHARE) * pressure);
}
