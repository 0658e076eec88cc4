/**
 * Fleet drill (issue 14): terminals on loopback, each a real SyncService
 * with its own SQLite store and SM2 key, its own A/B slot store and update
 * agent, and a simulated officer who opens a case, fills it, and submits
 * it. The reference backend runs in its own process (drill-backend.ts).
 *
 *   1. publish v1.1.0 at 10 %: the terminals of that ring update between
 *      cases (one holds a case open and must wait until it is submitted),
 *      pass the health gate, commit;
 *   2. promote to 100 %: every terminal commits;
 *   3. publish v1.2.0 whose services fail their health check: every
 *      terminal takes it, fails the gate, rolls back to v1.1.0, reports it,
 *      and does not take it again;
 *   4. every case created on a terminal is at the backend exactly once.
 *
 * A "restart" stops the terminal's services (sync) and starts them again
 * from the slot the slot store's boot() chose and verified; the payload's
 * own main/health.mjs says whether its services come up. Time is compressed
 * (check interval, gate time) and the drill stops itself.
 *   npm run fleet:drill:in-process -- [--terminals 50] [--gate-ms 60000] [--check-ms 3000] [--limit-s 600]
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { inRollout } from '../../fixtures/backend/fleet/rollout';
import { runHealthGate } from '../../main/updater/health-gate';
import { SlotStore } from '../../main/updater/slot-store';
import { buildRelease } from '../../sync/fleet/release-builder';
import { UpdateAgent } from '../../sync/fleet/update-agent';
import { writeFakeApp } from '../../sync/testing/fake-app';
import { FAST_SYNC, sampleDraft } from '../../sync/testing/harness';
import { createSyncService, type SyncService } from '../../sync/sync-service';
import { BUILTIN, drillWait, median, startDrill } from './drill-setup';

const drill = await startDrill({ gateMs: 60_000, limitS: 600 });
const { terminals: TERMINALS, gateMs: GATE_MS, checkMs: CHECK_MS, dir, admin, releaseKeys, startedAt, log, command } = drill;
const backend = { url: drill.backendUrl };

async function release(version: string, healthy: boolean): Promise<number> {
  const root = join(dir.path, `build-${version}`);
  writeFakeApp(root, version);
  writeFileSync(join(root, 'main/health.mjs'), `export const servicesHealthy = ${healthy};\n`);
  mkdirSync(join(root, 'renderer/assets'), { recursive: true });
  writeFileSync(join(root, 'renderer/assets/bundle.bin'), randomBytes(400 * 1024));
  const { signed, archive } = await buildRelease({ root, version, channel: 'stable', minShellVersion: BUILTIN, keys: releaseKeys, archivePath: join(dir.path, `${version}.tgz`) });
  await admin.publish(version, signed, archive);
  return archive.length;
}

interface Terminal {
  index: number;
  dataDir: string;
  sync: SyncService;
  slots: SlotStore;
  agent: UpdateAgent;
  version: string;
  caseOpen: boolean;
  /** Held open by the drill (the officer is mid-case) until released. */
  hold: boolean;
  updating: boolean;
  created: string[];
  officer?: NodeJS.Timeout;
  appliedAt: number[];
  committed: Map<string, number>;
  rolledBack: Map<string, { at: number; trialStartedAt: number; reason: string }>;
  trialStartedAt: number;
}

const slotOptions = (t: { dataDir: string }) => ({ root: join(t.dataDir, 'slots'), pinnedKeys: [releaseKeys.publicKey], builtinVersion: BUILTIN, shellVersion: BUILTIN, maxStarts: 3 });

function newSync(dataDir: string): SyncService {
  return createSyncService({ dataDir, backendUrl: backend.url, ...FAST_SYNC, pullIntervalMs: 60_000 });
}

