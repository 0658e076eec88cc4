import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FleetAdmin } from '../../fixtures/backend/fleet/admin-client';
import { inRollout } from '../../fixtures/backend/fleet/rollout';
import { generateSm2KeyPair, type Sm2KeyPair } from '../../crypto';
import { FleetError } from '../../sync/fleet/fleet-error';
import { buildRelease } from '../../sync/fleet/release-builder';
import { UpdateAgent, type IdleState } from '../../sync/fleet/update-agent';
import { writeFakeApp } from '../../sync/testing/fake-app';
import { startPair } from '../../sync/testing/harness';
import { runHealthGate } from './health-gate';
import { SlotStore } from './slot-store';

const releaseKeys = generateSm2KeyPair();
const CHUNK = 64 * 1024;

describe('update agent against the reference backend', () => {
  let pair: Awaited<ReturnType<typeof startPair>>;
  let admin: FleetAdmin;
  let slots: SlotStore;
  let idle: IdleState;
  let applied: number;

  const agent = () =>
    new UpdateAgent({
      request: (method, path, options) => pair.sync.backendRequest(method, path, options),
      stager: slots,
      pinnedKeys: [releaseKeys.publicKey],
      shellVersion: '1.0.0',
      channel: 'stable',
      downloadDir: join(pair.dir, 'downloads'),
      isIdle: () => idle,
      applyUpdate: async () => {
        applied += 1;
      },
      chunkBytes: CHUNK,
      terminalStatus: () => ({ profile: 'reception-window', health: 'ok', queueDepth: 0 }),
    });

  async function publish(version: string, keys: Sm2KeyPair = releaseKeys): Promise<number> {
    const root = join(pair.dir, `build-${version}`);
    writeFakeApp(root, version);
    // Incompressible bytes, so the archive spans several download chunks.
    mkdirSync(join(root, 'renderer/assets'), { recursive: true });
    writeFileSync(join(root, 'renderer/assets/blob.bin'), randomBytes(5 * CHUNK));
    const { signed, archive } = await buildRelease({ root, version, channel: 'stable', minShellVersion: '1.0.0', keys, archivePath: join(pair.dir, `${version}.tgz`) });
    await admin.publish(version, signed, archive);
    await admin.promote(version, 100);
    return archive.length;
  }

  beforeEach(async () => {
    pair = await startPair();
    admin = new FleetAdmin(pair.backend.url);
    slots = new SlotStore({ root: join(pair.dir, 'slots'), pinnedKeys: [releaseKeys.publicKey], builtinVersion: '1.0.0', shellVersion: '1.0.0' });
    idle = { idle: true };
    applied = 0;
  });
  afterEach(() => pair.close());

  it('downloads with resume after a cut halfway (at most one chunk re-sent), stages, waits while a case is open, applies when idle, commits and reports each step', async () => {
    const size = await publish('1.1.0');
    pair.backend.fleet.cutPayloadAt(Math.floor(size / 2));
    const updater = agent();
    const first = await updater.checkOnce().catch((error: unknown) => error);
    expect(first).toBeInstanceOf(FleetError);
    expect((first as FleetError).code).toBe('payload-download-failed');
    expect(slots.state().staged).toBeNull();

    expect(await updater.checkOnce()).toMatchObject({ state: 'ready', available: '1.1.0' });
    expect(slots.state().staged).toMatchObject({ version: '1.1.0' });
    const release = (await admin.status()).releases.find((entry) => entry.version === '1.1.0')!;
    expect(release.bytesDownloaded).toBeGreaterThanOrEqual(size);
    expect(release.bytesDownloaded - size).toBeLessThanOrEqual(CHUNK);

    idle = { idle: false, reason: 'case-open' };
    expect(await updater.applyIfIdle()).toBe(false);
    expect(updater.status()).toMatchObject({ state: 'ready', waitingFor: 'case-open' });
    expect(applied).toBe(0);
    idle = { idle: true };
    expect(await updater.applyIfIdle()).toBe(true);
    expect(applied).toBe(1);

    // The restart: the shell's loader verifies and loads the trial slot, the health gate passes, commit.
    const restarted = new SlotStore({ root: join(pair.dir, 'slots'), pinnedKeys: [releaseKeys.publicKey], builtinVersion: '1.0.0', shellVersion: '1.0.0' });
    expect(await restarted.boot()).toMatchObject({ version: '1.1.0', trial: true });
    const gate = await runHealthGate(
      { servicesReady: async () => true, selfCheckFailures: async () => 0, syncRoundTrip: async () => (await pair.sync.backendRequest('GET', `/v1/terminals/${pair.sync.terminalId()}/state`)).status === 200 },
      { baselineSelfCheckFailures: 0, intervalMs: 10, timeoutMs: 5_000 },
    );
    expect(gate.passed).toBe(true);
    restarted.commit();
    slots = restarted;
    await agent().report();
    const status = await admin.status();
    expect(status.releases[0]).toMatchObject({ version: '1.1.0', updated: 1, terminalsOn: 1, pending: 0, rolledBack: [] });
    expect(status.terminals[0]).toMatchObject({ terminalId: pair.sync.terminalId(), version: '1.1.0', profile: 'reception-window', health: 'ok', queueDepth: 0 });
  });

  it('halt recalls a version staged but not applied: the slot is emptied, the recall reported, nothing applied or downloaded again', async () => {
    await publish('1.1.0');
    const updater = agent();
    idle = { idle: false, reason: 'case-open' };
    await updater.checkOnce();
    const staged = slots.state().staged;
    expect(staged).toMatchObject({ version: '1.1.0' });
    const served = (await admin.status()).releases[0]!.bytesDownloaded;

    await admin.halt('1.1.0');
    expect(await updater.checkOnce()).toMatchObject({ state: 'up-to-date' });
    expect(slots.state().staged).toBeNull();
    expect(existsSync(join(pair.dir, 'slots', staged!.slot))).toBe(false);
    idle = { idle: true };
    expect(await updater.applyIfIdle()).toBe(false);
    expect(applied).toBe(0);
    expect(slots.runningVersion()).toBe('1.0.0');
    const release = (await admin.status()).releases[0]!;
    expect(release.recalled).toEqual([{ terminalId: pair.sync.terminalId(), reason: 'release-halted' }]);
    expect(release.bytesDownloaded).toBe(served);
  });

  it('refuses and reports a release signed by another key, downloading nothing', async () => {
    await publish('1.1.0', generateSm2KeyPair());
    const updater = agent();
    expect(await updater.checkOnce()).toMatchObject({ state: 'up-to-date' });
    const status = await admin.status();
    expect(status.releases[0]).toMatchObject({ version: '1.1.0', bytesDownloaded: 0, refused: [{ terminalId: pair.sync.terminalId(), reason: 'release-key-unknown' }] });
    expect(slots.state().staged).toBeNull();
  });

  it('a rolled-back version is reported with its reason and not taken again; the next version is', async () => {
    await publish('1.1.0');
    const updater = agent();
    await updater.checkOnce();
    await updater.applyIfIdle();
    slots.rollback('health-gate-failed', 'services-not-ready');
    await updater.checkOnce();
    expect(slots.state().staged).toBeNull();
    let status = await admin.status();
    expect(status.releases[0]!.rolledBack).toEqual([{ terminalId: pair.sync.terminalId(), reason: 'health-gate-failed' }]);
    expect(status.releases[0]!.refused).toEqual([{ terminalId: pair.sync.terminalId(), reason: 'release-previously-failed' }]);
    await publish('1.2.0');
    await updater.checkOnce();
    expect(slots.state().staged).toMatchObject({ version: '1.2.0' });
    status = await admin.status();
    expect(status.terminals[0]!.version).toBe('1.0.0');
  });
});

describe('staged rollout', () => {
  it('is deterministic by terminal id, and a larger share keeps the terminals of a smaller one', () => {
    const ids = Array.from({ length: 2000 }, (_, index) => `wt-${index}`);
    const at10 = ids.filter((id) => inRollout(id, 10));
    const at50 = new Set(ids.filter((id) => inRollout(id, 50)));
    expect(at10.every((id) => at50.has(id))).toBe(true);
    expect(at10.length).toBeGreaterThan(140);
    expect(at10.length).toBeLessThan(260);
    expect(ids.filter((id) => inRollout(id, 10))).toEqual(at10);
    expect(ids.some((id) => inRollout(id, 0))).toBe(false);
    expect(ids.every((id) => inRollout(id, 100))).toBe(true);
  });
});
