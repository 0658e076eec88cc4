/**
 * Generated test pages with known geometry: an A4 text page (a ruled line
 * above lines of word-like bars), a blank page, and either turned by a known
 * angle on a scanner's dark backing. Used by the clean-up tests, the
 * deskew benchmark and the feeder fixtures.
 */
import sharp from 'sharp';

export const A4_MM = { width: 210, height: 297 } as const;

export function a4Pixels(dpi: number): { width: number; height: number } {
  return { width: Math.round((A4_MM.width / 25.4) * dpi), height: Math.round((A4_MM.height / 25.4) * dpi) };
}

/** Deterministic numbers for repeatable pages. */
function random(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 0x1_0000_0000;
  };
}

export interface TextPageGeometry {
  /** The ruled line: its centre row and its ends, in page pixels. */
  rule: { y: number; x1: number; x2: number; thickness: number };
}

/** The SVG of an A4 text page at `dpi`; the ruled line is the topmost mark on the page. */
export function textPageSvg(dpi: number, seed = 1): { svg: string; geometry: TextPageGeometry } {
  const { width, height } = a4Pixels(dpi);
  const next = random(seed);
  const unit = dpi / 150;
  const rule = { y: Math.round(height * 0.08), x1: Math.round(width * 0.1), x2: Math.round(width * 0.9), thickness: Math.max(2, Math.round(3 * unit)) };
  let marks = `<rect x="${rule.x1}" y="${rule.y - rule.thickness / 2}" width="${rule.x2 - rule.x1}" height="${rule.thickness}" fill="#000"/>`;
  const lineHeight = Math.round(14 * unit);
  const glyph = Math.round(9 * unit);
  for (let y = Math.round(height * 0.16); y < height * 0.9; y += lineHeight * 2) {
    let x = Math.round(width * 0.1);
    const end = width * (0.7 + next() * 0.2);
    while (x < end) {
      const word = Math.round((2 + next() * 8) * glyph);
      marks += `<rect x="${x}" y="${y}" width="${word}" height="${lineHeight}" fill="#111"/>`;
      x += word + glyph;
    }
  }
  return { svg: `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="#fff"/>${marks}</svg>`, geometry: { rule } };
}

export interface ScannedPageOptions {
  dpi: number;
  /** Turned clockwise by this many degrees (negative: anticlockwise). */
  angleDeg?: number;
  /** The scanner's backing around the paper (grey level); undefined: no backing shows (the paper fills the scan). */
  backing?: number;
  blank?: boolean;
  seed?: number;
  colour?: boolean;
}

/** A page as a scanner would deliver it: JPEG, turned, on its backing. */
export async function scannedPage(options: ScannedPageOptions): Promise<{ jpeg: Buffer; geometry: TextPageGeometry }> {
  const { width, height } = a4Pixels(options.dpi);
  const { svg, geometry } = options.blank
    ? { svg: `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="#fff"/></svg>`, geometry: { rule: { y: 0, x1: 0, x2: 0, thickness: 0 } } }
    : textPageSvg(options.dpi, options.seed);
  let page = sharp(Buffer.from(svg));
  const background = options.backing ?? 255;
  if (options.backing !== undefined) {
    const margin = Math.round(options.dpi * 0.4);
    page = sharp(await page.png().toBuffer()).extend({ top: margin, bottom: margin, left: margin, right: margin, background: { r: background, g: background, b: background } });
  }
  if (options.angleDeg) {
    page = sharp(await page.png().toBuffer()).rotate(options.angleDeg, { background: { r: background, g: background, b: background } });
    if (options.backing === undefined) {
      // The scanner's area is A4 whatever lies on it: the turned page's corners fall outside.
      const turned = await page.png().toBuffer({ resolveWithObject: true });
      page = sharp(turned.data).extract({ left: Math.floor((turned.info.width - width) / 2), top: Math.floor((turned.info.height - height) / 2), width, height });
    }
  }
  // A grey scan is one band, as a scanner in grey mode delivers it (greyscale() alone keeps three when a background was drawn).
  if (!options.colour) page = page.greyscale().toColourspace('b-w');
  return { jpeg: await page.withDensity(options.dpi).jpeg({ quality: 90 }).toBuffer(), geometry };
}

/**
 * The ruled line's angle in a page, measured independently of the deskew:
 * the centre of the first dark run from the top in two columns a half page
 * apart. Degrees, positive when the line runs down to the right.
 */
export async function ruleAngle(image: Uint8Array): Promise<number> {
  const { data, info } = await sharp(image).greyscale().raw().toBuffer({ resolveWithObject: true });
  const centre = (x: number): number => {
    let start = -1;
    for (let y = 0; y < info.height; y++) {
      const dark = data[y * info.width * info.channels + x * info.channels]! < 128;
      if (dark && start < 0) start = y;
      if (!dark && start >= 0) return (start + y - 1) / 2;
    }
    throw new Error(`no dark run in column ${x}`);
  };
  const x1 = Math.round(info.width * 0.25);
  const x2 = Math.round(info.width * 0.75);
  return (Math.atan2(centre(x2) - centre(x1), x2 - x1) * 180) / Math.PI;
}
