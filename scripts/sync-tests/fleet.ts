/**
 * Fleet test (issue 4): 500 simulated terminals on loopback, each a real
 * SyncService with its own SQLite store and SM2 key, reconnecting after an
 * outage. The backend (own process) counts requests per second; the peak
 * after the outage must stay at or below 3x the steady rate, and every
 * queue must drain.
 *
 * A rate needs a window. The pass criterion uses the busiest 5-second
 * window (2.5 minutes unscaled, half the backoff cap); the busiest single
 * second (30 s unscaled) is printed too and is noisier: with full jitter the
 * expected wave is steady + terminals/cap, about 2.5x steady here, and
 * one-second counts scatter around that by ±10 %.
 *
 * Time is compressed by --scale (default 30): the backoff cap of 5 min
 * becomes 10 s, a 30-minute outage takes 60 s, and each window's case every
 * --case-min minutes (default 30: ~600,000 cases a month over 2,000 windows
 * is about 15 a day each) comes every 60 s. Loops are bounded: the script
 * stops itself.
 *   npm run sync:fleet -- [--terminals 500] [--scale 30] [--outage-min 30]
 */
import { fork } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createSyncService, type SyncService } from '../../sync/sync-service';
import { sampleDraft, tempDir } from '../../sync/testing/harness';

const { values } = parseArgs({
  options: {
    terminals: { type: 'string', default: '500' },
    scale: { type: 'string', default: '30' },
    'outage-min': { type: 'string', default: '30' },
    'case-min': { type: 'string', default: '30' },
    // At least one pull interval (30 min / scale), so the steady rate includes the pulls.
    'steady-s': { type: 'string', default: '60' },
  },
});
const terminals = Number(values.terminals);
const scale = Number(values.scale);
const outageMs = (Number(values['outage-min']) * 60_000) / scale;
const steadyMs = Number(values['steady-s']) * 1000;
const caseEveryMs = (Number(values['case-min']) * 60_000) / scale;
const HARD_LIMIT_MS = 10 * 60_000;
const hardStop = setTimeout(() => {
  process.stderr.write('fleet test hit its 10-minute limit\n');
  process.exit(2);
}, HARD_LIMIT_MS);

const dir = tempDir('sync-fleet-');
const child = fork(fileURLToPath(new URL('./fleet-backend.ts', import.meta.url)), [], {
  env: { ...process.env, FLEET_BACKEND_DIR: join(dir.path, 'backend') },
  execArgv: ['--import', 'tsx'],
  stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
});
child.on('exit', (code) => {
  if (code !== 0) {
    process.stderr.write(`backend process ended with ${code}\n`);
    process.exit(2);
  }
});
let nextId = 1;
const pending = new Map<number, (value: unknown) => void>();
const ready = new Promise<string>((resolve) => pending.set(0, (url) => resolve(url as string)));
child.on('message', (message: { id: number; result: unknown }) => {
  pending.get(message.id)?.(message.result);
  pending.delete(message.id);
});
function command<T>(cmd: string, extra: Record<string, unknown> = {}): Promise<T> {
  const id = nextId++;
  return new Promise((resolve) => {
    pending.set(id, (value) => resolve(value as T));
    child.send({ id, cmd, ...extra });
  });
}
const backendUrl = await ready;

// Start the fleet, staggered like terminals switched on over a morning.
const services: SyncService[] = [];
const startedAt = Date.now();
for (let i = 0; i < terminals; i += 1) {
  const service = createSyncService({
    dataDir: join(dir.path, `t${i}`),
    backendUrl,
    backoff: { baseMs: 1_000 / scale, capMs: 300_000 / scale },
    breaker: { threshold: 5, openMs: 5_000 / scale, maxOpenMs: 300_000 / scale },
    pullIntervalMs: 1_800_000 / scale,
    requestTimeoutMs: 10_000,
  });
  await service.start();
  services.push(service);
  await new Promise((resolve) => setTimeout(resolve, 10_000 / terminals));
}
process.stdout.write(`${terminals} terminals started in ${((Date.now() - startedAt) / 1000).toFixed(1)} s\n`);

// Each terminal creates cases at random (Poisson) times.
let created = 0;
let creating = true;
const lastCaseId: (string | undefined)[] = new Array(terminals).fill(undefined);
const timers = new Set<NodeJS.Timeout>();
function schedule(service: SyncService, index: number): void {
  const timer = setTimeout(() => {
    timers.delete(timer);
    if (!creating) return;
    lastCaseId[index] = service.createCase(sampleDraft(index)).id;
    created += 1;
    schedule(service, index);
  }, -Math.log(1 - Math.random()) * caseEveryMs);
  timers.add(timer);
}
services.forEach((service, index) => schedule(service, index));

