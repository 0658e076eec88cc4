import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startReferenceBackend, type ReferenceBackend } from '../../fixtures/backend/server';
import { createSyncService, type SyncService } from '../sync-service';
import { FAST_SYNC, tempDir, waitFor } from '../testing/harness';
import { makeOldStore } from '../testing/old-store';
import { MIGRATIONS } from './migrations';

let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => {
  await cleanup?.();
  cleanup = undefined;
});

describe('upgrade with a non-empty outbox', () => {
  it('migrates a version-1 store holding queued cases and still delivers every one', async () => {
    const dir = tempDir('upgrade-');
    const terminalDir = join(dir.path, 'terminal');
    const { caseIds, schema } = await makeOldStore(terminalDir, 1, 25);
    expect(schema).toBe(1);
    const backend: ReferenceBackend = await startReferenceBackend({ dataDir: join(dir.path, 'backend'), port: 0 });
    const sync: SyncService = createSyncService({ dataDir: terminalDir, backendUrl: backend.url, ...FAST_SYNC });
    cleanup = async () => {
      await sync.stop();
      await backend.close();
      dir.remove();
    };
    await sync.start();
    await waitFor(() => sync.status().queued === 0, 10_000, 'old queue drained');
    expect(backend.cases().map((c) => c.id).sort()).toEqual([...caseIds].sort());
    expect(sync.listCases(100).every((record) => record.syncState === 'synced')).toBe(true);
    const db = new Database(join(terminalDir, 'terminal.sqlite'), { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    db.close();
    expect(sync.audit().verify().ok).toBe(true);
  });
});
