/**
 * A scanned or photographed page becomes a held capture: cleaned at its
 * material's resolution and colour mode (documents/materials), with a
 * thumbnail for the officer's screen. The page's profile comes from the
 * service item; a page for no item (a registrar's supporting document) is a
 * grey text page.
 */
import { inflateSync } from 'node:zlib';
import sharp from 'sharp';
import { cleanPage } from '../../documents/materials/clean-page';
import { DEFAULT_SCAN_PROFILE, type MaterialScanProfile } from '../../domain/material-scan';
import type { ServiceItem } from '../../domain/service-item';
import type { Capture, MaterialCaptures } from '../material-captures';

export const THUMBNAIL_WIDTH = 240;

export interface HeldPage {
  captureId: string;
  mimeType: string;
  /** Bytes the page will take in the material's PDF. */
  size: number;
  /** Base64 of the thumbnail. */
  data: string;
  blank: boolean;
  skewDeg: number;
}

export function profileFor(item: ServiceItem | undefined, materialKey: string | undefined): MaterialScanProfile {
  return item?.materials.find((material) => material.key === materialKey)?.scan ?? DEFAULT_SCAN_PROFILE;
}

export async function holdPage(captures: MaterialCaptures, image: Uint8Array, resolutionDpi: number | undefined, profile: MaterialScanProfile): Promise<HeldPage> {
  const page = await cleanPage({ image, ...(resolutionDpi ? { resolutionDpi } : {}), profile, thumbnailWidth: THUMBNAIL_WIDTH });
  const { thumbnail, ...kept } = page;
  const mimeType = page.encoding === 'jpeg' ? 'image/jpeg' : 'application/x-bilevel';
  const captureId = captures.add({ data: page.data, mimeType, page: kept });
  return { captureId, mimeType, size: page.data.length, data: Buffer.from(thumbnail ?? new Uint8Array()).toString('base64'), blank: page.blank, skewDeg: page.skewDeg };
}

/**
 * A held capture as an image any decoder reads (for OCR and the like): a
 * bilevel page is held as PDF-ready 1-bit rows and comes back as a PNG.
 */
export async function captureImage(capture: Capture): Promise<Uint8Array> {
  const page = capture.page;
  if (page?.encoding !== 'flate-1bit') return capture.data;
  const packed = inflateSync(page.data);
  const stride = Math.ceil(page.width / 8);
  const grey = new Uint8Array(page.width * page.height);
  for (let y = 0; y < page.height; y++) {
    for (let x = 0; x < page.width; x++) grey[y * page.width + x] = packed[y * stride + (x >> 3)]! & (0x80 >> (x & 7)) ? 255 : 0;
  }
  return new Uint8Array(await sharp(grey, { raw: { width: page.width, height: page.height, channels: 1 } }).png().toBuffer());
}
