/**
 * ID card reader benchmark: `npm run bench:id-card [-- --paced N --unpaced N]`.
 *
 * (a) Paced: the simulator sleeps so that every request and reply byte takes
 *     as long as on a 115200-baud line. We time "find card" → parsed card
 *     through the real stack (serialport → ReaderSession → codec → layouts)
 *     and print its median as a ratio to the bytes-on-the-wire time of the
 *     same exchange (goal ≤ 1.10). A baseline in the same process does the same
 *     exchange with bare serialport writes and byte counting, no codec: the
 *     floor that the simulator, the pseudo-terminal and the event loop impose.
 * (b) Unpaced: the same two, without pacing; the difference of the medians is
 *     the software overhead per read, and a pure decode loop shows the codec's
 *     own share.
 */
import { performance } from 'node:perf_hooks';
import { SerialPort } from 'serialport';
import { silentLogger } from '../../domain/logger';
import {
  COMMANDS,
  FrameDecoder,
  encodeBaseInformation,
  encodeCommand,
  encodeReply,
  parseBaseInformation,
  parseReply,
  replyFrameLength,
} from '../../drivers/id-card/codec';
import { decodeCard, encodeCardText, photoBytes } from '../../drivers/id-card/layouts';
import { readCard } from '../../drivers/id-card/procedures';
import { ReaderSession } from '../../drivers/id-card/session';
import { serialPortTransport } from '../../drivers/id-card/transport';
import { sampleCards } from '../../fixtures/id-card-reader/sample-cards';
import { startIdCardReaderSimulator } from '../../fixtures/id-card-reader/simulator';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : NaN;
  return Number.isFinite(v) ? v : fallback;
}

const PACED_READS = arg('paced', 40);
const UNPACED_READS = arg('unpaced', 300);
const BAUD = 115200;

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

const REQUEST_BYTES = encodeCommand(COMMANDS.findCard).length;
const EXCHANGE = [
  { command: COMMANDS.findCard, replyBytes: replyFrameLength(4) },
  { command: COMMANDS.selectCard, replyBytes: replyFrameLength(8) },
  { command: COMMANDS.readBase, replyBytes: replyFrameLength(4 + 256 + 1024) },
];
const WIRE_BYTES = EXCHANGE.reduce((n, step) => n + REQUEST_BYTES + step.replyBytes, 0);
const WIRE_MS = (WIRE_BYTES * 10 * 1000) / BAUD;

/** Baseline: the same three exchanges with bare serialport, counting reply bytes. */
async function rawExchange(port: SerialPort): Promise<void> {
  for (const step of EXCHANGE) {
    await new Promise<void>((resolve) => {
      let got = 0;
      const onData = (chunk: Buffer): void => {
        got += chunk.length;
        if (got >= step.replyBytes) {
          port.off('data', onData);
          resolve();
        }
      };
      port.on('data', onData);
      port.write(Buffer.from(encodeCommand(step.command)));
    });
  }
}

function openRaw(path: string): Promise<SerialPort> {
  return new Promise((resolve, reject) => {
    const port = new SerialPort({ path, baudRate: BAUD, autoOpen: false });
    port.open((err) => (err ? reject(err) : resolve(port)));
  });
}

const closeRaw = (port: SerialPort): Promise<void> => new Promise((resolve) => port.close(() => resolve()));

/** Alternates blocks of stack reads and raw exchanges, so drift in machine load hits both alike. */
async function measure(paced: boolean, reads: number): Promise<{ stack: number[]; raw: number[] }> {
  const sim = await startIdCardReaderSimulator(paced ? { paceBaudRate: BAUD } : {});
  sim.placeCard(sampleCards.foreignPermanent2023);
  const stack: number[] = [];
  const raw: number[] = [];
  const block = 10;
  try {
    while (stack.length < reads) {
      const session = new ReaderSession(await serialPortTransport.open(sim.devicePath, BAUD), BAUD, silentLogger);
      await readCard(session); // warm-up after reopening
      for (let i = 0; i < block && stack.length < reads; i++) {
        const t = performance.now();
        const reading = await readCard(session);
        stack.push(performance.now() - t);
        if (reading?.card.idNumber !== sampleCards.foreignPermanent2023.idNumber) throw new Error('wrong card read');
      }
      await session.close();
      const port = await openRaw(sim.devicePath);
      await rawExchange(port);
      for (let i = 0; i < block && raw.length < reads; i++) {
        const t = performance.now();
        await rawExchange(port);
        raw.push(performance.now() - t);
      }
      await closeRaw(port);
    }
  } finally {
    await sim.close();
  }
  return { stack, raw };
}

/** The codec and layouts alone: frame decode + card decode of one read-base reply, median ms per card. */
function pureDecodeMs(iterations: number): number {
  const frame = encodeReply({
    sw3: 0x90,
    data: encodeBaseInformation({
      text: encodeCardText(sampleCards.foreignPermanent2023),
      photo: photoBytes(sampleCards.foreignPermanent2023),
    }),
  });
  const decoder = new FrameDecoder();
  const times: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const t = performance.now();
    for (const event of decoder.push(frame)) {
      if (event.kind !== 'frame') continue;
      const info = parseBaseInformation(parseReply(event.body)!.data);
      decodeCard(info!.text, info!.photo);
    }
    times.push(performance.now() - t);
  }
  return median(times);
}

const fmt = (n: number): string => n.toFixed(2);

console.log(`bench:id-card  find card -> select -> read base -> parsed card (${WIRE_BYTES} bytes on the wire)`);
const paced = await measure(true, PACED_READS);
const pacedStack = median(paced.stack);
const pacedRaw = median(paced.raw);
console.log(`(a) paced at ${BAUD} baud, ${PACED_READS} reads each:`);
console.log(`    bytes-on-the-wire time        ${fmt(WIRE_MS)} ms`);
console.log(`    baseline (bare serialport)    median ${fmt(pacedRaw)} ms   ratio to wire ${(pacedRaw / WIRE_MS).toFixed(3)}`);
console.log(`    driver stack                  median ${fmt(pacedStack)} ms   ratio to wire ${(pacedStack / WIRE_MS).toFixed(3)}  (goal <= 1.10)`);
const unpaced = await measure(false, UNPACED_READS);
const unpacedStack = median(unpaced.stack);
const unpacedRaw = median(unpaced.raw);
console.log(`(b) unpaced, ${UNPACED_READS} reads each:`);
console.log(`    baseline (bare serialport)    median ${fmt(unpacedRaw)} ms`);
console.log(`    driver stack                  median ${fmt(unpacedStack)} ms`);
console.log(`    software overhead per read    ${fmt(unpacedStack - unpacedRaw)} ms (median difference)`);
console.log(`    of which codec + layouts      ${pureDecodeMs(2000).toFixed(3)} ms per card (pure decode loop, median)`);
process.exit(0);
