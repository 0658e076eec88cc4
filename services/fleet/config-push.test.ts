import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FleetAdmin } from '../../fixtures/backend/fleet/admin-client';
import { freePort } from '../../fixtures/printer/ippeveprinter';
import { printingTestKit } from '../../fixtures/printer/test-kit';
import { startPair } from '../../sync/testing/harness';
import { loadConfig, mergePushedConfig, type TerminalConfig } from '../../main/shared/config';
import { ConfigurationPush } from './config-push';
import { printerExists } from './printer-probe';

const kit = printingTestKit();

describe('configuration push through the configuration feed', () => {
  it('refuses a printer that does not exist (previous kept, reported); applies a valid one without a restart (devices re-opened); reports both', async () => {
    const pair = await startPair();
    kit.cleanups.push(() => pair.close());
    const printer = await kit.printer({ name: 'counter-a4' });
    const admin = new FleetAdmin(pair.backend.url);
    const local: TerminalConfig = { dataDir: pair.dir, profile: 'reception-window', printers: [], registryCode: '310104', simulatedDevices: false, syncPullSeconds: 60 };
    const applied: { changed: string[]; printers: string[] }[] = [];
    const push = new ConfigurationPush({
      local,
      terminalId: () => pair.sync.terminalId(),
      printerExists: (candidate) => printerExists(candidate, 3_000),
      apply: async (next, changed) => {
        applied.push({ changed, printers: next.printers.map((entry) => entry.id) });
      },
      report: async (event) => {
        await pair.sync.backendRequest('POST', '/v1/fleet/reports', { body: { events: [event] } });
      },
    });
    const pullAndApply = async () => {
      await pair.sync.pullNow();
      return push.update(pair.sync.configuration());
    };
    const terminal = `terminal:${pair.sync.terminalId()}`;

    const missing = `ipp://127.0.0.1:${await freePort()}/ipp/print`;
    await admin.setConfiguration(terminal, { printers: [{ kind: 'ipp', id: 'missing', name: '不存在的打印机', uri: missing }] });
    expect(await pullAndApply()).toMatchObject({ status: 'refused', reason: 'configuration-unappliable' });
    expect(push.current()).toBe(local);
    expect(applied).toEqual([]);
    let status = await admin.status();
    expect(status.terminals[0]!.configuration).toMatchObject({ step: 'configuration-refused', reason: 'configuration-unappliable' });
    expect(status.terminals[0]!.configuration!.detail).toContain('missing');

    await admin.setConfiguration(terminal, { registryCode: 'not-a-code' });
    expect(await pullAndApply()).toMatchObject({ status: 'refused', reason: 'configuration-invalid' });
    await admin.setConfiguration('all', { dataDir: '/tmp/elsewhere' });
    await admin.setConfiguration(terminal, { registryCode: '310115' });
    expect(await pullAndApply()).toMatchObject({ status: 'refused', reason: 'configuration-invalid', detail: expect.stringContaining('dataDir') });
    expect(push.current()).toBe(local);

    await admin.setConfiguration('all', { registryCode: '310101' });
    await admin.setConfiguration(terminal, { printers: [{ kind: 'ipp', id: 'counter-a4', name: '窗口A4打印机', uri: printer.uri }] });
    expect(await pullAndApply()).toMatchObject({ status: 'applied', changed: ['printers', 'registryCode'] });
    expect(push.current()).toMatchObject({ registryCode: '310101', profile: 'reception-window', dataDir: pair.dir });
    expect(applied).toEqual([{ changed: ['printers', 'registryCode'], printers: ['counter-a4'] }]);
    expect(await pullAndApply()).toEqual({ status: 'unchanged' });
    status = await admin.status();
    expect(status.terminals[0]!.configuration).toMatchObject({ step: 'configuration-applied', reason: null });
  });

  it('merges over the local file with its schema: defaults never overwrite what the push did not name', () => {
    const local: TerminalConfig = { dataDir: '/data', profile: 'registry-desk', printers: [], registryCode: '310104', simulatedDevices: false, syncPullSeconds: 60 };
    expect(mergePushedConfig(local, { registryCode: '310115' })).toMatchObject({ ok: true, config: { profile: 'registry-desk', registryCode: '310115' }, changed: ['registryCode'] });
    expect(mergePushedConfig(local, { backendUrl: 'http://evil.example' })).toMatchObject({ ok: false });
    expect(mergePushedConfig(local, { printers: [{ kind: 'ipp', id: 'x', name: 'x', uri: 'http://not-ipp' }] })).toMatchObject({ ok: false });
    expect(mergePushedConfig(local, [1])).toMatchObject({ ok: false });
  });

  it('takes the update channel and window (HH:MM, Beijing) from the file and from a push, with the same schema', () => {
    const local: TerminalConfig = { dataDir: '/data', profile: 'reception-window', printers: [], registryCode: '310104', simulatedDevices: false, syncPullSeconds: 60 };
    const pushed = mergePushedConfig(local, { updates: { channel: 'canary', window: { from: '22:00', to: '06:00' } } });
    expect(pushed).toMatchObject({ ok: true, config: { updates: { channel: 'canary', window: { from: '22:00', to: '06:00' } } }, changed: ['updates'] });
    expect(mergePushedConfig(local, { updates: { window: { from: '12:00', to: '13:00' } } })).toMatchObject({ ok: true, config: { updates: { channel: 'stable' } } });
    for (const updates of [{ channel: 'nightly' }, { window: { from: '24:00', to: '06:00' } }, { window: { from: '9:00', to: '10:00' } }, { window: { from: '22:00' } }, { when: 'now' }]) {
      expect(mergePushedConfig(local, { updates })).toMatchObject({ ok: false, detail: expect.stringContaining('updates') });
    }
    const dir = mkdtempSync(join(tmpdir(), 'config-'));
    const file = join(dir, 'terminal.json');
    writeFileSync(file, JSON.stringify({ updates: { channel: 'canary', window: { from: '01:00', to: '05:00' } } }));
    expect(loadConfig({ TERMINAL_CONFIG: file, TERMINAL_DATA_DIR: dir }).updates).toEqual({ channel: 'canary', window: { from: '01:00', to: '05:00' } });
    writeFileSync(file, JSON.stringify({ updates: { window: { from: '01:00', to: '25:00' } } }));
    expect(() => loadConfig({ TERMINAL_CONFIG: file, TERMINAL_DATA_DIR: dir })).toThrow(/updates\.window\.to/);
    rmSync(dir, { recursive: true, force: true });
  });
});
