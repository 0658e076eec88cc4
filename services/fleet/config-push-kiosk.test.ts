/**
 * An extension terminal follows a pushed configuration's printers: its self-check (which the centre hears) reads the
 * configured printers through the same print service the push reconfigures, not the list it started with.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../domain/logger';
import type { SelfCheckReport } from '../../domain/self-check';
import { FleetAdmin } from '../../fixtures/backend/fleet/admin-client';
import { startReferenceBackend } from '../../fixtures/backend/server';
import { printingTestKit } from '../../fixtures/printer/test-kit';
import { loadConfig } from '../../main/shared/config';
import { createTerminalServices } from '../create-services';

const kit = printingTestKit();
const cleanup: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  while (cleanup.length) await cleanup.pop()!();
});

describe('configuration push on an extension terminal', () => {
  it("the kiosk's self-check follows the pushed printers without a restart", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'config-push-kiosk-'));
    cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
    const backend = await startReferenceBackend({ dataDir: join(dir, 'backend'), port: 0 });
    cleanup.push(() => backend.close());
    const printer = await kit.printer({ name: 'kiosk-a4' });
    const services = await createTerminalServices(
      loadConfig({ TERMINAL_DATA_DIR: join(dir, 'terminal'), TERMINAL_BACKEND_URL: backend.url, TERMINAL_PROFILE: 'extension-terminal' }),
      silentLogger,
      'test',
    );
    cleanup.push(() => services.close());
    const call = async <T>(method: string, params?: unknown): Promise<T> => {
      const reply = await services.dispatch(method, params);
      if (!reply.ok) throw new Error(`${method}: ${reply.error.code}`);
      return reply.result as T;
    };
    const printerCheck = async () => (await call<SelfCheckReport>('selfCheck.run')).items.find((entry) => entry.component === 'printer');
    let terminalId: string | undefined;
    await expect.poll(async () => (terminalId = (await call<{ terminalId?: string }>('app.info')).terminalId)).toBeTruthy();
    expect(await printerCheck()).toMatchObject({ ok: false, problem: 'self-check-printer-missing' });

    const admin = new FleetAdmin(backend.url);
    await admin.setConfiguration(`terminal:${terminalId}`, { printers: [{ kind: 'ipp', id: 'kiosk-a4', name: '自助终端A4打印机', uri: printer.uri }] });
    await call('sync.retryNow');
    await expect.poll(async () => (await admin.status()).terminals.find((entry) => entry.terminalId === terminalId)?.configuration, { timeout: 20_000 }).toMatchObject({
      step: 'configuration-applied',
    });
    await expect.poll(printerCheck, { timeout: 20_000 }).toMatchObject({ ok: true });
  });
});
