/**
 * A handwritten signature as captured by a signature pad or the touch/mouse
 * canvas: the raw point series, kept with the case so it can be drawn into any
 * document and verified later. Coordinates are normalised to the pad's writing
 * area so that pads of any resolution produce the same shape.
 */
export interface SignaturePoint {
  /** 0 = left edge of the writing area, 1 = right edge. */
  x: number;
  /** 0 = top edge of the writing area, 1 = bottom edge. */
  y: number;
  /** 0..1; 0 means the pen is lifted (in range but not touching). */
  pressure: number;
  /** Milliseconds since the capture started. */
  t: number;
}

export interface Signature {
  points: readonly SignaturePoint[];
  /**
   * Width / height of the pad's writing area. Normalised coordinates lose the
   * aspect ratio, so without it a signature drawn into a box of another shape
   * would be stretched.
   */
  aspectRatio?: number;
}

/**
 * Splits the series into pen-down strokes. A point with zero pressure lifts
 * the pen; out-of-range coordinates are clamped rather than dropped so a
 * stroke that grazes the pad's edge keeps its shape.
 */
export function signatureStrokes(points: readonly SignaturePoint[]): SignaturePoint[][] {
  const strokes: SignaturePoint[][] = [];
  let current: SignaturePoint[] = [];
  for (const point of points) {
    if (!(point.pressure > 0) || !Number.isFinite(point.x) || !Number.isFinite(point.y)) {
      if (current.length > 0) strokes.push(current);
      current = [];
      continue;
    }
    current.push({ ...point, x: clamp01(point.x), y: clamp01(point.y), pressure: Math.min(1, point.pressure) });
  }
  if (current.length > 0) strokes.push(current);
  return strokes;
}

/** True when the series contains at least one pen-down point. */
export function hasInk(points: readonly SignaturePoint[]): boolean {
  return points.some((point) => point.pressure > 0);
}

function clamp01(value: number): number {
  return Math.min(1, Math.max(0, value));
}

export interface SignerInfo {
  /** Who signs in this document: applicant, guardian, agent, party-a, registrar... */
  role: string;
  name?: string;
}

/** A signature bound to the document it signs by the terminal's SM2 key (made by signing/). */
export interface SignatureBinding {
  /** 'WT-SIGBIND-1' (see signing/signature-binding.ts for the canonical forms). */
  version: string;
  algorithm: 'SM2-SM3';
  contentSm3: string;
  pointsSm3: string;
  signer: SignerInfo;
  signedAt: string;
  terminalId: string;
  caseId?: string;
  /** Hex point of the key that signed, to pick the right trusted key; never trusted by itself. */
  publicKey: string;
  /** DER, base64. */
  signature: string;
}
