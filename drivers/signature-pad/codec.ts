/**
 * Wacom STU signature pads (STU-430/530/540 and older) over plain USB HID:
 * report bytes ↔ pen samples, feature reports, and the screen image upload.
 * Pure: no I/O.
 *
 * Why this protocol: Wacom STU pads are the most widely deployed signature
 * pads with a documented HID protocol (Wacom's STU SDK ships the protocol
 * headers), so a driver needs no vendor DLL. Most pads sold for Chinese
 * service windows expose only vendor DLLs or local WebSocket services.
 *
 * Layouts follow Wacom's own SDK source, WacomGSS/STU/Protocol.hpp and
 * Protocol.cpp (© Wacom 2011), not the reverse-engineered JavaScript drivers,
 * which get bits wrong:
 * - PenData (report 0x01, 6 bytes after the id), big-endian:
 *   byte 0: bit 7 = rdy (in proximity), bits 6..4 = sw (non-zero = touching),
 *           bits 3..0 = pressure bits 11..8; byte 1 = pressure bits 7..0;
 *   bytes 2-3 = x; bytes 4-5 = y.
 * - PenDataTimeCountSequence (report 0x34, 10 bytes): PenData, then
 *   timeCount (ms, wraps at 0xffff) and sequence, both big-endian u16.
 *   Sent after feature 0x32 (PenDataOptionMode) is set to 3.
 * - PenDataOption (report 0x30, 8 bytes): PenData, then one u16 option.
 * - Capability (feature 0x09, 17 bytes with id), big-endian: maxX, maxY,
 *   maxPressure, screenWidth, screenHeight (u16 each), maxReportRate (u8),
 *   resolution (u16, units per inch), encodingFlag (u8).
 * - Information (feature 0x08, 17 bytes): model name (9 chars), firmware
 *   major, minor, secureIc, secureIc version (4).
 * - Status (feature 0x03, 5 bytes): statusCode, lastResultCode, statusWord (LE).
 * - Image upload: StartImageData 0x25 [mode], then ImageDataBlock 0x26 as a
 *   256-byte report [0x26, length LE u16, ≤ 253 data bytes, zero padding],
 *   then EndImageData 0x27 [0 = commit, 1 = abandon]. Monochrome data is
 *   rows padded to whole bytes, most significant bit first, 1 = white,
 *   0 = ink (ProtocolHelper flattenMonochrome).
 */

export const WACOM_VENDOR_ID = 0x056a;
/** STU product ids span 0x00a1..0x00af (SDK ProductId_min/max). */
export const STU_PRODUCT_ID_MIN = 0x00a1;
export const STU_PRODUCT_ID_MAX = 0x00af;

export const REPORT = {
  penData: 0x01,
  status: 0x03,
  information: 0x08,
  capability: 0x09,
  clearScreen: 0x20,
  inkingMode: 0x21,
  startImageData: 0x25,
  imageDataBlock: 0x26,
  endImageData: 0x27,
  penDataOption: 0x30,
  penDataOptionMode: 0x32,
  penDataTimeCountSequence: 0x34,
} as const;

export const FEATURE_LENGTH = {
  status: 5,
  information: 17,
  capability: 17,
  penDataOptionMode: 2,
} as const;

export const PEN_DATA_OPTION_MODE = { none: 0, timeCount: 1, sequenceNumber: 2, timeCountSequence: 3 } as const;
export const ENCODING_MODE_1BIT = 0x00;
export const IMAGE_BLOCK_REPORT_LENGTH = 256;
export const IMAGE_BLOCK_MAX_DATA = 253;

export const STATUS_CODES = { ready: 0, image: 1, capture: 2, calculation: 3, imageBoot: 4, romBusy: 5, systemReset: 0xff } as const;

export interface PenSample {
  /** Pen in proximity. */
  inRange: boolean;
  /** The 3-bit sw field: non-zero while the pen touches the surface. */
  switch: number;
  /** 0..capability.maxPressure (12 bits on the wire). */
  pressure: number;
  x: number;
  y: number;
  /** Pad's 1 ms counter (timed reports only). */
  timeCount?: number;
  /** Report sequence number (timed reports only). */
  sequence?: number;
}

