/**
 * National-crypto benchmark (issue 10): the pure-JavaScript SM3/SM4 of
 * crypto/ (what runs inside Electron) against node:crypto's OpenSSL (what
 * Electron lacks) on a 40 MB material, in the same run; then the longest
 * event-loop stall while a 40 MB material is sealed: during a real save
 * (sync service, worker thread), and for the sealing step alone on the
 * worker, in-thread in pure JavaScript, and in-thread with OpenSSL (the
 * former code); and while the uploader reads it back chunk by chunk.
 * Prints medians of --runs runs. Run it on an idle machine: wall-clock
 * stalls include the OS scheduling other processes.
 *   npm run bench:crypto -- [--mb 40] [--runs 5]
 */
import { createCipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { hkdfSm3, sm3Hex, sm4CbcEncrypt, sm4Ctr } from '../../crypto';
import { smWorker } from '../../crypto/worker/client';
import { createSyncService } from '../../sync/sync-service';
import { sampleDraft, tempDir } from '../../sync/testing/harness';
import { MaterialCipher } from '../../sync/uploads/material-file';

const { values } = parseArgs({ options: { mb: { type: 'string', default: '40' }, runs: { type: 'string', default: '5' } } });
const megabytes = Number(values.mb);
const runs = Number(values.runs);
const material = randomBytes(megabytes * 1024 * 1024);
const key = randomBytes(16);
const iv = randomBytes(16);
const STEP = 1024 * 1024;
const dir = tempDir('crypto-bench-');

const median = (samples: number[]): number => [...samples].sort((a, b) => a - b)[Math.floor(samples.length / 2)]!;

function throughput(action: () => void): number {
  const samples: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const started = performance.now();
    action();
    samples.push(megabytes / ((performance.now() - started) / 1000));
  }
  return median(samples);
}

interface Stall {
  /** Largest gap of a 1 ms timer beyond its period (wall clock: includes the OS running other threads and processes). */
  wall: number;
  /** monitorEventLoopDelay's maximum (wall clock too). */
  histogram: number;
  /** Largest CPU time the main thread itself spent between two timer ticks: how long our code held the loop. */
  busy: number;
}

async function longestStall(action: () => Promise<unknown>): Promise<Stall> {
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  const cpu = (): number => {
    const usage = process.threadCpuUsage();
    return (usage.user + usage.system) / 1000;
  };
  let lastWall = performance.now();
  let lastCpu = cpu();
  let wall = 0;
  let busy = 0;
  const probe = setInterval(() => {
    const now = performance.now();
    const used = cpu();
    wall = Math.max(wall, now - lastWall - 1);
    busy = Math.max(busy, used - lastCpu);
    lastWall = now;
    lastCpu = used;
  }, 1);
  histogram.enable();
  await action();
  // Let the timer tick once more, so work done at the very end of the action is measured too.
  await new Promise((resolve) => setTimeout(resolve, 5));
  histogram.disable();
  clearInterval(probe);
  return { wall, histogram: histogram.max / 1e6, busy };
}

async function stallMedian(label: string, action: (run: number) => Promise<unknown>): Promise<void> {
  const stalls: Stall[] = [];
  const durations: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const started = performance.now();
    stalls.push(await longestStall(() => action(run)));
    durations.push(performance.now() - started);
  }
  const cell = (pick: (stall: Stall) => number): string => `${median(stalls.map(pick)).toFixed(1)} ms`.padStart(11);
  console.log(`  ${label.padEnd(54)}${cell((s) => s.busy)}${cell((s) => s.wall)}${cell((s) => s.histogram)}${`${median(durations).toFixed(0)} ms`.padStart(10)}`);
}

/** The former sealing: OpenSSL SM4-CTR + SM3 in-thread, 1 MiB steps with a yield between them. */
async function sealInThreadOpenssl(path: string): Promise<void> {
  const materialKey = Buffer.from(hkdfSync('sm3', key, Buffer.alloc(0), 'window-terminal/material-sm4-ctr', 16));
  const cipher = createCipheriv('sm4-ctr', materialKey, iv);
  const hash = createHash('sm3');
  const handle = await open(path, 'w', 0o600);
  await handle.write(iv);
  for (let offset = 0; offset < material.length; offset += STEP) {
    const slice = material.subarray(offset, offset + STEP);
    hash.update(slice);
    await handle.write(cipher.update(slice));
    await yieldToLoop();
  }
  await handle.sync();
  await handle.close();
  hash.digest('hex');
}

