/**
 * The configuration push wired into the running services: the backend's
 * configuration feed names printers for this terminal; the services check
 * them against the real printer (ippeveprinter) and apply or refuse without
 * a restart, reporting either way.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { FleetAdmin } from '../../fixtures/backend/fleet/admin-client';
import { freePort } from '../../fixtures/printer/ippeveprinter';
import { printingTestKit } from '../../fixtures/printer/test-kit';
import { servicesOnLoopback } from '../testing/loopback-services';

const kit = printingTestKit();
const cleanup: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  while (cleanup.length) await cleanup.pop()!();
});

describe('configuration push in the running services', () => {
  it('refuses a pushed printer that does not exist (previous kept, reported with the reason), applies a real one and a new device without a restart', async () => {
    const printer = await kit.printer({ name: 'pushed-a4' });
    const terminal = await servicesOnLoopback({ prefix: 'config-push-', env: { TERMINAL_REQUIRE_SIGN_IN: '0' }, version: 'test' });
    cleanup.push(() => terminal.close());
    const { backend, call } = terminal;
    let terminalId: string | undefined;
    await expect.poll(async () => (terminalId = (await call('app.info')).terminalId)).toBeTruthy();
    const admin = new FleetAdmin(backend.url);
    const configuration = async () => (await admin.status()).terminals.find((entry) => entry.terminalId === terminalId)?.configuration;
    const configured = async () => (await call('printers.list')).printers.map((entry) => entry.id);
    const before = await configured();
    const deviceKinds = async () => (await call('devices.list')).map((device) => device.kind);

    const missing = `ipp://127.0.0.1:${await freePort()}/ipp/print`;
    await admin.setConfiguration(`terminal:${terminalId}`, { printers: [{ kind: 'ipp', id: 'missing', name: '不存在的打印机', uri: missing }] });
    await call('sync.retryNow');
    await expect.poll(configuration, { timeout: 20_000 }).toMatchObject({ step: 'configuration-refused', reason: 'configuration-unappliable' });
    expect((await configuration())!.detail).toContain('missing');
    expect(await configured()).toEqual(before);

    await admin.setConfiguration(`terminal:${terminalId}`, { printers: [{ kind: 'ipp', id: 'pushed-a4', name: '下发的A4打印机', uri: printer.uri }] });
    await call('sync.retryNow');
    await expect.poll(configuration, { timeout: 20_000 }).toMatchObject({ step: 'configuration-applied', reason: null });
    expect(await configured()).toContain('pushed-a4');

    // A device named by a push: the device registry is re-opened with it, in the same running services.
    expect(await deviceKinds()).not.toContain('document-scanner');
    await admin.setConfiguration('all', { documentScanner: { device: 'test' } });
    await call('sync.retryNow');
    await expect.poll(deviceKinds, { timeout: 20_000 }).toContain('document-scanner');
    expect(await configured()).toContain('pushed-a4');
  });
});