export type DecodedInputReport =
  | { kind: 'pen'; sample: PenSample }
  | { kind: 'ignored'; reportId: number }
  | { kind: 'malformed'; reportId: number; detail: string };

export interface Capability {
  maxX: number;
  maxY: number;
  maxPressure: number;
  screenWidth: number;
  screenHeight: number;
  maxReportRate: number;
  /** Tablet units per inch. */
  resolution: number;
  encodingFlag: number;
}

export interface Information {
  modelName: string;
  firmwareMajor: number;
  firmwareMinor: number;
}

export interface PadStatus {
  statusCode: number;
  lastResultCode: number;
  statusWord: number;
}

export class PadCodecError extends Error {
  override readonly name = 'PadCodecError';
}

function u16be(bytes: Uint8Array, offset: number): number {
  return (bytes[offset]! << 8) | bytes[offset + 1]!;
}

function decodePenData(bytes: Uint8Array, offset: number): PenSample {
  const b0 = bytes[offset]!;
  return {
    inRange: (b0 & 0x80) !== 0,
    switch: (b0 >> 4) & 0x07,
    pressure: ((b0 & 0x0f) << 8) | bytes[offset + 1]!,
    x: u16be(bytes, offset + 2),
    y: u16be(bytes, offset + 4),
  };
}

const PAYLOAD_LENGTH: Record<number, number> = {
  [REPORT.penData]: 6,
  [REPORT.penDataOption]: 8,
  [REPORT.penDataTimeCountSequence]: 10,
};

/** Decodes one input report as node-hid delivers it: the report id, then the payload. */
export function decodeInputReport(report: Uint8Array): DecodedInputReport {
  const reportId = report[0];
  if (reportId === undefined) return { kind: 'malformed', reportId: -1, detail: 'empty report' };
  const length = PAYLOAD_LENGTH[reportId];
  if (length === undefined) return { kind: 'ignored', reportId };
  if (report.length - 1 < length) {
    return { kind: 'malformed', reportId, detail: `report 0x${reportId.toString(16)} has ${report.length - 1} payload bytes, needs ${length}` };
  }
  const sample = decodePenData(report, 1);
  if (reportId === REPORT.penDataTimeCountSequence) {
    sample.timeCount = u16be(report, 7);
    sample.sequence = u16be(report, 9);
  }
  return { kind: 'pen', sample };
}

/** Inverse of decodeInputReport for pen reports (used by tests and the simulator's cross-check). */
export function encodePenReport(reportId: 0x01 | 0x34, sample: PenSample): Uint8Array {
  const report = new Uint8Array(reportId === REPORT.penData ? 7 : 11);
  report[0] = reportId;
  report[1] = (sample.inRange ? 0x80 : 0) | ((sample.switch & 0x07) << 4) | ((sample.pressure >> 8) & 0x0f);
  report[2] = sample.pressure & 0xff;
  report.set([sample.x >> 8, sample.x & 0xff, sample.y >> 8, sample.y & 0xff], 3);
  if (reportId === REPORT.penDataTimeCountSequence) {
    const time = sample.timeCount ?? 0;
    const sequence = sample.sequence ?? 0;
    report.set([(time >> 8) & 0xff, time & 0xff, (sequence >> 8) & 0xff, sequence & 0xff], 7);
  }
  return report;
}

function requireFeature(bytes: Uint8Array, reportId: number, length: number, what: string): void {
  if (bytes[0] !== reportId) throw new PadCodecError(`${what}: expected report id 0x${reportId.toString(16)}, got 0x${(bytes[0] ?? 0).toString(16)}`);
  if (bytes.length < length) throw new PadCodecError(`${what}: ${bytes.length} bytes, needs ${length}`);
}

