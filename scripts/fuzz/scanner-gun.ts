/**
 * Fuzzes the scanner-gun and passport stack: `npm run fuzz:scanner-gun [-- --frames N --seed S --driver-seconds T]`.
 *
 * 1. Line codec: N frames (valid codes with each suffix, codes with edge
 *    noise, over-long lines, random bytes, stray CR/LF) streamed through a
 *    LineSplitter per suffix in random chunk sizes. Every well-formed frame
 *    must come out exactly once and in order, every over-long one must be
 *    reported, and memory stays under the cap.
 * 2. HID-POS: N/5 random and mutated reports through the parser and assembler.
 * 3. Payload classifier and MRZ: N/5 random and mutated payloads each (invoice
 *    QR strings, ICAO specimens with flipped characters): total functions,
 *    raw kept.
 * 4. Drivers: serial scanner-gun and passport drivers over an in-memory link
 *    that delivers mutated, split, noisy data and is unplugged at random for T
 *    seconds. No exception may escape, each driver must be connected or
 *    retrying at the end, and stop() must return.
 *
 * Exits non-zero on any violation, printing the seed to reproduce it.
 */
import { performance } from 'node:perf_hooks';
import { parseMrz } from '../../domain/mrz';
import { classifyScanPayload } from '../../domain/scan-payload';
import { SerialPassportReaderDriver } from '../../drivers/passport-reader/driver';
import { SerialScannerGunDriver } from '../../drivers/scanner-gun/driver';
import { LinkError } from '../../drivers/scanner-gun/errors';
import { encodeHidPosReports, HidPosAssembler, parseHidPosReport } from '../../drivers/scanner-gun/hid-pos-codec';
import { isEdgeNoise, type LineEvent, LineSplitter, type LineSuffix } from '../../drivers/scanner-gun/line-codec';
import type { SerialLink, SerialOpener } from '../../drivers/scanner-gun/serial-transport';
import { numericArg, seededRandom } from './seeded';

const FRAMES = numericArg('frames', 1_000_000);
const SEED = numericArg('seed', Date.now() % 2 ** 31);
const DRIVER_SECONDS = numericArg('driver-seconds', 5);

const { random, int } = seededRandom(SEED);
const pick = <T>(items: readonly T[]): T => items[int(items.length)] as T;

let violations = 0;
function fail(message: string): void {
  violations++;
  if (violations <= 10) console.error(`VIOLATION (seed ${SEED}): ${message}`);
}

const SUFFIX: Record<LineSuffix, number[]> = { cr: [13], lf: [10], crlf: [13, 10] };
const INVOICE = '01,10,011001605111,80100798,64.9,20161018,85342965681116380258,';
const TD3 = ['P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C36UTO7408122F1204159ZE184226B<<<<<10'];
const enc = new TextEncoder();

function codeBytes(): number[] {
  const len = 1 + int(120);
  const out: number[] = [];
  for (let i = 0; i < len; i++) {
    let b = 0x20 + int(0x5f);
    if (random() < 0.1) b = 0x80 + int(0x7f); // UTF-8/GBK bytes
    if (random() < 0.01) b = 0x1d; // GS inside GS1 codes
    out.push(b);
  }
  if (isEdgeNoise(out[0] as number)) out[0] = 0x41;
  if (isEdgeNoise(out[out.length - 1] as number)) out[out.length - 1] = 0x5a;
  return out;
}