function newAgent(t: Terminal): UpdateAgent {
  return new UpdateAgent({
    request: (method, path, options) => t.sync.backendRequest(method, path, options),
    stager: t.slots,
    pinnedKeys: [releaseKeys.publicKey],
    shellVersion: BUILTIN,
    channel: 'stable',
    downloadDir: join(t.dataDir, 'downloads'),
    isIdle: () => (t.caseOpen || t.hold ? { idle: false, reason: 'case-open' } : { idle: true }),
    applyUpdate: async () => {
      void restart(t);
    },
    onStatus: (status) => {
      // Set synchronously when the trial begins, so the officer opens no case during the restart.
      if (status.state === 'applying') t.updating = true;
    },
    terminalStatus: () => ({ profile: 'reception-window', health: 'ok', queueDepth: t.sync.status().queued }),
    chunkBytes: 256 * 1024,
    checkIntervalMs: CHECK_MS,
    idlePollMs: 100,
    statusReportMs: 30_000,
  });
}

/** The officer: a case every 3–6 s, open on screen for 0.2–0.6 s, then submitted. */
function officer(t: Terminal): void {
  const tick = () => {
    if (!t.updating && !t.caseOpen && !t.hold) {
      t.caseOpen = true;
      setTimeout(() => {
        if (!t.updating) {
          const record = t.sync.createCase(sampleDraft(t.index));
          t.created.push(record.id);
        }
        t.caseOpen = false;
      }, 200 + Math.random() * 400);
    }
    t.officer = setTimeout(tick, 3000 + Math.random() * 3000);
  };
  t.officer = setTimeout(tick, Math.random() * 3000);
}

async function bootServices(t: Terminal): Promise<void> {
  const decision = await t.slots.boot();
  t.version = decision.version;
  let healthy = true;
  if (decision.root) {
    // The payload's own code, loaded only after boot() verified the slot's signature and every file.
    const module = (await import(`${pathToFileURL(join(decision.root, 'main/health.mjs')).href}?start=${Date.now()}-${t.index}`)) as { servicesHealthy: boolean };
    healthy = module.servicesHealthy;
  }
  t.sync = newSync(t.dataDir);
  await t.sync.start();
  if (decision.trial) {
    const gate = await runHealthGate(
      {
        servicesReady: async () => healthy,
        selfCheckFailures: async () => 0,
        syncRoundTrip: async () => (await t.sync.backendRequest('GET', `/v1/terminals/${t.sync.terminalId()}/state`)).status === 200,
      },
      { baselineSelfCheckFailures: 0, timeoutMs: GATE_MS, intervalMs: 200 },
    );
    if (gate.passed) {
      t.slots.commit();
      t.committed.set(decision.version, Date.now());
    } else {
      t.slots.rollback('health-gate-failed', `${gate.reason}: ${gate.detail}`);
      await t.sync.stop();
      t.rolledBack.set(decision.version, { at: 0, trialStartedAt: t.trialStartedAt, reason: gate.reason });
      return bootServices(t);
    }
  }
  const back = [...t.rolledBack.values()].find((entry) => entry.at === 0);
  if (back) back.at = Date.now();
  t.agent = newAgent(t);
  t.agent.start();
  t.updating = false;
}

async function restart(t: Terminal): Promise<void> {
  t.trialStartedAt = Date.now();
  t.appliedAt.push(Date.now());
  await t.agent.stop();
  await t.sync.stop();
  t.slots = new SlotStore(slotOptions(t));
  await bootServices(t);
}

const fleet: Terminal[] = [];
for (let index = 0; index < TERMINALS; index += 1) {
  const dataDir = join(dir.path, `t${index}`);
  const t = { index, dataDir, version: BUILTIN, caseOpen: false, hold: false, updating: false, created: [], appliedAt: [], committed: new Map(), rolledBack: new Map(), trialStartedAt: 0 } as unknown as Terminal;
  t.slots = new SlotStore(slotOptions(t));
  await bootServices(t);
  fleet.push(t);
}
// Registered, with the catalogue pulled, before anything is measured.
await Promise.all(fleet.map((t) => t.sync.pullNow().catch(() => undefined)));
for (const t of fleet) officer(t);
log(`${TERMINALS} terminals up on ${BUILTIN} (SyncService + slot store + update agent each, reference backend in its own process)`);

