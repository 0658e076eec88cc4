import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeScanText, isEdgeNoise, type LineEvent, LineSplitter, type LineSuffix } from './line-codec';

const enc = new TextEncoder();
const bytes = (s: string) => enc.encode(s);
// Suffix bytes written by hand from the scanner manuals' CR = 0x0D, LF = 0x0A, not taken from the codec.
const SUFFIX: Record<LineSuffix, number[]> = { cr: [13], lf: [10], crlf: [13, 10] };

/** A code as a scanner sends it: no CR/LF inside, no control bytes at its edges. */
const lineBytes = fc
  .uint8Array({ minLength: 1, maxLength: 300 })
  .map((b) => b.filter((x) => x !== 13 && x !== 10))
  .filter((b) => b.length > 0 && !isEdgeNoise(b[0] as number) && !isEdgeNoise(b[b.length - 1] as number));

/** Line noise: control bytes (but not CR/LF) and 0xFF. */
const noise = fc.uint8Array({ minLength: 0, maxLength: 8 }).map((b) => b.map((x) => [0, 1, 2, 0x11, 0x13, 0x1b, 0x7f, 0xff][x % 8] as number));

function concat(parts: number[][]): Uint8Array {
  return Uint8Array.from(parts.flat());
}

/** Cuts a stream at arbitrary points, as reads from a port do. */
function chunked(stream: Uint8Array, cuts: number[]): Uint8Array[] {
  const points = [...new Set(cuts.map((c) => c % (stream.length + 1)))].sort((a, b) => a - b);
  const out: Uint8Array[] = [];
  let last = 0;
  for (const p of points) {
    out.push(stream.subarray(last, p));
    last = p;
  }
  out.push(stream.subarray(last));
  return out;
}

function run(splitter: LineSplitter, chunks: Uint8Array[]): LineEvent[] {
  return chunks.flatMap((c) => splitter.push(c));
}

const lines = (events: LineEvent[]) => events.filter((e) => e.type === 'line').map((e) => Array.from((e as { bytes: Uint8Array }).bytes));

describe('LineSplitter', () => {
  it('gives back every line, in order, for every suffix and any way the stream is cut', () => {
    fc.assert(
      fc.property(fc.constantFrom<LineSuffix>('cr', 'lf', 'crlf'), fc.array(lineBytes, { minLength: 1, maxLength: 10 }), fc.array(fc.nat(), { maxLength: 20 }), (suffix, input, cuts) => {
        const stream = concat(input.map((l) => [...l, ...SUFFIX[suffix]]));
        const events = run(new LineSplitter({ suffix }), chunked(stream, cuts));
        expect(lines(events)).toEqual(input.map((l) => Array.from(l)));
        expect(events.every((e) => e.type === 'line')).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('survives control-byte noise between and around lines', () => {
    fc.assert(
      fc.property(fc.constantFrom<LineSuffix>('cr', 'lf', 'crlf'), fc.array(fc.tuple(noise, lineBytes, noise), { minLength: 1, maxLength: 8 }), fc.array(fc.nat(), { maxLength: 10 }), (suffix, input, cuts) => {
        const stream = concat(input.map(([before, line, after]) => [...before, ...line, ...after, ...SUFFIX[suffix]]));
        const events = run(new LineSplitter({ suffix }), chunked(stream, cuts));
        expect(lines(events)).toEqual(input.map(([, l]) => Array.from(l)));
      }),
      { numRuns: 500 },
    );
  });

  it('drops over-long lines up to their suffix, reports them, and keeps the lines after', () => {
    fc.assert(
      fc.property(fc.constantFrom<LineSuffix>('cr', 'lf', 'crlf'), fc.array(fc.tuple(lineBytes, fc.boolean()), { minLength: 1, maxLength: 8 }), (suffix, input) => {
        const max = 64;
        const stream = concat(input.map(([line, makeLong]) => [...(makeLong ? [...line, ...new Array(max + 1).fill(0x41)] : line.slice(0, max)), ...SUFFIX[suffix]]));
        const events = new LineSplitter({ suffix, maxLineBytes: max }).push(stream);
        const expected = input.filter(([, long]) => !long).map(([l]) => Array.from(l.slice(0, max)));
        expect(lines(events)).toEqual(expected);
        expect(events.filter((e) => e.type === 'overflow')).toHaveLength(input.filter(([, long]) => long).length);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws and never holds more than the cap, whatever bytes arrive', () => {
    fc.assert(
      fc.property(fc.constantFrom<LineSuffix>('cr', 'lf', 'crlf'), fc.array(fc.uint8Array({ maxLength: 200 }), { maxLength: 20 }), (suffix, chunks) => {
        const splitter = new LineSplitter({ suffix, maxLineBytes: 100 });
        for (const c of chunks) {
          for (const e of splitter.push(c)) if (e.type === 'line') expect(e.bytes.length).toBeLessThanOrEqual(100);
          expect(splitter.pendingBytes).toBeLessThanOrEqual(101);
        }
        splitter.expire();
        expect(splitter.pendingBytes).toBe(0);
      }),
      { numRuns: 500 },
    );
  });

  it('reports a partial line as noise on expire, but not the lone other half of CR LF', () => {
    const s = new LineSplitter({ suffix: 'cr' });
    expect(s.push(bytes('ABC\r\n'))).toEqual([{ type: 'line', bytes: bytes('ABC') }]);
    expect(s.expire()).toEqual([]);
    expect(s.push(bytes('half a co'))).toEqual([]);
    expect(s.expire()).toEqual([{ type: 'noise', bytes: bytes('half a co'), reason: 'no-suffix' }]);
    expect(s.push(bytes('next\r'))).toEqual([{ type: 'line', bytes: bytes('next') }]);
  });

  it('splits CR LF only at the pair, even when the pair is cut between reads', () => {
    const s = new LineSplitter({ suffix: 'crlf' });
    expect(s.push(bytes('A\rB\r'))).toEqual([]);
    expect(s.push(bytes('\nC\r\n'))).toEqual([
      { type: 'line', bytes: bytes('A\rB') },
      { type: 'line', bytes: bytes('C') },
    ]);
  });

  it('keeps GS separators inside GS1 codes', () => {
    const s = new LineSplitter({ suffix: 'cr' });
    expect(lines(s.push(Uint8Array.from([0x30, 0x31, 0x1d, 0x32, 0x0d])))).toEqual([[0x30, 0x31, 0x1d, 0x32]]);
  });
});

describe('decodeScanText', () => {
  it('reads UTF-8, falls back to GBK, and flags what neither can read', () => {
    expect(decodeScanText(bytes('随申码 ok'))).toEqual({ text: '随申码 ok', encoding: 'utf-8', lossy: false });
    // 上海 in GBK, written by hand from the GB 2312 table: 上 = C9CF, 海 = BAA3.
    expect(decodeScanText(Uint8Array.from([0xc9, 0xcf, 0xba, 0xa3]))).toEqual({ text: '上海', encoding: 'gbk', lossy: false });
    const junk = decodeScanText(Uint8Array.from([0x41, 0xff, 0x42]), 'utf-8');
    expect(junk.lossy).toBe(true);
    expect(junk.text).toBe('A\uFFFDB');
  });
});
