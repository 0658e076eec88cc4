/**
 * Pure helpers for the pad's screen: reading the greyscale PGM that
 * pdftoppm writes, and centring an image on a white screen of the pad's size.
 */
import type { GrayImage } from './codec';
import { SignaturePadError } from './errors';

/** Parses a binary (P5) 8-bit PGM. */
export function parsePgm(bytes: Uint8Array): GrayImage {
  let offset = 0;
  const token = (): string => {
    for (;;) {
      while (offset < bytes.length && /\s/.test(String.fromCharCode(bytes[offset]!))) offset += 1;
      if (bytes[offset] === 0x23) {
        while (offset < bytes.length && bytes[offset] !== 0x0a) offset += 1;
        continue;
      }
      break;
    }
    const start = offset;
    while (offset < bytes.length && !/\s/.test(String.fromCharCode(bytes[offset]!))) offset += 1;
    return String.fromCharCode(...bytes.subarray(start, offset));
  };
  const magic = token();
  const width = Number(token());
  const height = Number(token());
  const max = Number(token());
  offset += 1; // the single whitespace after maxval
  if (magic !== 'P5' || !Number.isInteger(width) || !Number.isInteger(height) || width <= 0 || height <= 0 || max !== 255) {
    throw new SignaturePadError('signature-screen-render-failed', `not an 8-bit binary PGM (${magic} ${width}x${height} max ${max})`);
  }
  const pixels = bytes.slice(offset, offset + width * height);
  if (pixels.length !== width * height) throw new SignaturePadError('signature-screen-render-failed', `PGM holds ${pixels.length} of ${width * height} pixels`);
  return { width, height, pixels };
}

/** Centres `image` on a white screen; an image larger than the screen is refused rather than cut. */
export function centreOnScreen(image: GrayImage, width: number, height: number): GrayImage {
  if (image.width > width || image.height > height) {
    throw new SignaturePadError('signature-screen-render-failed', `image ${image.width}x${image.height} does not fit the ${width}x${height} screen`);
  }
  const pixels = new Uint8Array(width * height).fill(255);
  const left = Math.floor((width - image.width) / 2);
  const top = Math.floor((height - image.height) / 2);
  for (let y = 0; y < image.height; y += 1) {
    pixels.set(image.pixels.subarray(y * image.width, (y + 1) * image.width), (top + y) * width + left);
  }
  return { width, height, pixels };
}
