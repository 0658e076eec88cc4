/** Layouts are measured on paper in millimetres; PDF speaks points (1/72 in). */
export const POINTS_PER_MM = 72 / 25.4;

export function mmToPt(mm: number): number {
  return mm * POINTS_PER_MM;
}

export function ptToMm(pt: number): number {
  return pt / POINTS_PER_MM;
}

export const A4 = { width: 210, height: 297 } as const;
