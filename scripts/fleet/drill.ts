/**
 * Fleet drill (issue 14) on real services processes. Each terminal is the
 * shell's own composition (main/updater: slot host + supervisor, as the web
 * host runs it) around a real services process forked from the built app
 * (out/), with its own data folder, SQLite store, SM2 key and A/B slots; the
 * drill process plays the shells, and an officer per terminal works through
 * the contract (activity.report, cases.create with a submission id). The
 * reference backend runs in its own process (drill-backend.ts).
 *
 *   1. publish v1.1.0 (the built app) at 10 %: those terminals download it,
 *      stage it, apply it between cases (one holds a case open and waits,
 *      its status "新版本已就绪，空闲时更新", until the case is submitted),
 *      boot the services from the slot, pass the health gate, commit;
 *   2. promote to 100 %: every terminal commits;
 *   3. publish v1.2.0 whose services cannot reach the backend (their sync
 *      round trip fails): every terminal takes it, fails the gate, rolls
 *      back to v1.1.0 within the gate time, reports it, keeps working;
 *   4. every case created on a terminal is at the backend exactly once.
 *
 * Time is compressed (check interval, gate time); the drill stops itself.
 * The gate counts from the switch and includes the services' start: with
 * ~45 services restarting at once on 2 shared cores, a 30 s gate was seen
 * to roll back the good release (its services were not ready in time), so
 * the default is 90 s (a terminal's own default is 10 minutes).
 *   npm run build && npm run fleet:drill -- [--terminals 50] [--gate-ms 90000] [--check-ms 3000] [--limit-s 900]
 */
