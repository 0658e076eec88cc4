/**
 * One scanned page made fit for the archive (libvips through sharp): turned
 * straight, cut to the paper, brought to the material's resolution and
 * colour mode, and told blank or not. A blank page is still returned whole
 * (the officer may undo dropping it).
 */
import { deflateSync } from 'node:zlib';
import sharp, { type Sharp } from 'sharp';
import type { MaterialScanProfile, PageColour } from '../../domain/material-scan';
import { BLANK_INK_SHARE, borderLevel, estimateSkew, inkShare, paperBox, type Box, type GreyImage } from './skew';

/** The page's analysis copy is about this wide: enough for 0.1° over the width, small enough to take a few ms. */
const ANALYSIS_WIDTH = 640;
/** Turning by less than this changes nothing a reader sees, and costs a resampling. */
const MIN_TURN_DEG = 0.1;

export interface CleanedPage {
  /** JPEG for grey and colour pages; for bilevel, Flate-compressed 1-bit rows (0 = black), as a PDF image takes them. */
  data: Uint8Array;
  encoding: 'jpeg' | 'flate-1bit';
  width: number;
  height: number;
  resolutionDpi: number;
  colour: PageColour;
  blank: boolean;
  /** The skew found and taken out, in degrees (positive: the page was turned clockwise). */
  skewDeg: number;
  cropped: boolean;
  /** A small JPEG of the cleaned page for the screen, when asked for. */
  thumbnail?: Uint8Array;
}

export interface CleanPageInput {
  /** The page as scanned or photographed (JPEG, PNG, TIFF: anything libvips reads). */
  image: Uint8Array;
  /** The scan's resolution; a photo without one is taken as an A4 page across its width. */
  resolutionDpi?: number;
  profile: MaterialScanProfile;
  /** Also return a thumbnail this many pixels wide. */
  thumbnailWidth?: number;
}

export async function cleanPage(input: CleanPageInput): Promise<CleanedPage> {
  // Decoded once: the JPEG decode is most of a page's cost, and both the analysis and the output start from it.
  let decoder = sharp(input.image).autoOrient();
  if (input.profile.colour !== 'colour') decoder = decoder.greyscale();
  const decoded = await decoder.raw().toBuffer({ resolveWithObject: true });
  const raw = { raw: { width: decoded.info.width, height: decoded.info.height, channels: decoded.info.channels } };
  const oriented = { width: decoded.info.width, height: decoded.info.height };
  const sourceDpi = input.resolutionDpi ?? Math.max(50, Math.round(oriented.width / (210 / 25.4)));

  const small = await greyCopy(sharp(decoded.data, raw).resize({ width: analysisWidth(oriented.width), kernel: 'linear' }));
  const skewDeg = estimateSkew(small);
  const turn = Math.abs(skewDeg) >= MIN_TURN_DEG;
  const backing = borderLevel(small);
  const background = { r: backing, g: backing, b: backing };
  const straightSmall = turn ? await greyCopy(sharp(small.data, { raw: { width: small.width, height: small.height, channels: 1 } }).rotate(-skewDeg, { background })) : small;
  const box = paperBox(straightSmall);
  const blank = inkShare(straightSmall, box) < BLANK_INK_SHARE;

  // One libvips pipeline for the output (turn, cut, scale, encode): sharp cuts after turning when told in this order.
  const turned = turn ? turnedSize(oriented, skewDeg) : oriented;
  // On a backing: the paper. Without one: the page as scanned, its turned corners cut off again (same size as scanned).
  const cut = box ? scaleBox(box, straightSmall, turned) : centred(turned, oriented);
  // Never upsample: a page scanned coarser than asked keeps its resolution.
  const resolutionDpi = Math.min(sourceDpi, input.profile.resolutionDpi);
  let page = sharp(decoded.data, raw);
  const cutting = cut.width !== turned.width || cut.height !== turned.height;
  if (turn && cutting && resolutionDpi === sourceDpi) {
    // Turn and cut in one streamed pass: with an extract before the turn (here the whole page, a no-op) sharp
    // turns inside the pipeline and cuts after it, so libvips computes only the turned pixels that are kept.
    // Told only rotate-then-extract, sharp turns the whole page into memory first and cuts that copy.
    // (Not when scaling: sharp would scale before turning, and the cut is in turned page pixels.)
    page = page.extract({ left: 0, top: 0, ...oriented }).rotate(-skewDeg, { background }).extract(cut);
  } else {
    if (turn) page = page.rotate(-skewDeg, { background });
    if (cutting) page = page.extract(cut);
  }
  if (resolutionDpi !== sourceDpi) page = page.resize({ width: Math.max(1, Math.round((cut.width * resolutionDpi) / sourceDpi)) });

  const thumbnail = input.thumbnailWidth
    ? new Uint8Array(await page.clone().resize({ width: input.thumbnailWidth }).toColourspace(input.profile.colour === 'colour' ? 'srgb' : 'b-w').jpeg({ quality: 70 }).toBuffer())
    : undefined;
  const common = { resolutionDpi, colour: input.profile.colour, blank, skewDeg: turn ? skewDeg : 0, cropped: box !== undefined, ...(thumbnail ? { thumbnail } : {}) };
  if (input.profile.colour === 'bilevel') {
    const grey = await page.threshold(150).toColourspace('b-w').raw().toBuffer({ resolveWithObject: true });
    return { ...common, data: packBits(grey.data, grey.info.width, grey.info.height, grey.info.channels), encoding: 'flate-1bit', width: grey.info.width, height: grey.info.height };
  }
  const jpeg = await (input.profile.colour === 'grey' ? page.toColourspace('b-w') : page)
    .jpeg({ quality: input.profile.colour === 'grey' ? 70 : 78, chromaSubsampling: '4:2:0' })
    .toBuffer({ resolveWithObject: true });
  return { ...common, data: new Uint8Array(jpeg.data), encoding: 'jpeg', width: jpeg.info.width, height: jpeg.info.height };
}

