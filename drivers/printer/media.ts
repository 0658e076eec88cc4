/**
 * Media sizes by their PWG 5101.1 self-describing names ("class_name_WxHunit"),
 * which both IPP printers and CUPS (`lp -o media=…`) accept.
 *
 * Choice for certificates: there is no standard name for a marriage or divorce
 * certificate booklet, and the stock differs between print runs, so the
 * certificate media is a custom size taken from the certificate PDF itself
 * (whose page size comes from the documents engine's layout file, measured on
 * the real booklet): `custom_certificate_<short>x<long>mm`. Printers must have
 * that custom size configured (on a CUPS queue: a custom page size, or the
 * driver's custom range). Sending the exact size plus print-scaling=none keeps
 * every field at its calibrated millimetre position; A4 forms use
 * iso_a4_210x297mm. The PWG names give the size in portrait order (short edge
 * first); a landscape page on that media is still the same media.
 */

export interface MediaSize {
  /** PWG keyword sent to the printer. */
  name: string;
  widthMm: number;
  heightMm: number;
}

export const A4: MediaSize = { name: 'iso_a4_210x297mm', widthMm: 210, heightMm: 297 };

const MM_PER_INCH = 25.4;
const MM_PER_POINT = 25.4 / 72;
/** How far a PDF page may differ from the media before we call it a mismatch: less than a grid line. */
export const PAGE_SIZE_TOLERANCE_MM = 1;

const PWG_NAME = /^([a-z]+)_([a-z0-9.-]+)_(\d+(?:\.\d+)?)x(\d+(?:\.\d+)?)(mm|in)$/;

export interface ParsedMediaName {
  prefix: string;
  legacyName: string;
  widthMm: number;
  heightMm: number;
}

export function parseMediaName(name: string): ParsedMediaName | undefined {
  const match = PWG_NAME.exec(name);
  if (!match) return undefined;
  const factor = match[5] === 'in' ? MM_PER_INCH : 1;
  return {
    prefix: match[1]!,
    legacyName: match[2]!,
    widthMm: Number(match[3]) * factor,
    heightMm: Number(match[4]) * factor,
  };
}

function formatMm(value: number): string {
  return String(Math.round(value * 10) / 10);
}

/** The custom media for a certificate page of this size (rounded to 0.1 mm, short edge first). */
export function certificateMedia(widthMm: number, heightMm: number): MediaSize {
  const short = Math.min(widthMm, heightMm);
  const long = Math.max(widthMm, heightMm);
  return { name: `custom_certificate_${formatMm(short)}x${formatMm(long)}mm`, widthMm: short, heightMm: long };
}

export function mediaFromName(name: string): MediaSize | undefined {
  const parsed = parseMediaName(name);
  return parsed ? { name, widthMm: parsed.widthMm, heightMm: parsed.heightMm } : undefined;
}

function sameSize(a: { widthMm: number; heightMm: number }, b: { widthMm: number; heightMm: number }, tolerance = 0.5): boolean {
  const fits = (w: number, h: number): boolean => Math.abs(w - b.widthMm) <= tolerance && Math.abs(h - b.heightMm) <= tolerance;
  return fits(a.widthMm, a.heightMm) || fits(a.heightMm, a.widthMm);
}

/**
 * The keyword to send for this media on a printer that lists `supported`:
 * the same keyword, else another name the printer uses for the same size,
 * else our custom name when it lies inside the printer's custom range.
 * undefined: the printer cannot take this media.
 */
export function resolveMediaKeyword(wanted: MediaSize, supported: readonly string[]): string | undefined {
  if (supported.includes(wanted.name)) return wanted.name;
  const parsed = supported.map((name) => ({ name, size: parseMediaName(name) }));
  const sameSized = parsed.find(({ name, size }) => size && !name.startsWith('custom_min_') && !name.startsWith('custom_max_') && sameSize(size, wanted));
  if (sameSized) return sameSized.name;
  const min = parsed.find(({ name }) => name.startsWith('custom_min_'))?.size;
  const max = parsed.find(({ name }) => name.startsWith('custom_max_'))?.size;
  if (min && max) {
    const short = Math.min(wanted.widthMm, wanted.heightMm);
    const long = Math.max(wanted.widthMm, wanted.heightMm);
    const inRange = (w: number, h: number): boolean => w >= min.widthMm - 0.5 && w <= max.widthMm + 0.5 && h >= min.heightMm - 0.5 && h <= max.heightMm + 0.5;
    if (inRange(short, long) || inRange(long, short)) return wanted.name;
  }
  return undefined;
}

export interface PageSizePt {
  width: number;
  height: number;
}

export function pageSizeMm(page: PageSizePt): { widthMm: number; heightMm: number } {
  return { widthMm: page.width * MM_PER_POINT, heightMm: page.height * MM_PER_POINT };
}

/** 1-based numbers of the pages whose size differs from the media (either orientation is fine). */
export function pagesNotMatchingMedia(pages: readonly PageSizePt[], media: MediaSize): number[] {
  const mismatches: number[] = [];
  pages.forEach((page, index) => {
    if (!sameSize(pageSizeMm(page), media, PAGE_SIZE_TOLERANCE_MM)) mismatches.push(index + 1);
  });
  return mismatches;
}