/** The same stepping with the pure-JavaScript primitives on the event loop's thread (no worker). */
async function sealInThreadJs(path: string): Promise<void> {
  const materialKey = hkdfSm3(key, 'window-terminal/material-sm4-ctr', 16);
  const handle = await open(path, 'w', 0o600);
  await handle.write(iv);
  for (let offset = 0; offset < material.length; offset += STEP) {
    await handle.write(sm4Ctr(materialKey, iv, offset / 16, material.subarray(offset, offset + STEP)));
    await yieldToLoop();
  }
  await handle.sync();
  await handle.close();
  sm3Hex(material);
}

console.log(`National crypto on a ${megabytes} MB material, medians of ${runs} runs (Node ${process.version}, OpenSSL ${process.versions.openssl})\n`);
console.log(`  ${'throughput'.padEnd(18)} ${'crypto/ (JS)'.padStart(13)} ${'OpenSSL'.padStart(10)} ${'JS / OpenSSL'.padStart(13)}`);
const rows: [string, () => void, () => void][] = [
  ['SM3', () => sm3Hex(material), () => createHash('sm3').update(material).digest()],
  ['SM4-CTR', () => { for (let offset = 0; offset < material.length; offset += STEP) sm4Ctr(key, iv, offset / 16, material.subarray(offset, offset + STEP)); }, () => createCipheriv('sm4-ctr', key, iv).update(material)],
  ['SM4-CBC', () => sm4CbcEncrypt(key, iv, material), () => createCipheriv('sm4-cbc', key, iv).update(material)],
];
for (const [name, ours, openssl] of rows) {
  const js = throughput(ours);
  const native = throughput(openssl);
  console.log(`  ${name.padEnd(18)} ${`${js.toFixed(1)} MB/s`.padStart(13)} ${`${native.toFixed(1)} MB/s`.padStart(10)} ${(js / native).toFixed(2).padStart(13)}`);
}

console.log(`\n  ${'longest event-loop stall while sealing'.padEnd(54)}${'busy'.padStart(11)}${'wall'.padStart(11)}${'histogram'.padStart(11)}${'took'.padStart(10)}`);
const sync = createSyncService({ dataDir: join(dir.path, 'terminal'), backendUrl: 'http://127.0.0.1:9', pullIntervalMs: 3_600_000 });
await sync.start();
const materials = new MaterialCipher(randomBytes(32));
try {
  await stallMedian('save a case with the material (worker thread)', (run) =>
    sync.createCaseWithMaterials(sampleDraft(run), [{ materialKey: 'scan', fileName: 'scan.pdf', mimeType: 'application/pdf', data: material }]),
  );
  mkdirSync(join(dir.path, 'alone'), { recursive: true });
  await stallMedian('sealing alone: worker thread (crypto/, as shipped)', (run) => materials.writeAsync(join(dir.path, 'alone', `w${run}`), material));
  await stallMedian('sealing alone: pure JS in-thread (no worker)', (run) => sealInThreadJs(join(dir.path, 'alone', `j${run}`)));
  await stallMedian('sealing alone: OpenSSL in-thread (former code)', (run) => sealInThreadOpenssl(join(dir.path, 'alone', `o${run}`)));
  const sealed = join(dir.path, 'alone', 'w0');
  await stallMedian('upload read: every 1 MiB chunk + SM3 (worker thread)', async () => {
    for (let offset = 0; offset < material.length; offset += STEP) await materials.readRange(sealed, offset, STEP);
  });
} finally {
  await sync.stop();
  await smWorker().close();
  rmSync(dir.path, { recursive: true, force: true });
}
console.log(
  [
    '',
    '  busy: the most CPU time the main thread spent between two ticks of a 1 ms timer (how long our code held the event loop);',
    '  wall: the timer\'s largest gap beyond its period; histogram: monitorEventLoopDelay max. Both wall figures include the OS',
    '  running other threads and processes (the worker itself on a 2-core machine). Goal: no stall over 50 ms.',
  ].join('\n'),
);