function fuzzLineCodec(): { frames: number; ms: number } {
  const started = performance.now();
  const MAX = 512;
  let frames = 0;
  for (const suffix of ['cr', 'lf', 'crlf'] as const) {
    const splitter = new LineSplitter({ suffix, maxLineBytes: MAX });
    const expected: number[][] = [];
    let expectedOverflows = 0;
    const got: number[][] = [];
    let overflows = 0;
    const take = (events: LineEvent[]) => {
      for (const e of events) {
        if (e.type === 'line') {
          if (e.bytes.length > MAX) fail(`line of ${e.bytes.length} bytes above the cap`);
          got.push(Array.from(e.bytes));
        } else if (e.type === 'overflow') overflows++;
      }
      if (splitter.pendingBytes > MAX + 1) fail(`pending ${splitter.pendingBytes} bytes above the cap`);
    };
    let batch: number[] = [];
    const flush = () => {
      let at = 0;
      while (at < batch.length) {
        const size = 1 + int(200);
        take(splitter.push(Uint8Array.from(batch.slice(at, at + size))));
        at += size;
      }
      batch = [];
    };
    const perSuffix = Math.ceil(FRAMES / 3);
    for (let i = 0; i < perSuffix; i++) {
      frames++;
      const kind = random();
      if (kind < 0.7) {
        const code = codeBytes();
        const noise = random() < 0.3 ? [pick([0, 1, 0x11, 0x13, 0x7f, 0xff])] : [];
        batch.push(...noise, ...code, ...noise, ...SUFFIX[suffix]);
        expected.push(code);
      } else if (kind < 0.8) {
        batch.push(...new Array(MAX + 2 + int(600)).fill(0x58), ...SUFFIX[suffix]);
        expectedOverflows++;
      } else if (kind < 0.95) {
        // Control-only noise ended by the suffix: must produce nothing.
        batch.push(...Array.from({ length: 1 + int(5) }, () => pick([0, 1, 2, 0x1b, 0x7f, 0xff])), ...SUFFIX[suffix]);
      } else {
        // Random bytes: whatever they make, they must be cleared before the next checked frame.
        flush();
        take(splitter.push(Uint8Array.from(Array.from({ length: int(300) }, () => int(256)))));
        take(splitter.expire());
        got.length = 0;
        overflows = 0;
        expected.length = 0;
        expectedOverflows = 0;
      }
      if (batch.length > 64 * 1024) {
        flush();
        check();
      }
    }
    flush();
    check();
    function check() {
      if (got.length !== expected.length) fail(`${suffix}: ${got.length} lines out, ${expected.length} expected`);
      else for (let j = 0; j < got.length; j++) if (got[j]?.join() !== expected[j]?.join()) fail(`${suffix}: line ${j} differs`);
      if (overflows !== expectedOverflows) fail(`${suffix}: ${overflows} overflows reported, ${expectedOverflows} expected`);
      got.length = 0;
      expected.length = 0;
      overflows = 0;
      expectedOverflows = 0;
    }
  }
  return { frames, ms: performance.now() - started };
}

function mutate(bytes: Uint8Array): Uint8Array {
  const out = Uint8Array.from(bytes);
  const flips = 1 + int(4);
  for (let i = 0; i < flips && out.length > 0; i++) out[int(out.length)] = int(256);
  return random() < 0.2 ? out.subarray(0, int(out.length + 1)) : out;
}

function fuzzHidPos(n: number): number {
  const started = performance.now();
  const assembler = new HidPosAssembler(4096);
  for (let i = 0; i < n; i++) {
    const reports = encodeHidPosReports(enc.encode(INVOICE.repeat(1 + int(3))), pick([']Q1', ']C0', '\0\0\0']));
    for (const report of reports) {
      const bytes = random() < 0.5 ? mutate(report) : random() < 0.1 ? Uint8Array.from({ length: int(80) }, () => int(256)) : report;
      try {
        const parsed = parseHidPosReport(bytes);
        if (parsed.ok) {
          if (parsed.report.data.length > 56) fail('HID report data above 56 bytes');
          assembler.push(parsed.report);
        }
      } catch (error) {
        fail(`HID-POS parser threw: ${String(error)}`);
      }
    }
    if (random() < 0.05) assembler.reset();
  }
  return performance.now() - started;
}

function mutateText(text: string): string {
  const chars = [...text];
  const flips = 1 + int(3);
  for (let i = 0; i < flips && chars.length > 0; i++) {
    const at = int(chars.length);
    const r = random();
    if (r < 0.4) chars[at] = String.fromCharCode(int(0x3000));
    else if (r < 0.7) chars.splice(at, 1);
    else chars.splice(at, 0, pick([',', '<', '\r', '\u0000', '随', 'Z', '9']));
  }
  return chars.join('');
}

function fuzzClassifiers(n: number): number {
  const started = performance.now();
  for (let i = 0; i < n; i++) {
    const payload = random() < 0.5 ? mutateText(INVOICE) : random() < 0.5 ? mutateText('https://ss.sh.gov.cn/c?x=1') : String.fromCharCode(...Array.from({ length: int(200) }, () => int(0xffff)));
    try {
      if (classifyScanPayload(payload).raw !== payload) fail('classifier lost the raw payload');
    } catch (error) {
      fail(`classifier threw: ${String(error)}`);
    }
    const mrz = random() < 0.8 ? TD3.map((l) => (random() < 0.5 ? mutateText(l) : l)) : [mutateText(TD3.join('\n'))];
    try {
      const r = parseMrz(mrz, { today: new Date('2026-01-01T00:00:00Z') });
      if (!r.ok && r.problems.length === 0) fail('MRZ not ok without a problem');
    } catch (error) {
      fail(`parseMrz threw: ${String(error)}`);
    }
  }
  return performance.now() - started;
}

