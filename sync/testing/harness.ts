/** Shared set-up for sync tests and acceptance scripts: a backend, a terminal, and a way to wait. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CaseDraft } from '../../domain/case';
import { startReferenceBackend, type ReferenceBackend, type ReferenceBackendOptions } from '../../fixtures/backend/server';
import { createSyncService, type SyncService, type SyncServiceOptions } from '../sync-service';

export const FAST_SYNC: Partial<SyncServiceOptions> = {
  backoff: { baseMs: 20, capMs: 400 },
  breaker: { threshold: 5, openMs: 100, maxOpenMs: 400 },
  pullIntervalMs: 60_000,
  requestTimeoutMs: 5_000,
};

export function sampleDraft(index = 0): CaseDraft {
  const name = `测试居民${index}`;
  const idNumber = '310101195001010012';
  return {
    serviceItemId: 'meal-assistance',
    applicant: { cardType: 'resident', name, idNumber },
    form: { name, idNumber, birthDate: '1950-01-01', address: '上海市黄浦区测试路1号', mode: 'canteen' },
  };
}

export function tempDir(prefix: string): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

export async function startPair(options: Partial<SyncServiceOptions> = {}, backendOptions: Partial<ReferenceBackendOptions> = {}): Promise<{ backend: ReferenceBackend; sync: SyncService; dir: string; close(): Promise<void> }> {
  const dir = tempDir('sync-pair-');
  const backend = await startReferenceBackend({ dataDir: join(dir.path, 'backend'), port: 0, contract: true, ...backendOptions });
  const sync = createSyncService({ dataDir: join(dir.path, 'terminal'), backendUrl: backend.url, ...FAST_SYNC, ...options });
  await sync.start();
  return {
    backend,
    sync,
    dir: dir.path,
    async close() {
      await sync.stop();
      const violations = backend.contractViolations();
      await backend.close();
      dir.remove();
      // Every request the terminal sent and every answer it got must match openapi.yaml.
      if (violations.length > 0) throw new Error(`contract violations (openapi.yaml):\n${JSON.stringify(violations.slice(0, 10), null, 1)}`);
    },
  };
}

export async function waitFor<T>(probe: () => T | undefined | false, timeoutMs = 10_000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
