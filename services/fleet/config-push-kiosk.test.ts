/**
 * An extension terminal follows a pushed configuration's printers: its self-check (which the centre hears) reads the
 * configured printers through the same print service the push reconfigures, not the list it started with.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { FleetAdmin } from '../../fixtures/backend/fleet/admin-client';
import { printingTestKit } from '../../fixtures/printer/test-kit';
import { servicesOnLoopback } from '../testing/loopback-services';

const kit = printingTestKit();
const cleanup: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  while (cleanup.length) await cleanup.pop()!();
});

describe('configuration push on an extension terminal', () => {
  it("the kiosk's self-check follows the pushed printers without a restart", async () => {
    const printer = await kit.printer({ name: 'kiosk-a4' });
    const terminal = await servicesOnLoopback({ prefix: 'config-push-kiosk-', env: { TERMINAL_PROFILE: 'extension-terminal', TERMINAL_SYNC_PULL_SECONDS: '1' }, version: 'test' });
    cleanup.push(() => terminal.close());
    const { backend, call } = terminal;
    const printerCheck = async () => (await call('selfCheck.run')).items.find((entry) => entry.component === 'printer');
    let terminalId: string | undefined;
    await expect.poll(async () => (terminalId = (await call('app.info')).terminalId)).toBeTruthy();
    expect(await printerCheck()).toMatchObject({ ok: false, problem: 'self-check-printer-missing' });

    const admin = new FleetAdmin(backend.url);
    await admin.setConfiguration(`terminal:${terminalId}`, { printers: [{ kind: 'ipp', id: 'kiosk-a4', name: '自助终端A4打印机', uri: printer.uri }] });
    // The kiosk has no sync screen (sync.retryNow is not its call): the push arrives with its next pull.
    await expect.poll(async () => (await admin.status()).terminals.find((entry) => entry.terminalId === terminalId)?.configuration, { timeout: 20_000 }).toMatchObject({
      step: 'configuration-applied',
    });
    await expect.poll(printerCheck, { timeout: 20_000 }).toMatchObject({ ok: true });
  });
});
