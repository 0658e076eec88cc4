/**
 * A fleet update end to end in the web host: the terminal runs the built app (v0.1.0) with its page open; the
 * reference backend publishes a v0.1.1 payload signed by a test release key the shell pins (TERMINAL_RELEASE_KEYS);
 * the agent stages it and, while a case is open, the status bar says "新版本已就绪，空闲时更新"; once the case is
 * submitted the services switch to the new slot, the page reloads itself on the new version, the health gate passes
 * and the backend's fleet status shows the terminal committed.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateSm2KeyPair } from '../../crypto';
import { FleetAdmin } from '../../fixtures/backend/fleet/admin-client';
import { loadSampleCatalogue } from '../../fixtures/backend/server';
import { sampleCards } from '../../fixtures/id-card-reader/sample-cards';
import { buildRelease } from '../../sync/fleet/release-builder';
import { expect, test as harness } from './harness';
import { fillFormAndSign, readCard } from './steps';
import packageJson from '../../package.json' with { type: 'json' };

const RUNNING = packageJson.version;
const NEXT = RUNNING.replace(/\d+$/, (patch) => String(Number(patch) + 1));
const releaseKeys = generateSm2KeyPair();
const item = loadSampleCatalogue().serviceItems[0]!;

// The backend tells terminals to check every 1.5 s (± 50 %) from their first check on, so the test does not wait 15 min.
const test = harness.extend({
  backend: async ({ backend }, use) => {
    backend.fleet.setCheckIntervalMs(1_500);
    await use(backend);
  },
});

test.skip(({ transport }) => transport !== 'web-host', 'the web host restarts its services in place; Electron relaunches');
test.use({ terminalEnv: { TERMINAL_RELEASE_KEYS: releaseKeys.publicKey, TERMINAL_HEALTH_GATE_MS: '60000' } });
// A payload built, downloaded, verified, staged, switched to and health-checked on a shared 2-core machine.
test.setTimeout(180_000);

test('a signed update waits while a case is open, applies after it is submitted, reloads the page on the new version and commits', async ({ app, reader, backend, services }) => {
  await expect(app.getByTestId('backend-status')).toHaveAttribute('data-state', 'online');
  await expect(app.locator('footer')).toContainText(`版本 ${RUNNING}`);

  // A case open on screen before the release exists.
  await readCard(app, reader, sampleCards.resident);
  await fillFormAndSign(app, item);

  const dir = mkdtempSync(join(tmpdir(), 'fleet-e2e-'));
  try {
    const root = join(dir, 'build');
    for (const folder of ['main', 'preload', 'renderer']) cpSync(join('out', folder), join(root, folder), { recursive: true });
    writeFileSync(join(root, 'main/release.json'), JSON.stringify({ version: NEXT }));
    const { signed, archive } = await buildRelease({ root, version: NEXT, channel: 'stable', minShellVersion: RUNNING, keys: releaseKeys, archivePath: join(dir, 'release.tgz') });
    const admin = new FleetAdmin(backend.url);
    await admin.publish(NEXT, signed, archive);
    await admin.promote(NEXT, 100);

    // Staged, and waiting for the open case.
    const status = app.getByTestId('update-status');
    await expect(status).toHaveText('新版本已就绪，空闲时更新', { timeout: 90_000 });
    await expect(status).toHaveAttribute('data-state', 'ready');
    await expect(status).toHaveAttribute('data-waiting-for', 'case-open');
    const before = services.pid;

    // Marks this page: a reload (the renderer of the new slot) drops the mark.
    await app.evaluate(() => {
      (window as unknown as { beforeUpdate?: boolean }).beforeUpdate = true;
    });
    const switched = services.nextStart();
    // Still the services the case was opened under: nothing switched under the open case.
    expect(services.pid).toBe(before);
    await app.getByTestId('submit-case').click();
    await expect(app.getByTestId('case-sync-state')).toHaveText('已同步');
    // The submitted case leaves the screen idle: the services switch to the new slot.
    await switched;

    // The page reloads itself and shows the new version.
    await expect(app.locator('footer')).toContainText(`版本 ${NEXT}`, { timeout: 60_000 });
    await expect.poll(() => app.evaluate(() => (window as unknown as { beforeUpdate?: boolean }).beforeUpdate ?? false)).toBe(false);
    await expect
      .poll(async () => (await admin.status()).releases.find((release) => release.version === NEXT)?.updated, { timeout: 90_000 })
      .toBe(1);
    const terminal = (await admin.status()).terminals[0]!;
    expect(terminal.version).toBe(NEXT);
    expect(backend.cases().filter((c) => c.idNumber === sampleCards.resident.idNumber)).toHaveLength(1);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
