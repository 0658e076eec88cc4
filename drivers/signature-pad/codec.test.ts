import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  IMAGE_BLOCK_MAX_DATA,
  PadCodecError,
  decodeCapability,
  decodeInformation,
  decodeInputReport,
  decodeStatus,
  encodePenReport,
  flattenMonochrome,
  imageDataBlocks,
  type PenSample,
} from './codec';

const hex = (s: string): Uint8Array => Uint8Array.from(s.trim().split(/\s+/), (b) => parseInt(b, 16));

// Vectors written by hand from the byte layout in Wacom's STU SDK (Protocol.hpp decodeReport_unsafe).
describe('STU reports, hand-written vectors', () => {
  it('decodes PenData 0x01: rdy in bit 7, sw in bits 6..4, a 12-bit pressure, big-endian x and y', () => {
    expect(decodeInputReport(hex('01 D1 23 12 34 0A BC'))).toEqual({
      kind: 'pen',
      sample: { inRange: true, switch: 5, pressure: 0x123, x: 0x1234, y: 0x0abc },
    });
    // Full 12-bit pressure with the pen hovering: a 10-bit reading or a sw taken from bit 6 alone would differ.
    expect(decodeInputReport(hex('01 8F FF 00 01 00 02'))).toEqual({ kind: 'pen', sample: { inRange: true, switch: 0, pressure: 4095, x: 1, y: 2 } });
    expect(decodeInputReport(hex('01 40 00 00 00 00 00'))).toMatchObject({ sample: { inRange: false, switch: 4, pressure: 0 } });
  });

  it('decodes the timed report 0x34 with its 1 ms time count and sequence number', () => {
    expect(decodeInputReport(hex('34 90 FF 25 80 17 70 03 E8 00 2A'))).toEqual({
      kind: 'pen',
      sample: { inRange: true, switch: 1, pressure: 255, x: 9600, y: 6000, timeCount: 1000, sequence: 42 },
    });
  });

  it('flags a short pen report and ignores reports it does not use', () => {
    expect(decodeInputReport(hex('34 90 FF 25 80 17 70 03 E8'))).toMatchObject({ kind: 'malformed', reportId: 0x34 });
    expect(decodeInputReport(hex('50 00 00'))).toEqual({ kind: 'ignored', reportId: 0x50 });
    expect(decodeInputReport(new Uint8Array(0))).toMatchObject({ kind: 'malformed' });
  });

  it('reads an STU-430 capability, information and status feature report', () => {
    expect(decodeCapability(hex('09 25 80 17 70 03 FF 01 40 00 C8 C8 09 EC 02 00 00'))).toEqual({
      maxX: 9600,
      maxY: 6000,
      maxPressure: 1023,
      screenWidth: 320,
      screenHeight: 200,
      maxReportRate: 200,
      resolution: 2540,
      encodingFlag: 2,
    });
    expect(decodeInformation(hex('08 53 54 55 2D 34 33 30 00 00 01 04 00 00 00 00 00'))).toEqual({ modelName: 'STU-430', firmwareMajor: 1, firmwareMinor: 4 });
    expect(decodeStatus(hex('03 00 00 34 12'))).toEqual({ statusCode: 0, lastResultCode: 0, statusWord: 0x1234 });
    expect(() => decodeCapability(hex('09 25 80 17 70'))).toThrow(PadCodecError);
    expect(() => decodeCapability(hex('08 25 80 17 70 03 FF 01 40 00 C8 C8 09 EC 02 00 00'))).toThrow(/report id/);
    expect(() => decodeCapability(hex('09 00 00 17 70 03 FF 01 40 00 C8 C8 09 EC 02 00 00'))).toThrow(/zero range/);
  });

  it('splits image data into 256-byte 0x26 reports of at most 253 bytes, length little-endian', () => {
    const data = Uint8Array.from({ length: 600 }, (_, i) => i & 0xff);
    const blocks = imageDataBlocks(data);
    expect(blocks.map((b) => b.length)).toEqual([256, 256, 256]);
    expect(blocks.map((b) => [b[0], b[1], b[2]])).toEqual([
      [0x26, 253, 0],
      [0x26, 253, 0],
      [0x26, 94, 0],
    ]);
    expect(blocks[2]!.subarray(3 + 94).every((b) => b === 0)).toBe(true);
  });

  it('packs a monochrome screen most significant bit first, 0 = ink, rows padded with white', () => {
    const pixels = new Uint8Array(20).fill(255);
    pixels.set([0, 255, 0x80, 255, 0x81, 255, 255, 255, 0, 255], 0);
    expect(flattenMonochrome({ width: 10, height: 2, pixels })).toEqual(hex('5F 7F FF FF'));
  });
});

const sample: fc.Arbitrary<PenSample> = fc.record({
  inRange: fc.boolean(),
  switch: fc.integer({ min: 0, max: 7 }),
  pressure: fc.integer({ min: 0, max: 0xfff }),
  x: fc.integer({ min: 0, max: 0xffff }),
  y: fc.integer({ min: 0, max: 0xffff }),
});

describe('STU codec properties', () => {
  it('decodes every pen report it encodes, plain and timed', () => {
    fc.assert(
      fc.property(sample, fc.integer({ min: 0, max: 0xffff }), fc.integer({ min: 0, max: 0xffff }), (s, timeCount, sequence) => {
        expect(decodeInputReport(encodePenReport(0x01, s))).toEqual({ kind: 'pen', sample: s });
        expect(decodeInputReport(encodePenReport(0x34, { ...s, timeCount, sequence }))).toEqual({ kind: 'pen', sample: { ...s, timeCount, sequence } });
      }),
    );
  });

  it('never throws on arbitrary input reports', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        expect(['pen', 'ignored', 'malformed']).toContain(decodeInputReport(bytes).kind);
      }),
      { numRuns: 2000 },
    );
  });

  it('reassembles any image from its blocks', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 3000 }), (data) => {
        const blocks = imageDataBlocks(data);
        expect(blocks.length).toBe(Math.ceil(data.length / IMAGE_BLOCK_MAX_DATA));
        const joined = blocks.flatMap((b) => Array.from(b.subarray(3, 3 + (b[1]! | (b[2]! << 8)))));
        expect(Uint8Array.from(joined)).toEqual(data);
      }),
    );
  });

  it('keeps one bit per pixel that says whether the pixel is ink', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 10 }), fc.nat(), (width, height, seed) => {
        const pixels = Uint8Array.from({ length: width * height }, (_, i) => (i * 97 + seed) & 0xff);
        const packed = flattenMonochrome({ width, height, pixels });
        const stride = Math.ceil(width / 8);
        for (let y = 0; y < height; y += 1) {
          for (let x = 0; x < width; x += 1) {
            const bit = (packed[y * stride + (x >> 3)]! >> (7 - (x & 7))) & 1;
            expect(bit === 0).toBe(pixels[y * width + x]! <= 0x80);
          }
        }
      }),
      { numRuns: 100 },
    );
  });
});
