import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FrameDecoder, MAX_FRAME_LENGTH, encodeCommand, encodeReply, parseCommand, parseReply, type DecodedEvent } from './codec';

const reply = fc.record({
  sw1: fc.integer({ min: 0, max: 255 }),
  sw2: fc.integer({ min: 0, max: 255 }),
  sw3: fc.integer({ min: 0, max: 255 }),
  data: fc.uint8Array({ maxLength: 1400 }),
});

/** Noise that cannot contain a preamble. */
const noise = fc.uint8Array({ maxLength: 40 }).map((b) => b.map((x) => (x === 0xaa ? 0x55 : x)));

function feed(bytes: Uint8Array, cuts: number[]): DecodedEvent[] {
  const decoder = new FrameDecoder();
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const events: DecodedEvent[] = [];
  let from = 0;
  for (const at of [...points, bytes.length]) {
    events.push(...decoder.push(bytes.subarray(from, at)));
    from = at;
  }
  expect(decoder.pending).toBe(0);
  return events;
}

describe('GA/T 467 codec (properties)', () => {
  it('recovers every reply, in order, through noise and any chunking', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(noise, reply), { minLength: 1, maxLength: 6 }), fc.array(fc.nat(), { maxLength: 30 }), (items, cuts) => {
        const stream = new Uint8Array(Buffer.concat(items.flatMap(([n, r]) => [n, encodeReply(r)])));
        const frames = feed(stream, cuts).filter((e) => e.kind === 'frame');
        expect(frames).toHaveLength(items.length);
        frames.forEach((event, i) => {
          const [, original] = items[i]!;
          expect(parseReply((event as { body: Uint8Array }).body)).toEqual({ ...original, data: original.data });
        });
      }),
      { numRuns: 200 },
    );
  });

  it('round-trips commands', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 }), fc.uint8Array({ maxLength: 64 }), (cmd, para, data) => {
        const [event] = new FrameDecoder().push(encodeCommand({ cmd, para }, data));
        expect(event?.kind).toBe('frame');
        expect(parseCommand((event as { body: Uint8Array }).body)).toEqual({ cmd, para, data });
      }),
    );
  });

  it('turns any single bit error after the length into a checksum report, never a wrong frame, and resynchronises', () => {
    fc.assert(
      fc.property(reply, fc.nat(), fc.integer({ min: 0, max: 7 }), (r, position, bit) => {
        const frame = encodeReply(r);
        const corrupted = new Uint8Array(frame);
        const at = 7 + (position % (frame.length - 7));
        corrupted[at]! ^= 1 << bit;
        const next = encodeReply({ sw3: 0x90 });
        const events = new FrameDecoder().push(Buffer.concat([corrupted, next]));
        expect(events[0]?.kind).toBe('bad-checksum');
        const frames = events.filter((e) => e.kind === 'frame');
        expect(frames).toHaveLength(1);
        expect(parseReply((frames[0] as { body: Uint8Array }).body)?.sw3).toBe(0x90);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on arbitrary bytes and never holds more than one frame', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 600 }), { maxLength: 20 }), fc.boolean(), (chunks, withPreambles) => {
        const decoder = new FrameDecoder();
        for (const chunk of chunks) {
          const input = withPreambles ? Buffer.concat([new Uint8Array([0xaa, 0xaa, 0xaa, 0x96, 0x69]), chunk]) : chunk;
          decoder.push(input);
          expect(decoder.pending).toBeLessThanOrEqual(MAX_FRAME_LENGTH + 7);
        }
      }),
      { numRuns: 300 },
    );
  });
});