await new Promise((resolve) => setTimeout(resolve, 10_000)); // let registrations and first pulls settle
const steadyFrom = Date.now();
await new Promise((resolve) => setTimeout(resolve, steadyMs));
const steadyTo = Date.now();

await command('pause');
await new Promise((resolve) => setTimeout(resolve, outageMs));
const queuedAtReturn = services.reduce((sum, service) => sum + service.status().queued, 0);
await command('resume');
const resumedAt = Date.now();
// No retryNow(): terminals notice the backend by themselves.

// Drained = every case created before the backend returned has reached it (new cases keep coming meanwhile).
const backlogIds = [...lastCaseId];
let drainedAt = 0;
while (Date.now() - resumedAt < 5 * 60_000) {
  await new Promise((resolve) => setTimeout(resolve, 250));
  if (services.every((service, index) => backlogIds[index] === undefined || service.getCase(backlogIds[index]!)?.syncState === 'synced')) {
    drainedAt = Date.now();
    break;
  }
}
// Keep measuring a little after the drain so the tail is in the window too.
await new Promise((resolve) => setTimeout(resolve, 15_000));
creating = false;
for (const timer of timers) clearTimeout(timer);
const measureTo = Date.now();
let stillQueued = Number.POSITIVE_INFINITY;
for (let i = 0; i < 240 && stillQueued > 0; i += 1) {
  await new Promise((resolve) => setTimeout(resolve, 250));
  stillQueued = services.reduce((sum, service) => sum + service.status().queued, 0);
}
const backendCases = await command<number>('caseCount');

const steadyBuckets = await command<Record<string, number>>('histogram', { from: steadyFrom, to: steadyTo });
const recoveryBuckets = await command<Record<string, number>>('histogram', { from: resumedAt, to: measureTo });
const steadyRoutes = await command<Record<string, number>>('routes', { from: steadyFrom, to: steadyTo });
const recoveryRoutes = await command<Record<string, number>>('routes', { from: resumedAt, to: measureTo });
const firstSecond = Math.floor(resumedAt / 1000);
const series = Object.entries(recoveryBuckets)
  .filter(([second]) => Number(second) - firstSecond < 60)
  .map(([second, count]) => [Number(second) - firstSecond, count] as const)
  .sort((a, b) => a[0] - b[0])
  .map(([second, count]) => `${second}:${count}`)
  .join(' ');
const steadyRate = Object.values(steadyBuckets).reduce((a, b) => a + b, 0) / ((steadyTo - steadyFrom) / 1000);
const recoveryCounts = Object.values(recoveryBuckets);
const peak = Math.max(0, ...recoveryCounts);
const peak5 = Math.max(0, ...recoveryCounts.map((_, i) => recoveryCounts.slice(i, i + 5).reduce((a, b) => a + b, 0) / Math.min(5, recoveryCounts.length - i)));
const steadyPeak = Math.max(0, ...Object.values(steadyBuckets));

for (const service of services) await service.stop();
await command('close');
dir.remove();
clearTimeout(hardStop);

const ratio = peak / steadyRate;
process.stdout.write(
  [
    `fleet: ${terminals} terminals, time compressed ${scale}x (backoff cap ${300 / scale} s, a case per terminal every ${(caseEveryMs / 1000).toFixed(0)} s on average = every ${values['case-min']} min unscaled)`,
    `steady: ${steadyRate.toFixed(1)} requests/s at the backend (busiest second ${steadyPeak})`,
    `outage: ${(outageMs / 1000).toFixed(0)} s (= ${values['outage-min']} min), ${queuedAtReturn} cases queued across the fleet when the backend returned`,
    `recovery: busiest 5 s averaged ${peak5.toFixed(1)} requests/s (${(peak5 / steadyRate).toFixed(2)}x steady; criterion <= 3x); busiest single second ${peak} (${ratio.toFixed(2)}x)`,
    `requests per second in the first minute after the return (second:count): ${series}`,
    `requests by route, steady window: ${JSON.stringify(steadyRoutes)}`,
    `requests by route, recovery window: ${JSON.stringify(recoveryRoutes)}`,
    `drain: every case queued during the outage delivered ${drainedAt ? `${((drainedAt - resumedAt) / 1000).toFixed(1)} s after the backend returned` : 'NOT within 5 minutes'}`,
    `cases: ${created} created, ${backendCases} at the backend, ${stillQueued} still queued at the end`,
  ].join('\n') + '\n',
);
const ok = peak5 / steadyRate <= 3 && drainedAt > 0 && backendCases === created && stillQueued === 0;
process.stdout.write(ok ? 'PASS\n' : 'FAIL\n');
process.exit(ok ? 0 : 1);