export function decodeCapability(bytes: Uint8Array): Capability {
  requireFeature(bytes, REPORT.capability, FEATURE_LENGTH.capability, 'capability');
  const capability: Capability = {
    maxX: u16be(bytes, 1),
    maxY: u16be(bytes, 3),
    maxPressure: u16be(bytes, 5),
    screenWidth: u16be(bytes, 7),
    screenHeight: u16be(bytes, 9),
    maxReportRate: bytes[11]!,
    resolution: u16be(bytes, 12),
    encodingFlag: bytes[14]!,
  };
  if (capability.maxX === 0 || capability.maxY === 0 || capability.maxPressure === 0) {
    throw new PadCodecError(`capability reports a zero range (maxX ${capability.maxX}, maxY ${capability.maxY}, maxPressure ${capability.maxPressure})`);
  }
  return capability;
}

export function decodeInformation(bytes: Uint8Array): Information {
  requireFeature(bytes, REPORT.information, FEATURE_LENGTH.information, 'information');
  const name = String.fromCharCode(...bytes.subarray(1, 10)).replace(/\0.*$/s, '').trim();
  return { modelName: name, firmwareMajor: bytes[10]!, firmwareMinor: bytes[11]! };
}

export function decodeStatus(bytes: Uint8Array): PadStatus {
  requireFeature(bytes, REPORT.status, FEATURE_LENGTH.status, 'status');
  return { statusCode: bytes[1]!, lastResultCode: bytes[2]!, statusWord: bytes[3]! | (bytes[4]! << 8) };
}

// ---------------------------------------------------------------- feature reports to send

export function setPenDataOptionMode(mode: number): Uint8Array {
  return Uint8Array.of(REPORT.penDataOptionMode, mode);
}

export function setInkingMode(on: boolean): Uint8Array {
  return Uint8Array.of(REPORT.inkingMode, on ? 1 : 0);
}

export function clearScreen(): Uint8Array {
  return Uint8Array.of(REPORT.clearScreen, 0);
}

export function startImageData(encodingMode = ENCODING_MODE_1BIT): Uint8Array {
  return Uint8Array.of(REPORT.startImageData, encodingMode);
}

export function endImageData(commit: boolean): Uint8Array {
  return Uint8Array.of(REPORT.endImageData, commit ? 0 : 1);
}

/** Splits image data into 256-byte ImageDataBlock feature reports of at most 253 data bytes. */
export function imageDataBlocks(data: Uint8Array): Uint8Array[] {
  const blocks: Uint8Array[] = [];
  for (let offset = 0; offset < data.length; offset += IMAGE_BLOCK_MAX_DATA) {
    const chunk = data.subarray(offset, Math.min(offset + IMAGE_BLOCK_MAX_DATA, data.length));
    const report = new Uint8Array(IMAGE_BLOCK_REPORT_LENGTH);
    report[0] = REPORT.imageDataBlock;
    report[1] = chunk.length & 0xff;
    report[2] = (chunk.length >> 8) & 0xff;
    report.set(chunk, 3);
    blocks.push(report);
  }
  return blocks;
}

// ---------------------------------------------------------------- screen images

/** An 8-bit greyscale image, row-major, 0 = black, 255 = white. */
export interface GrayImage {
  width: number;
  height: number;
  pixels: Uint8Array;
}

/** Packs a greyscale image of exactly the screen's size into the 1-bit upload format. */
export function flattenMonochrome(image: GrayImage): Uint8Array {
  const { width, height, pixels } = image;
  if (pixels.length !== width * height) throw new PadCodecError(`image of ${width}x${height} needs ${width * height} pixels, has ${pixels.length}`);
  const stride = Math.ceil(width / 8);
  const out = new Uint8Array(stride * height).fill(0xff);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      // The SDK's rule: a pixel no brighter than 0x80 is ink.
      if (pixels[y * width + x]! <= 0x80) {
        const index = y * stride + (x >> 3);
        out[index] = out[index]! & ~(0x80 >> (x & 7));
      }
    }
  }
  return out;
}