/** An in-memory "port" whose device sends mutated scans and MRZs and is unplugged at random. */
class ChaosOpener implements SerialOpener {
  present = true;
  links = new Set<{ data?: (c: Uint8Array) => void; lost?: (d: string) => void }>();
  async open(): Promise<SerialLink> {
    if (!this.present) throw new LinkError(pick(['not-found', 'busy', 'open-failed'] as const), 'chaos');
    const handlers: { data?: (c: Uint8Array) => void; lost?: (d: string) => void } = {};
    this.links.add(handlers);
    return {
      onData: (l) => (handlers.data = l),
      onLost: (l) => (handlers.lost = l),
      write: async () => undefined,
      close: async () => void this.links.delete(handlers),
    };
  }
  tick(): void {
    if (random() < 0.01) {
      this.present = !this.present;
      if (!this.present) for (const h of [...this.links]) h.lost?.('chaos unplug');
    }
    for (const h of this.links) {
      const text = random() < 0.5 ? `${INVOICE}\r\n` : `${TD3.join('\r\n')}\r\n`;
      const bytes = random() < 0.3 ? mutate(enc.encode(text)) : enc.encode(text);
      let at = 0;
      while (at < bytes.length) {
        const size = 1 + int(40);
        h.data?.(bytes.subarray(at, at + size));
        at += size;
      }
    }
  }
}

async function fuzzDrivers(seconds: number): Promise<{ scans: number; reads: number; problems: number }> {
  const counts = { scans: 0, reads: 0, problems: 0 };
  const escaped: unknown[] = [];
  const onEscape = (error: unknown) => escaped.push(error);
  process.on('uncaughtException', onEscape);
  process.on('unhandledRejection', onEscape);
  const openers: ChaosOpener[] = [];
  const drivers: { stop(): Promise<void>; status(): { state: string } }[] = [];
  for (let i = 0; i < 8; i++) {
    const opener = new ChaosOpener();
    openers.push(opener);
    const options = { id: `d${i}`, path: `/chaos/${i}`, suffix: 'crlf' as const, idleMs: 20, maxLineBytes: 300, reconnect: { initialMs: 5, maxMs: 20 }, opener };
    if (i % 2 === 0) {
      const d = new SerialScannerGunDriver(options);
      d.on('scan', () => counts.scans++);
      d.on('problem', () => counts.problems++);
      drivers.push(d);
      await d.start();
    } else {
      const d = new SerialPassportReaderDriver({ ...options, zoneTimeoutMs: 30 });
      d.on('passportRead', () => counts.reads++);
      d.on('problem', () => counts.problems++);
      drivers.push(d);
      await d.start();
    }
  }
  const until = performance.now() + seconds * 1000;
  while (performance.now() < until) {
    for (const o of openers) o.tick();
    await new Promise((r) => setImmediate(r));
  }
  for (const o of openers) o.present = true;
  await new Promise((r) => setTimeout(r, 100));
  for (const d of drivers) if (!['ready', 'disconnected', 'absent', 'busy', 'error'].includes(d.status().state)) fail(`driver in state ${d.status().state}`);
  const stopped = await Promise.race([Promise.all(drivers.map((d) => d.stop())).then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), 2000))]);
  if (!stopped) fail('stop() did not return within 2 s');
  for (const d of drivers) if (d.status().state !== 'absent') fail('driver not stopped');
  process.off('uncaughtException', onEscape);
  process.off('unhandledRejection', onEscape);
  for (const e of escaped) fail(`exception escaped a driver: ${String(e)}`);
  return counts;
}

console.log(`fuzz:scanner-gun seed ${SEED}, ${FRAMES} line frames`);
const line = fuzzLineCodec();
console.log(`line codec: ${line.frames} frames in ${(line.ms / 1000).toFixed(1)} s (${Math.round(line.frames / (line.ms / 1000))} frames/s)`);
const hidMs = fuzzHidPos(Math.ceil(FRAMES / 5));
console.log(`HID-POS: ${Math.ceil(FRAMES / 5)} codes in ${(hidMs / 1000).toFixed(1)} s`);
const clsMs = fuzzClassifiers(Math.ceil(FRAMES / 5));
console.log(`payload classifier + MRZ: ${Math.ceil(FRAMES / 5)} inputs each in ${(clsMs / 1000).toFixed(1)} s`);
const counts = await fuzzDrivers(DRIVER_SECONDS);
console.log(`drivers: ${DRIVER_SECONDS} s of chaos, ${counts.scans} scans, ${counts.reads} passport reads, ${counts.problems} problems reported`);
if (violations > 0) {
  console.error(`${violations} violation(s); reproduce with --seed ${SEED}`);
  process.exit(1);
}
console.log('no violations');
process.exit(0);
