/**
 * Services process figures: how long the services process takes from fork to
 * serving (a cold start on a new store, then median of warm starts), and how
 * long from a SIGKILL to serving calls again (median), through the same
 * supervisor and child-process adapter the web host ships. Baseline in the
 * same run: a bare Node child that only says "ready" over the same IPC.
 *   npm run bench:services -- [--runs 7]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { silentLogger } from '../../domain/logger';
import { startReferenceBackend } from '../../fixtures/backend/server';
import { childProcessFork } from '../../main/supervisor/child-process';
import { ServicesSupervisor } from '../../main/supervisor/supervisor';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '7' } } });
const runs = Number(values.runs);
const root = resolve(import.meta.dirname, '../..');
const entry = join(root, 'out/main/services.js');
const BACKOFF_MS = 200; // the supervisor's default first restart delay, part of kill → serving

console.log('Building the terminal (electron-vite build)…');
const build = spawnSync('npx', ['electron-vite', 'build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
if (build.status !== 0) process.exit(build.status ?? 1);

const dir = mkdtempSync(join(tmpdir(), 'bench-services-'));
const backend = await startReferenceBackend({ dataDir: join(dir, 'backend'), port: 0 });
const env = { ...process.env, TERMINAL_DATA_DIR: join(dir, 'terminal'), TERMINAL_BACKEND_URL: backend.url };
const bare = join(dir, 'bare.cjs');
writeFileSync(bare, "process.on('message', (m) => { if (m.type === 'start') process.send({ type: 'ready', pid: process.pid, backendUrl: '' }); if (m.type === 'stop') process.exit(0); });");

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (x: number) => `${x.toFixed(0)} ms`;

function supervise(script: string): ServicesSupervisor {
  // stableAfterMs 0: each kill is a first crash, restarted after the first backoff step.
  return new ServicesSupervisor({ fork: childProcessFork(script, env), startMessage: () => ({ type: 'start' }), logger: silentLogger, backoff: { initialMs: BACKOFF_MS, maxMs: 10_000 }, stableAfterMs: 0 });
}

async function timedStart(script: string): Promise<number> {
  const supervisor = supervise(script);
  const started = performance.now();
  await supervisor.start();
  const elapsed = performance.now() - started;
  await supervisor.stop();
  return elapsed;
}

async function killToServing(supervisor: ServicesSupervisor): Promise<number> {
  const pid = supervisor.pid!;
  const killed = performance.now();
  process.kill(pid, 'SIGKILL');
  for (;;) {
    const reply = await supervisor.dispatch('app.info', undefined);
    if (reply.ok) return performance.now() - killed;
    await new Promise((resolveWait) => setTimeout(resolveWait, 5));
  }
}

try {
  const cold = await timedStart(entry);
  const bareStarts: number[] = [];
  const warmStarts: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    bareStarts.push(await timedStart(bare));
    warmStarts.push(await timedStart(entry));
  }
  const supervisor = supervise(entry);
  await supervisor.start();
  const recoveries: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    recoveries.push(await killToServing(supervisor));
  }
  await supervisor.stop();

  console.log(`\nServices process (${runs} runs each, out/main/services.js through the web host's supervisor):`);
  console.log(`  ready after fork, first start on a new store:   ${ms(cold)}`);
  console.log(`  ready after fork, warm (median):                ${ms(median(warmStarts))}   (bare Node child over the same IPC: ${ms(median(bareStarts))}; ${(median(warmStarts) / median(bareStarts)).toFixed(1)}×)`);
  console.log(`  SIGKILL → serving calls again (median):         ${ms(median(recoveries))}   (of which the first restart delay: ${BACKOFF_MS} ms)`);
} finally {
  await backend.close();
  rmSync(dir, { recursive: true, force: true });
}
