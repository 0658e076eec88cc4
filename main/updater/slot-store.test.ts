import { appendFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateSm2KeyPair } from '../../crypto';
import { FleetError } from '../../sync/fleet/fleet-error';
import { buildRelease } from '../../sync/fleet/release-builder';
import type { SignedManifest } from '../../sync/fleet/release-manifest';
import { writeFakeApp } from '../../sync/testing/fake-app';
import { tempDir } from '../../sync/testing/harness';
import { runHealthGate, type HealthProbes } from './health-gate';
import { SlotStore, type SlotStoreOptions } from './slot-store';

const keys = generateSm2KeyPair();

describe('A/B slot store', () => {
  let dir: ReturnType<typeof tempDir>;
  const releases = new Map<string, { signed: SignedManifest; archivePath: string }>();
  let options: SlotStoreOptions;
  const open = () => new SlotStore(options);

  async function release(version: string): Promise<{ signed: SignedManifest; archivePath: string }> {
    const root = join(dir.path, `build-${version}`);
    writeFakeApp(root, `v${version}`);
    const archivePath = join(dir.path, `${version}.tgz`);
    const { signed } = await buildRelease({ root, version, channel: 'stable', minShellVersion: '1.0.0', keys, archivePath });
    releases.set(version, { signed, archivePath });
    return { signed, archivePath };
  }

  async function stage(store: SlotStore, version: string): Promise<void> {
    const { signed, archivePath } = releases.get(version) ?? (await release(version));
    await store.stage(signed, archivePath);
  }

  async function refusal(action: Promise<unknown>): Promise<string | undefined> {
    try {
      await action;
    } catch (error) {
      if (error instanceof FleetError) return error.code;
      throw error;
    }
    return undefined;
  }

  beforeEach(() => {
    dir = tempDir('slots-');
    releases.clear();
    options = { root: join(dir.path, 'slots'), pinnedKeys: [keys.publicKey], builtinVersion: '1.0.0', shellVersion: '1.0.0', maxStarts: 3 };
  });
  afterEach(() => dir.remove());

  it('stages into the inactive slot, tries it, commits it; the next version goes to the other slot', async () => {
    const store = open();
    expect(await store.boot()).toEqual({ root: null, files: null, version: '1.0.0', trial: false });
    await stage(store, '1.1.0');
    expect(store.state().staged).toEqual({ slot: 'a', version: '1.1.0' });
    expect((await open().boot()).version).toBe('1.0.0');
    store.beginTrial();
    const trial = await open().boot();
    expect(trial).toMatchObject({ version: '1.1.0', trial: true });
    expect(readFileSync(join(trial.root!, 'main/services.js'), 'utf8')).toContain('v1.1.0');
    const restarted = open();
    restarted.commit();
    expect(await open().boot()).toMatchObject({ version: '1.1.0', trial: false });
    await stage(restarted, '1.2.0');
    expect(restarted.state().staged).toEqual({ slot: 'b', version: '1.2.0' });
    expect(restarted.pendingEvents().map((event) => `${event.step} ${event.version}`)).toEqual(['staged 1.1.0', 'trying 1.1.0', 'committed 1.1.0', 'staged 1.2.0']);
  });

  it('rolls back to the previous slot and never stages the failed version again; a newer one is taken', async () => {
    const store = open();
    await stage(store, '1.1.0');
    store.beginTrial();
    store.commit();
    await stage(store, '1.2.0');
    store.beginTrial();
    store.rollback('health-gate-failed', 'services-not-ready');
    expect(await open().boot()).toMatchObject({ version: '1.1.0', trial: false });
    expect(await refusal(stage(store, '1.2.0'))).toBe('release-previously-failed');
    await stage(store, '1.3.0');
    expect(store.state().staged).toEqual({ slot: 'b', version: '1.3.0' });
    const events = store.pendingEvents();
    expect(events.find((event) => event.step === 'rolled-back')).toMatchObject({ version: '1.2.0', fromVersion: '1.1.0', reason: 'health-gate-failed' });
    expect(events.find((event) => event.step === 'refused')).toMatchObject({ version: '1.2.0', reason: 'release-previously-failed' });
  });

  it('refuses a replayed older or equal release at staging, and records why', async () => {
    const store = open();
    await release('1.1.0');
    await stage(store, '1.2.0');
    store.beginTrial();
    store.commit();
    expect(await refusal(stage(store, '1.1.0'))).toBe('release-not-newer');
    expect(await refusal(stage(store, '1.2.0'))).toBe('release-not-newer');
    expect(store.pendingEvents().filter((event) => event.step === 'refused').map((event) => event.reason)).toEqual(['release-not-newer', 'release-not-newer']);
  });

  it('detects a crash loop: after maxStarts starts without a commit the next start runs the previous version', async () => {
    const store = open();
    await stage(store, '1.1.0');
    store.beginTrial();
    for (let start = 1; start <= 3; start += 1) expect(await open().boot()).toMatchObject({ version: '1.1.0', trial: true });
    expect(await open().boot()).toEqual({ root: null, files: null, version: '1.0.0', trial: false });
    expect(open().pendingEvents().at(-1)).toMatchObject({ step: 'rolled-back', version: '1.1.0', reason: 'crash-loop' });
    expect(open().failedVersions()).toEqual(['1.1.0']);
  });

  it('verifies the slot before every start: a changed file rolls a trial back, and a committed slot falls back to the built-in app', async () => {
    const store = open();
    await stage(store, '1.1.0');
    store.beginTrial();
    appendFileSync(join(options.root, 'a', 'payload', 'main/services.js'), '\n// injected');
    expect(await open().boot()).toEqual({ root: null, files: null, version: '1.0.0', trial: false });
    expect(open().pendingEvents().at(-1)).toMatchObject({ step: 'rolled-back', reason: 'payload-file-mismatch' });

    await stage(open(), '1.2.0');
    const again = open();
    again.beginTrial();
    again.commit();
    expect(await open().boot()).toMatchObject({ version: '1.2.0', trial: false });
    appendFileSync(join(options.root, open().state().active!, 'payload', 'renderer/index.html'), '<script>');
    expect(await open().boot()).toEqual({ root: null, files: null, version: '1.0.0', trial: false });
    expect(open().pendingEvents().at(-1)).toMatchObject({ step: 'slot-invalid', version: '1.2.0', reason: 'payload-file-mismatch' });
  });

  it('a slot signed by a key the shell does not pin is never loaded', async () => {
    const store = open();
    await stage(store, '1.1.0');
    store.beginTrial();
    options = { ...options, pinnedKeys: [generateSm2KeyPair().publicKey] };
    expect(await open().boot()).toEqual({ root: null, files: null, version: '1.0.0', trial: false });
    expect(open().pendingEvents().at(-1)).toMatchObject({ step: 'rolled-back', reason: 'release-key-unknown' });
  });

  it('acknowledged reports are dropped; the rest survive a restart', async () => {
    const store = open();
    await stage(store, '1.1.0');
    store.beginTrial();
    store.acknowledgeEvents(1);
    expect(open().pendingEvents().map((event) => event.step)).toEqual(['trying']);
  });
});