function progress(): string {
  const count = (predicate: (t: Terminal) => boolean) => fleet.filter(predicate).length;
  const reasons = [...new Set(fleet.flatMap((t) => [...t.rolledBack].map(([version, entry]) => `${version}:${entry.reason}`)))].join(' ');
  return `on 1.1.0 ${count((t) => t.version === '1.1.0')}, committed 1.1.0 ${count((t) => t.committed.has('1.1.0'))}, updating ${count((t) => t.updating)}, rolled back ${count((t) => t.rolledBack.size > 0)} ${reasons}`;
}

const until = drillWait(log, progress, 50, 240_000);

// 1. v1.1.0 to 10 %.
const ids = new Map(fleet.map((t) => [t, t.sync.terminalId()!]));
const ring = fleet.filter((t) => inRollout(ids.get(t)!, 10));
if (ring.length === 0) throw new Error('no terminal falls in the 10 % ring: run with more terminals');
const waiter = ring[0]!;
waiter.hold = true;
const size1 = await release('1.1.0', true);
await admin.promote('1.1.0', 10);
const ringStart = Date.now();
log(`published 1.1.0 (${size1} bytes) to 10 %: ${ring.length} terminals in the ring; terminal ${waiter.index} keeps a case open`);
await until('the waiting terminal to have 1.1.0 ready', () => waiter.agent.status().state === 'ready' && waiter.agent.status().waitingFor === 'case-open');
await new Promise((resolve) => setTimeout(resolve, 1000));
const waitedWhileOpen = waiter.appliedAt.length === 0;
const heldCase = waiter.sync.createCase(sampleDraft(waiter.index));
waiter.created.push(heldCase.id);
const releasedAt = Date.now();
waiter.hold = false;
await until('the ring to commit 1.1.0', () => ring.every((t) => t.committed.has('1.1.0')), 240_000);
const outsideRingUpdated = fleet.filter((t) => !ring.includes(t) && t.version !== BUILTIN).length;
log(`ring committed 1.1.0 in ${((Date.now() - ringStart) / 1000).toFixed(1)} s; terminals outside the ring updated: ${outsideRingUpdated}`);
log(`terminal ${waiter.index} waited with its case open (${waitedWhileOpen ? 'yes' : 'NO'}), applied ${waiter.appliedAt[0]! - releasedAt} ms after the case was submitted`);

// 2. 100 %.
await admin.promote('1.1.0', 100);
const promotedAt = Date.now();
let at95 = 0;
await until('every terminal to commit 1.1.0', () => {
  const committed = fleet.filter((t) => t.committed.has('1.1.0')).length;
  if (!at95 && committed >= Math.ceil(0.95 * TERMINALS)) at95 = Date.now();
  return committed === TERMINALS;
});
const allCommittedAt = Date.now();
log(`promoted to 100 %: 95 % committed after ${((at95 - promotedAt) / 1000).toFixed(1)} s, all after ${((allCommittedAt - promotedAt) / 1000).toFixed(1)} s`);

