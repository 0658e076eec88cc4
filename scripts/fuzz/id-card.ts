/**
 * Fuzzes the ID card reader stack: `npm run fuzz:id-card [-- --frames N --seed S --driver-seconds T]`.
 *
 * 1. Codec and layouts: N random and mutated frames (valid commands and
 *    replies, card text blocks with corrupted fields, bit flips, bogus
 *    lengths, splices, noise; half with the checksum repaired so the damage
 *    reaches the parsers) streamed through one FrameDecoder in random chunk
 *    sizes, every decoded reply parsed and every read-base reply decoded as a
 *    card. Allowed outcomes: a frame, a checksum/noise report, or an
 *    IdCardReaderError 'id-card-data-invalid'; every decoded card must satisfy
 *    the contract's schema.
 * 2. Driver: many IdCardReaderDriver instances over an in-memory transport
 *    whose "reader" answers with mutated, split, noisy, dropped replies and is
 *    unplugged at random, for T seconds. No exception may escape, every driver
 *    must still be polling at the end (no hang), and stop() must return.
 *
 * Exits non-zero on any violation, printing the seed to reproduce it.
 */
import { performance } from 'node:perf_hooks';
import { identityCardSchema } from '../../contract/schemas';
import type { Logger } from '../../domain/logger';
import {
  COMMANDS,
  FrameDecoder,
  MAX_FRAME_LENGTH,
  checksum,
  encodeBaseInformation,
  encodeCommand,
  encodeReply,
  parseBaseInformation,
  parseCommand,
  parseReply,
} from '../../drivers/id-card/codec';
import { IdCardReaderDriver } from '../../drivers/id-card/driver';
import { IdCardReaderError } from '../../drivers/id-card/errors';
import { decodeCard, encodeCardText } from '../../drivers/id-card/layouts';
import { MemoryTransport } from '../../fixtures/id-card-reader/memory-transport';
import { sampleCards } from '../../fixtures/id-card-reader/sample-cards';
import { numericArg, seededRandom } from './seeded';

const FRAMES = numericArg('frames', 1_000_000);
const SEED = numericArg('seed', Date.now() % 2 ** 31);
const DRIVER_SECONDS = numericArg('driver-seconds', 12);
const DRIVERS = numericArg('drivers', 300);

const { random, int } = seededRandom(SEED);
const pick = <T>(items: readonly T[]): T => items[int(items.length)] as T;
const bytes = (n: number): Uint8Array => {
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[i] = int(256);
  return out;
};

const failures: string[] = [];
function fail(message: string): void {
  if (failures.length < 20) failures.push(message);
}
process.on('uncaughtException', (err) => fail(`uncaught exception: ${err.stack ?? err}`));
process.on('unhandledRejection', (err) => fail(`unhandled rejection: ${String(err)}`));

// ---- frame generation ----

const cards = Object.values(sampleCards);
const cardTexts = cards.map((c) => encodeCardText(c));
const photo = new Uint8Array(Buffer.from(sampleCards.resident.photo, 'base64'));

function mutateText(text: Uint8Array): Uint8Array {
  const t = new Uint8Array(text);
  const n = 1 + int(6);
  for (let i = 0; i < n; i++) {
    const at = int(128) * 2;
    switch (int(5)) {
      case 0: // any UTF-16 unit, surrogates included
        t[at] = int(256);
        t[at + 1] = int(256);
        break;
      case 1: // a digit where a digit may be expected
        t[at] = 0x30 + int(10);
        t[at + 1] = 0;
        break;
      case 2: // card type
        t[248] = pick([0x49, 0x4a, 0x59, 0x20, 0x00, int(256)]);
        t[249] = 0;
        break;
      case 3: // blank a field
        t.fill(0, at, Math.min(256, at + 2 * int(20)));
        break;
      default: // "长期" somewhere
        t.set([0x7f, 0x95, 0x1f, 0x67], Math.min(252, at));
    }
  }
  return t;
}