/** A whole fraction of the page about ANALYSIS_WIDTH wide (each analysis pixel a block of page pixels). */
function analysisWidth(width: number): number {
  let divisor = 1;
  while (divisor < 8 && width / (divisor * 2) >= ANALYSIS_WIDTH * 0.75) divisor *= 2;
  return Math.round(width / divisor);
}

/** The size libvips gives a turned image: the bounding box of the turned page. */
function turnedSize(size: { width: number; height: number }, skewDeg: number): { width: number; height: number } {
  const a = (skewDeg * Math.PI) / 180;
  const cos = Math.abs(Math.cos(a));
  const sin = Math.abs(Math.sin(a));
  // Rounded down: the last partial pixel may or may not be there; a cut never reaches for it.
  return { width: Math.floor(size.width * cos + size.height * sin), height: Math.floor(size.width * sin + size.height * cos) };
}

async function greyCopy(pipeline: Sharp): Promise<GreyImage> {
  const { data, info } = await pipeline.greyscale().raw().toBuffer({ resolveWithObject: true });
  // Greyscale of a colour image can still come back with 3 bands when it was rotated; keep one.
  if (info.channels === 1) return { data: new Uint8Array(data), width: info.width, height: info.height };
  const one = new Uint8Array(info.width * info.height);
  for (let i = 0; i < one.length; i++) one[i] = data[i * info.channels]!;
  return { data: one, width: info.width, height: info.height };
}

/** A box found on the analysis copy, on the full page (clamped inside it). */
function scaleBox(box: Box, small: GreyImage, full: { width: number; height: number }): Box {
  const sx = full.width / small.width;
  const sy = full.height / small.height;
  const left = Math.max(0, Math.floor(box.left * sx));
  const top = Math.max(0, Math.floor(box.top * sy));
  return {
    left,
    top,
    width: Math.max(1, Math.min(full.width - left, Math.ceil(box.width * sx))),
    height: Math.max(1, Math.min(full.height - top, Math.ceil(box.height * sy))),
  };
}

/** The middle of a turned page, the size it had before turning. */
function centred(turned: { width: number; height: number }, original: { width: number; height: number }): Box {
  const width = Math.min(turned.width, original.width);
  const height = Math.min(turned.height, original.height);
  return { left: Math.floor((turned.width - width) / 2), top: Math.floor((turned.height - height) / 2), width, height };
}

/** Thresholded grey (0 or 255) to PDF 1-bit rows, each padded to a byte, deflated. */
function packBits(grey: Uint8Array, width: number, height: number, channels: number): Uint8Array {
  const stride = Math.ceil(width / 8);
  const packed = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const from = y * width;
    const to = y * stride;
    for (let x = 0; x < width; x++) {
      if (grey[(from + x) * channels]! >= 128) packed[to + (x >> 3)]! |= 0x80 >> (x & 7);
    }
  }
  return new Uint8Array(deflateSync(packed, { level: 6 }));
}