describe('health gate', () => {
  const probes = (over: Partial<HealthProbes> = {}): HealthProbes => ({
    servicesReady: async () => true,
    selfCheckFailures: async () => 0,
    syncRoundTrip: async () => true,
    ...over,
  });

  it('passes once services come up, the self-check is no worse and a sync round trip succeeds', async () => {
    let calls = 0;
    const result = await runHealthGate(probes({ servicesReady: async () => ++calls >= 3 }), { baselineSelfCheckFailures: 1, intervalMs: 5, timeoutMs: 10_000 });
    expect(result).toEqual({ passed: true, checks: 3 });
  });

  it('gives its answer when the gate time runs out even if a check never answers', async () => {
    const result = await runHealthGate(probes({ syncRoundTrip: () => new Promise<boolean>(() => undefined) }), { baselineSelfCheckFailures: 0, intervalMs: 5, timeoutMs: 50 });
    expect(result).toMatchObject({ passed: false, detail: expect.stringContaining('gate time ran out') });
  });

  it('fails with the reason when the self-check is worse or the backend never answers within the gate time', async () => {
    expect(await runHealthGate(probes({ selfCheckFailures: async () => 2 }), { baselineSelfCheckFailures: 1, intervalMs: 5, timeoutMs: 30 })).toMatchObject({ passed: false, reason: 'self-check-worse' });
    expect(
      await runHealthGate(probes({ syncRoundTrip: async () => Promise.reject(new Error('ECONNREFUSED')) }), { baselineSelfCheckFailures: 0, intervalMs: 5, timeoutMs: 30 }),
    ).toMatchObject({ passed: false, reason: 'sync-round-trip-failed', detail: 'ECONNREFUSED' });
    expect(await runHealthGate(probes({ servicesReady: async () => false }), { baselineSelfCheckFailures: 0, intervalMs: 5, timeoutMs: 30 })).toMatchObject({ passed: false, reason: 'services-not-ready' });
  });
});