const baseFrames: Array<() => Uint8Array> = [
  ...Object.values(COMMANDS).map((c) => () => encodeCommand(c)),
  () => encodeReply({ sw3: 0x9f, data: [0, 0, 0, 0] }),
  () => encodeReply({ sw3: 0x80 }),
  () => encodeReply({ sw3: 0x90, data: new Uint8Array(8) }),
  () => encodeReply({ sw3: 0x90 }),
  () => encodeReply({ sw3: 0x90, data: bytes(16) }),
  () => encodeReply({ sw3: pick([0x10, 0x11, 0x21, 0x23, 0x24, 0x31, 0x32, 0x33, 0x40, 0x41, 0x47, 0x60, 0x66, 0x81, 0x91, int(256)]) }),
  () => encodeReply({ sw3: 0x90, data: encodeBaseInformation({ text: pick(cardTexts), photo }) }),
  () => encodeReply({ sw3: 0x90, data: encodeBaseInformation({ text: mutateText(pick(cardTexts)), photo }) }),
  () => encodeReply({ sw3: 0x90, data: encodeBaseInformation({ text: bytes(256), photo: bytes(1024) }) }),
  () => encodeReply({ sw3: 0x90, data: encodeBaseInformation({ text: mutateText(pick(cardTexts)), photo, fingerprint: bytes(int(2) * 1024) }) }),
  () => encodeReply({ sw3: 0x90, data: bytes(int(80)) }),
  () => bytes(int(64)),
];

function mutate(frame: Uint8Array): Uint8Array {
  let f = frame;
  const n = int(4);
  for (let i = 0; i < n; i++) {
    switch (int(9)) {
      case 0: {
        const c = new Uint8Array(f);
        if (c.length) c[int(c.length)]! ^= 1 << int(8);
        f = c;
        break;
      }
      case 1: {
        const c = new Uint8Array(f);
        if (c.length) c[int(c.length)] = int(256);
        f = c;
        break;
      }
      case 2: {
        const at = int(f.length + 1);
        const ins = bytes(1 + int(8));
        f = Buffer.concat([f.subarray(0, at), ins, f.subarray(at)]);
        break;
      }
      case 3: {
        const at = int(f.length + 1);
        f = Buffer.concat([f.subarray(0, at), f.subarray(Math.min(f.length, at + 1 + int(16)))]);
        break;
      }
      case 4:
        f = f.subarray(0, int(f.length + 1));
        break;
      case 5: {
        const c = new Uint8Array(f);
        if (c.length > 6) {
          const len = pick([0, 1, 2, 3, 4, c.length - 7, c.length - 6, MAX_FRAME_LENGTH, MAX_FRAME_LENGTH + 1, 0xffff, int(0x10000)]);
          c[5] = (len >> 8) & 0xff;
          c[6] = len & 0xff;
        }
        f = c;
        break;
      }
      case 6:
        f = Buffer.concat([f, pick(baseFrames)()]);
        break;
      case 7:
        f = Buffer.concat([bytes(int(12)), f]);
        break;
      default:
        // A preamble in the middle of nowhere.
        f = Buffer.concat([f.subarray(0, int(f.length + 1)), new Uint8Array([0xaa, 0xaa, 0xaa, 0x96, 0x69])]);
    }
  }
  if (f.length > 8 && random() < 0.5) {
    // Repair the checksum so the damage reaches the parsers.
    const c = new Uint8Array(f);
    c[c.length - 1] = checksum(c, 5, c.length - 1);
    f = c;
  }
  return f;
}

// ---- part 1: codec and layouts ----