import { randomUUID } from 'node:crypto';
import { cpSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { freemem, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { smWorker } from '../../crypto/worker/client';
import { silentLogger } from '../../domain/logger';
import { inRollout } from '../../fixtures/backend/fleet/rollout';
import { childProcessFork } from '../../main/supervisor/child-process';
import type { ServicesSupervisor } from '../../main/supervisor/supervisor';
import { SlotHost } from '../../main/updater/slot-host';
import { superviseFromSlots } from '../../main/updater/slot-supervisor';
import { buildRelease } from '../../sync/fleet/release-builder';
import { sampleDraft } from '../../sync/testing/harness';
import { BUILTIN, drillWait, median, startDrill } from './drill-setup';

const OUT = resolve(import.meta.dirname, '../../out');
for (const file of ['main/services.js', 'main/slot-services.js', 'renderer/index.html']) {
  if (!existsSync(join(OUT, file))) {
    process.stderr.write(`out/${file} is missing: run npm run build first\n`);
    process.exit(1);
  }
}

const drill = await startDrill({ gateMs: 90_000, limitS: 900 });
const { terminals: TERMINALS, gateMs: GATE_MS, checkMs: CHECK_MS, dir, backendUrl, admin, releaseKeys, startedAt, log, command } = drill;
const children = new Set<number>();
// Nothing the drill started may outlive it, whatever way it ends.
process.on('exit', () => {
  for (const pid of children) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
});
const worker = smWorker();

/** A release of the built app; `unhealthy`: its services start but cannot reach the backend (their health check fails). */
async function release(version: string, unhealthy: boolean): Promise<number> {
  const root = join(dir.path, `build-${version}`);
  for (const folder of ['main', 'preload', 'renderer']) cpSync(join(OUT, folder), join(root, folder), { recursive: true });
  writeFileSync(join(root, 'main/release.json'), JSON.stringify({ version }));
  if (unhealthy) {
    renameSync(join(root, 'main/services.js'), join(root, 'main/services-impl.js'));
    writeFileSync(join(root, 'main/services.js'), "process.env.TERMINAL_BACKEND_URL = 'http://127.0.0.1:9';\nawait import('./services-impl.js');\n");
  }
  const { signed, archive } = await buildRelease({ root, version, channel: 'stable', minShellVersion: BUILTIN, keys: releaseKeys, archivePath: join(dir.path, `${version}.tgz`) });
  await admin.publish(version, signed, archive);
  return archive.length;
}

interface Terminal {
  index: number;
  host: SlotHost;
  supervisor: ServicesSupervisor;
  caseOpen: boolean;
  hold: boolean;
  created: string[];
  officer?: NodeJS.Timeout;
  /** When each version was first seen committed, and the switches into and out of v1.2.0. */
  committedAt: Map<string, number>;
  badSwitchAt?: number;
  backOnGoodAt?: number;
  rssKb: number[];
}

const fleet: Terminal[] = [];

async function startTerminal(index: number): Promise<Terminal> {
  const dataDir = join(dir.path, `t${index}`);
  const host = new SlotHost({
    root: join(dataDir, 'slots'),
    builtinDir: OUT,
    pinnedKeys: [releaseKeys.publicKey],
    builtinVersion: BUILTIN,
    shellVersion: BUILTIN,
    channel: 'stable',
    sm3: (bytes) => worker.sm3Hex(bytes),
    logger: silentLogger,
    gateMs: GATE_MS,
    gateIntervalMs: 500,
  });
  const env = {
    ...process.env,
    TERMINAL_DATA_DIR: dataDir,
    TERMINAL_BACKEND_URL: backendUrl,
    TERMINAL_REQUIRE_SIGN_IN: '0',
    TERMINAL_PROFILE: 'reception-window',
  };
  const t = { index, host, caseOpen: false, hold: false, created: [], committedAt: new Map(), rssKb: [] } as unknown as Terminal;
  const { supervisor, start } = superviseFromSlots({
    host,
    forkAt: (entry, extra) => {
      const decision = host.decision();
      if (decision.trial && decision.version === '1.2.0' && t.badSwitchAt === undefined) t.badSwitchAt = Date.now();
      const child = childProcessFork(entry, { ...env, ...extra })();
      if (child.pid) children.add(child.pid);
      child.onExit(() => child.pid && children.delete(child.pid));
      return child;
    },
    loaderEntry: join(OUT, 'main/slot-services.js'),
    startMessage: () => ({ type: 'start' }),
    updatesEnabled: true,
    logger: silentLogger,
    // The screen tells every new services process what it shows (as the renderer does when it reconnects).
    onReady: () => setImmediate(() => void supervisor.dispatch('activity.report', { caseOpen: t.caseOpen || t.hold })),
    heartbeat: { intervalMs: 5_000, unresponsiveAfterMs: 120_000 },
  });
  t.supervisor = supervisor;
  await start();
  return t;
}

/** A call through the contract; while the services restart (an update), the officer's screen retries. */
async function call<T>(t: Terminal, method: string, params: unknown): Promise<T> {
  for (;;) {
    const reply = await t.supervisor.dispatch(method, params);
    if (reply.ok) return reply.result as T;
    if (reply.error.code !== 'services-restarting') throw new Error(`${method}: ${reply.error.code} ${reply.error.message}`);
    await new Promise((resolveWait) => setTimeout(resolveWait, 200));
  }
}

/** The officer: a case every 4–8 s, open on screen for 0.3–0.8 s, then submitted once (a submission id makes a retry safe). */
function officer(t: Terminal): void {
  const tick = async () => {
    if (!t.caseOpen && !t.hold) {
      t.caseOpen = true;
      await call(t, 'activity.report', { caseOpen: true });
      await new Promise((resolveWait) => setTimeout(resolveWait, 300 + Math.random() * 500));
      const submissionId = randomUUID();
      const record = await call<{ id: string }>(t, 'cases.create', { ...sampleDraft(t.index), submissionId });
      t.created.push(record.id);
      t.caseOpen = false;
      await call(t, 'activity.report', { caseOpen: false });
    }
    t.officer = setTimeout(() => void tick().catch((error: unknown) => log(`officer ${t.index}: ${(error as Error).message}`)), 4000 + Math.random() * 4000);
  };
  t.officer = setTimeout(() => void tick().catch((error: unknown) => log(`officer ${t.index}: ${(error as Error).message}`)), Math.random() * 4000);
}

function rssKb(pid: number | undefined): number {
  if (!pid) return 0;
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  } catch {
    return 0;
  }
}

const memBefore = totalmem() - freemem();
const bootTimes: number[] = [];
for (let index = 0; index < TERMINALS; index += 1) {
  const began = Date.now();
  fleet.push(await startTerminal(index));
  bootTimes.push(Date.now() - began);
}
const memAfter = totalmem() - freemem();
const rss = fleet.map((t) => rssKb(t.supervisor.pid)).sort((a, b) => a - b);
log(
  `${TERMINALS} terminals up on ${BUILTIN}, each a real services process from out/ (start median ${median(bootTimes)} ms); services RSS median ${(median(rss) / 1024).toFixed(0)} MiB, max ${(rss.at(-1)! / 1024).toFixed(0)} MiB; machine memory used +${((memAfter - memBefore) / 1024 ** 3).toFixed(2)} GiB`,
);
// Registered before anything is measured: the terminal id decides the rollout ring.
const ids = new Map<Terminal, string>();
for (const t of fleet) {
  for (;;) {
    const screen = await call<{ terminalId?: string }>(t, 'app.info', undefined);
    if (screen.terminalId) {
      ids.set(t, screen.terminalId);
      break;
    }
    await new Promise((resolveWait) => setTimeout(resolveWait, 200));
  }
}
for (const t of fleet) officer(t);

/** Committed = running the version with no trial pending. */
function watchCommits(): NodeJS.Timeout {
  return setInterval(() => {
    for (const t of fleet) {
      const snapshot = t.host.snapshot();
      if (!snapshot.trying && !t.committedAt.has(snapshot.running)) t.committedAt.set(snapshot.running, Date.now());
      if (t.badSwitchAt !== undefined && t.backOnGoodAt === undefined && snapshot.failed.includes('1.2.0') && snapshot.running === '1.1.0' && t.supervisor.state === 'ready') {
        t.backOnGoodAt = Date.now();
      }
    }
  }, 100);
}
const watcher = watchCommits();

function progress(): string {
  const count = (predicate: (t: Terminal) => boolean) => fleet.filter(predicate).length;
  return `committed 1.1.0 ${count((t) => t.committedAt.has('1.1.0'))}, trying ${count((t) => t.host.snapshot().trying !== null)}, rolled back 1.2.0 ${count((t) => t.backOnGoodAt !== undefined)}`;
}

const until = drillWait(log, progress, 100, 300_000);

// 1. v1.1.0 to 10 % (a small drill widens the first ring until it holds a terminal).
let share = 10;
while (share < 100 && !fleet.some((t) => inRollout(ids.get(t)!, share))) share += 5;
const ring = fleet.filter((t) => inRollout(ids.get(t)!, share));
const waiter = ring[0]!;
waiter.hold = true;
await until('the waiting terminal to hold no case of its officer', () => !waiter.caseOpen);
await call(waiter, 'activity.report', { caseOpen: true });
const size1 = await release('1.1.0', false);
await admin.promote('1.1.0', share);
const ringStart = Date.now();
log(`published 1.1.0 (${size1} bytes, the built app) to ${share} %: ${ring.length} terminals in the ring; terminal ${waiter.index} keeps a case open`);
let waitingStatus: { state: string; waitingFor?: string } = { state: '' };
await until('the waiting terminal to have 1.1.0 ready', async () => {
  waitingStatus = await call<{ state: string; waitingFor?: string }>(waiter, 'updates.status', undefined);
  return waitingStatus.state === 'ready' && waitingStatus.waitingFor === 'case-open';
});
await new Promise((resolveWait) => setTimeout(resolveWait, 2000));
const waitedWhileOpen = waiter.host.snapshot().running === BUILTIN && waiter.host.snapshot().staged?.version === '1.1.0';
const held = await call<{ id: string }>(waiter, 'cases.create', { ...sampleDraft(waiter.index), submissionId: randomUUID() });
waiter.created.push(held.id);
const submittedAt = Date.now();
waiter.hold = false;
await call(waiter, 'activity.report', { caseOpen: false });
await until('the ring to commit 1.1.0', () => ring.every((t) => t.committedAt.has('1.1.0')));
const waiterApplied = waiter.committedAt.get('1.1.0')! - submittedAt;
const outsideRing = fleet.filter((t) => !ring.includes(t) && t.host.snapshot().running !== BUILTIN).length;
log(`ring committed 1.1.0 ${((Date.now() - ringStart) / 1000).toFixed(1)} s after the publish; terminals outside the ring updated: ${outsideRing}`);
log(`terminal ${waiter.index} waited with its case open (status ${waitingStatus.state}/${waitingStatus.waitingFor}: 新版本已就绪，空闲时更新): ${waitedWhileOpen ? 'yes' : 'NO'}; committed ${waiterApplied} ms after the case was submitted`);

// 2. 100 %.
await admin.promote('1.1.0', 100);
const promotedAt = Date.now();
let at95 = 0;
await until('every terminal to commit 1.1.0', () => {
  const committed = fleet.filter((t) => t.committedAt.has('1.1.0')).length;
  if (!at95 && committed >= Math.ceil(0.95 * TERMINALS)) at95 = Date.now();
  return committed === TERMINALS;
});
const allCommittedAt = Date.now();
log(`promoted to 100 %: 95 % committed after ${((at95 - promotedAt) / 1000).toFixed(1)} s, all after ${((allCommittedAt - promotedAt) / 1000).toFixed(1)} s`);

// 3. v1.2.0 whose services fail their health check.
const size2 = await release('1.2.0', true);
await admin.promote('1.2.0', 100);
const badAt = Date.now();
log(`published 1.2.0 (${size2} bytes; its services cannot reach the backend) to 100 %; gate time ${GATE_MS} ms`);
await until('every terminal to roll 1.2.0 back and serve on 1.1.0', () => fleet.every((t) => t.backOnGoodAt !== undefined));
const rollbackMs = fleet.map((t) => t.backOnGoodAt! - t.badSwitchAt!).sort((a, b) => a - b);
// When the gate gave up on 1.2.0 (the rollback decision), from the switch.
const decisionMs = fleet.map((t) => t.host.gateResults().find((entry) => entry.version === '1.2.0')!.at - t.badSwitchAt!).sort((a, b) => a - b);
log(`every terminal back on 1.1.0 ${((Date.now() - badAt) / 1000).toFixed(1)} s after the publish; per terminal, switch to 1.2.0 → serving on 1.1.0: median ${median(rollbackMs)} ms, max ${rollbackMs.at(-1)} ms`);
await new Promise((resolveWait) => setTimeout(resolveWait, CHECK_MS * 3));
const retried = fleet.filter((t) => t.host.decision().version !== '1.1.0' || t.host.snapshot().staged !== null).length;

// 4. Cases: stop the officers, drain, compare.
for (const t of fleet) clearTimeout(t.officer);
await until('officers to finish', () => fleet.every((t) => !t.caseOpen));
for (const t of fleet) await call(t, 'sync.retryNow', undefined);
await until(
  'every outbox to drain',
  async () => {
    const statuses = await Promise.all(fleet.map((t) => call<{ queued: number; failed: number }>(t, 'sync.status', undefined)));
    return statuses.every((status) => status.queued === 0 && status.failed === 0);
  },
  120_000,
);
const created = fleet.flatMap((t) => t.created);
const atBackend = await command<string[]>('caseIds');
const unique = new Set(atBackend);
const missing = created.filter((id) => !unique.has(id)).length;
const duplicates = atBackend.length - unique.size;
// Reports still held by a terminal go out at its next check.
await new Promise((resolveWait) => setTimeout(resolveWait, CHECK_MS * 2));
const status = await admin.status();
const r11 = status.releases.find((entry) => entry.version === '1.1.0')!;
const r12 = status.releases.find((entry) => entry.version === '1.2.0')!;
const perTerminal = (bytes: number, size: number) => `${(bytes / TERMINALS / 1024).toFixed(0)} KiB per terminal for a ${(size / 1024).toFixed(0)} KiB payload (${(bytes / TERMINALS / size).toFixed(3)}×)`;
const rssEnd = fleet.map((t) => rssKb(t.supervisor.pid)).sort((a, b) => a - b);

process.stdout.write('\n');
process.stdout.write(`terminals: ${TERMINALS} real services processes (RSS median ${(median(rssEnd) / 1024).toFixed(0)} MiB at the end), check interval ${CHECK_MS} ms, gate time ${GATE_MS} ms\n`);
process.stdout.write(`time from promote to 95 % committed: ${((at95 - promotedAt) / 1000).toFixed(1)} s (all: ${((allCommittedAt - promotedAt) / 1000).toFixed(1)} s)\n`);
process.stdout.write(
  `rollback time: switch to 1.2.0 → rolled back (gate gave up) median ${median(decisionMs)} ms, max ${decisionMs.at(-1)} ms; → serving on 1.1.0 again median ${median(rollbackMs)} ms, max ${rollbackMs.at(-1)} ms; gate time ${GATE_MS} ms\n`,
);
process.stdout.write(`bytes downloaded: 1.1.0 ${perTerminal(r11.bytesDownloaded, size1)}; 1.2.0 ${perTerminal(r12.bytesDownloaded, size2)}\n`);
process.stdout.write(
  `backend view: 1.1.0 on ${r11.terminalsOn}, updated ${r11.updated}; 1.2.0 rolled back on ${r12.rolledBack.length} (${[...new Set(r12.rolledBack.map((entry) => entry.reason))].join(', ')})\n`,
);
process.stdout.write(`cases: ${created.length} created on the terminals, ${atBackend.length} at the backend, ${missing} missing, ${duplicates} duplicated; terminals not on 1.1.0 or holding 1.2.0 afterwards: ${retried}\n`);

const ok =
  waitedWhileOpen &&
  outsideRing === 0 &&
  r11.terminalsOn === TERMINALS &&
  r11.updated === TERMINALS &&
  r12.rolledBack.length === TERMINALS &&
  decisionMs.at(-1)! <= GATE_MS + 1_000 &&
  missing === 0 &&
  duplicates === 0 &&
  atBackend.length === created.length &&
  retried === 0;
process.stdout.write(`${ok ? 'PASS' : 'FAIL'} (${((Date.now() - startedAt) / 1000).toFixed(0)} s)\n`);

clearInterval(watcher);
await Promise.all(fleet.map((t) => t.supervisor.stop()));
await worker.close();
await drill.finish(ok);