// 3. v1.2.0 whose services fail.
const size2 = await release('1.2.0', false);
await admin.promote('1.2.0', 100);
const badAt = Date.now();
log(`published 1.2.0 (${size2} bytes, services fail their health check) to 100 %; gate time ${GATE_MS} ms`);
await until('every terminal to roll 1.2.0 back and run 1.1.0', () => fleet.every((t) => (t.rolledBack.get('1.2.0')?.at ?? 0) > 0 && t.version === '1.1.0' && !t.updating), 240_000);
const rollbacks = fleet.map((t) => t.rolledBack.get('1.2.0')!);
const rollbackMs = rollbacks.map((entry) => entry.at - entry.trialStartedAt).sort((a, b) => a - b);
log(`every terminal rolled 1.2.0 back ${((Date.now() - badAt) / 1000).toFixed(1)} s after the publish; per terminal, switch → back on 1.1.0: median ${median(rollbackMs)} ms, max ${rollbackMs.at(-1)} ms (gate ${GATE_MS} ms)`);
// A few more checks: no terminal takes 1.2.0 again.
await new Promise((resolve) => setTimeout(resolve, CHECK_MS * 3));
const retried = fleet.filter((t) => t.appliedAt.length > 2).length;

// 4. Cases: stop the officers, drain, compare.
for (const t of fleet) clearTimeout(t.officer);
await until('officers to finish', () => fleet.every((t) => !t.caseOpen));
for (const t of fleet) t.sync.retryNow();
await until('every outbox to drain', () => fleet.every((t) => t.sync.status().queued === 0 && t.sync.status().failed === 0), 60_000);
const created = fleet.flatMap((t) => t.created);
const atBackend = await command<string[]>('caseIds');
const unique = new Set(atBackend);
const missing = created.filter((id) => !unique.has(id)).length;
const duplicates = atBackend.length - unique.size;

const status = await admin.status();
for (const t of fleet) await t.agent.report();
const statusAfter = await admin.status();
const r11 = statusAfter.releases.find((entry) => entry.version === '1.1.0')!;
const r12 = statusAfter.releases.find((entry) => entry.version === '1.2.0')!;
void status;
const perTerminal = (bytes: number, size: number) => `${(bytes / TERMINALS / 1024).toFixed(0)} KiB per terminal for a ${(size / 1024).toFixed(0)} KiB payload (${(bytes / TERMINALS / size).toFixed(3)}×)`;

process.stdout.write('\n');
process.stdout.write(`time from promote to 95 % committed: ${((at95 - promotedAt) / 1000).toFixed(1)} s (all: ${((allCommittedAt - promotedAt) / 1000).toFixed(1)} s), check interval ${CHECK_MS} ms\n`);
process.stdout.write(`rollback time (switch to 1.2.0 → back on 1.1.0): median ${median(rollbackMs)} ms, max ${rollbackMs.at(-1)} ms, gate time ${GATE_MS} ms\n`);
process.stdout.write(`bytes downloaded: 1.1.0 ${perTerminal(r11.bytesDownloaded, size1)}; 1.2.0 ${perTerminal(r12.bytesDownloaded, size2)}\n`);
process.stdout.write(`backend view: 1.1.0 on ${r11.terminalsOn}, updated ${r11.updated}; 1.2.0 rolled back on ${r12.rolledBack.length} (${[...new Set(r12.rolledBack.map((entry) => entry.reason))].join(', ')}), refused afterwards by ${r12.refused.length} (${[...new Set(r12.refused.map((entry) => entry.reason))].join(', ')})\n`);
process.stdout.write(`cases: ${created.length} created on the terminals, ${atBackend.length} at the backend, ${missing} missing, ${duplicates} duplicated; terminals that took 1.2.0 twice: ${retried}\n`);

const ok =
  waitedWhileOpen &&
  outsideRingUpdated === 0 &&
  r11.terminalsOn === TERMINALS &&
  r11.updated === TERMINALS &&
  r12.rolledBack.length === TERMINALS &&
  rollbackMs.at(-1)! < GATE_MS * 2 &&
  missing === 0 &&
  duplicates === 0 &&
  atBackend.length === created.length &&
  retried === 0;
process.stdout.write(`${ok ? 'PASS' : 'FAIL'} (${((Date.now() - startedAt) / 1000).toFixed(0)} s)\n`);

for (const t of fleet) {
  await t.agent.stop();
  await t.sync.stop();
}
await drill.finish(ok);