function fuzzCodec(): { frames: number; decoded: number; cards: number; invalid: number; badChecksums: number; ms: number } {
  const started = performance.now();
  let decoder = new FrameDecoder();
  let decoded = 0;
  let cardCount = 0;
  let invalid = 0;
  let badChecksums = 0;
  let pendingBytes: Uint8Array[] = [];
  let pendingLength = 0;
  const flush = (): void => {
    const stream = Buffer.concat(pendingBytes);
    pendingBytes = [];
    pendingLength = 0;
    let at = 0;
    while (at < stream.length) {
      const size = 1 + int(random() < 0.2 ? 16 : 2048);
      const events = decoder.push(stream.subarray(at, at + size));
      at += size;
      if (decoder.pending > MAX_FRAME_LENGTH + 7) fail(`decoder holds ${decoder.pending} bytes`);
      for (const event of events) {
        if (event.kind === 'bad-checksum') badChecksums++;
        if (event.kind !== 'frame') continue;
        decoded++;
        parseCommand(event.body);
        const reply = parseReply(event.body);
        if (!reply) continue;
        for (const withFingerprint of [false, true]) {
          const info = parseBaseInformation(reply.data, withFingerprint);
          if (!info) continue;
          try {
            const { card } = decodeCard(info.text, info.photo, { today: '2026-01-01' });
            cardCount++;
            const check = identityCardSchema.safeParse(card);
            if (!check.success) fail(`decoded card violates the contract: ${check.error.message}`);
          } catch (err) {
            if (err instanceof IdCardReaderError && err.code === 'id-card-data-invalid') invalid++;
            else fail(`decodeCard threw ${String(err)}`);
          }
        }
      }
    }
    if (random() < 0.01) decoder = new FrameDecoder();
  };
  for (let i = 0; i < FRAMES; i++) {
    const base = pick(baseFrames)();
    const frame = random() < 0.75 ? mutate(base) : base;
    pendingBytes.push(frame);
    pendingLength += frame.length;
    if (pendingLength > 64 * 1024) flush();
  }
  flush();
  return { frames: FRAMES, decoded, cards: cardCount, invalid, badChecksums, ms: performance.now() - started };
}

// ---- part 2: drivers over a misbehaving in-memory reader ----

/** The driver swallows every exception to stay alive, but logs bugs at error level: those fail the run. */
const bugCatcher: Logger = {
  debug() {},
  info() {},
  warn() {},
  error(message, fields) {
    fail(`driver logged an error: ${message} ${JSON.stringify(fields)}`);
  },
  child() {
    return bugCatcher;
  },
};

async function fuzzDrivers(): Promise<{ frames: number; reads: number; readFailures: number; reconnects: number; ms: number }> {
  const started = performance.now();
  let frames = 0;
  let reads = 0;
  let readFailures = 0;
  let reconnects = 0;
  const drivers: Array<{ driver: IdCardReaderDriver; transport: MemoryTransport; lastWrite: number }> = [];
  for (let i = 0; i < DRIVERS; i++) {
    const path = `/dev/fuzz${i}`;
    const decoder = new FrameDecoder();
    let card = random() < 0.5;
    const entry = { driver: null as unknown as IdCardReaderDriver, transport: null as unknown as MemoryTransport, lastWrite: performance.now() };
    const transport = new MemoryTransport((written) => {
      entry.lastWrite = performance.now();
      const out: Uint8Array[] = [];
      for (const event of decoder.push(written)) {
        if (event.kind !== 'frame') continue;
        const command = parseCommand(event.body);
        if (!command) continue;
        if (random() < 0.05) card = !card;
        let reply: Uint8Array;
        if (command.cmd === 0x11 || command.cmd === 0x10) reply = encodeReply({ sw3: random() < 0.97 ? 0x90 : pick([0x60, 0x66, 0x24]) });
        else if (command.cmd === 0x12) reply = encodeReply({ sw3: 0x90, data: bytes(16) });
        else if (command.cmd === 0x20 && command.para === 0x01) reply = card ? encodeReply({ sw3: 0x9f, data: [0, 0, 0, 0] }) : encodeReply({ sw3: 0x80 });
        else if (command.cmd === 0x20) reply = encodeReply({ sw3: card ? 0x90 : 0x81, data: card ? new Uint8Array(8) : [] });
        else if (command.cmd === 0x30) {
          const text = random() < 0.5 ? mutateText(pick(cardTexts)) : pick(cardTexts);
          reply = encodeReply({ sw3: 0x90, data: encodeBaseInformation({ text, photo }) });
        } else reply = encodeReply({ sw3: 0x21 });
        frames++;
        const roll = random();
        if (roll < 0.01) continue; // lost reply: the driver must time out and carry on
        if (roll < 0.25) reply = mutate(reply);
        if (random() < 0.1) out.push(bytes(1 + int(20)));
        if (random() < 0.3) {
          let at = 0;
          while (at < reply.length) {
            const size = 1 + int(300);
            out.push(reply.subarray(at, at + size));
            at += size;
          }
        } else out.push(reply);
        if (random() < 0.002) {
          // Unplug now; the device comes back a little later.
          setImmediate(() => {
            transport.links.at(-1)?.unplug();
            transport.present.delete(path);
            reconnects++;
            setTimeout(() => transport.present.add(path), int(50));
          });
        }
      }
      return out;
    });
    transport.present.add(path);
    const driver = new IdCardReaderDriver({
      path,
      ...(random() < 0.5 ? { baudRate: 115200 } : {}),
      pollIntervalMs: 0,
      reconnectIntervalMs: 5,
      baudProbeTimeoutMs: 50,
      transport,
      logger: bugCatcher,
    });
    driver.on('cardRead', (reading) => {
      reads++;
      const check = identityCardSchema.safeParse(reading.card);
      if (!check.success) fail(`driver emitted an invalid card: ${check.error.message}`);
    });
    driver.on('readFailed', (error) => {
      readFailures++;
      if (!(error instanceof IdCardReaderError)) fail(`readFailed with ${String(error)}`);
    });
    entry.driver = driver;
    entry.transport = transport;
    drivers.push(entry);
  }
  await Promise.all(drivers.map((d) => d.driver.start()));
  await new Promise((r) => setTimeout(r, DRIVER_SECONDS * 1000));
  const now = performance.now();
  for (const [i, d] of drivers.entries()) {
    // Every exchange times out within ~2 s, so a live driver has written recently.
    if (now - d.lastWrite > 3000) fail(`driver ${i} stopped polling ${Math.round(now - d.lastWrite)} ms ago (status ${JSON.stringify(d.driver.status())})`);
  }
  const stopped = await Promise.race([
    Promise.all(drivers.map((d) => d.driver.stop())).then(() => true),
    new Promise<boolean>((r) => setTimeout(() => r(false), 5000)),
  ]);
  if (!stopped) fail('stop() did not return within 5 s');
  return { frames, reads, readFailures, reconnects, ms: performance.now() - started };
}

console.log(`fuzz:id-card seed=${SEED} frames=${FRAMES} drivers=${DRIVERS}x${DRIVER_SECONDS}s`);
const codec = fuzzCodec();
console.log(
  `codec:  ${codec.frames} frames in ${(codec.ms / 1000).toFixed(1)} s; ${codec.decoded} decoded frames, ` +
    `${codec.badChecksums} checksum errors, ${codec.cards} cards decoded, ${codec.invalid} rejected as id-card-data-invalid`,
);
const driver = await fuzzDrivers();
console.log(
  `driver: ${driver.frames} replies in ${(driver.ms / 1000).toFixed(1)} s; ${driver.reads} cards read, ` +
    `${driver.readFailures} read failures reported, ${driver.reconnects} unplugs`,
);
console.log(`total frames: ${codec.frames + driver.frames}`);
if (failures.length) {
  console.error(`FAILED (seed ${SEED}):\n${failures.join('\n')}`);
  process.exit(1);
}
console.log('OK: no exception escaped, no hang');
process.exit(0);
