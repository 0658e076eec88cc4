/**
 * Upgrade acceptance (issue 4): a terminal on an older schema with a
 * non-empty outbox is upgraded (forward-only migrations run at start) and
 * still delivers every queued item. Run for each older schema version.
 *   npm run sync:migrate -- [--cases 1000]
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startReferenceBackend } from '../../fixtures/backend/server';
import { MIGRATIONS } from '../../sync/store/migrations';
import { createSyncService } from '../../sync/sync-service';
import { FAST_SYNC, tempDir, waitFor } from '../../sync/testing/harness';
import { makeOldStore } from '../../sync/testing/old-store';

const { values } = parseArgs({ options: { cases: { type: 'string', default: '1000' } } });
const count = Number(values.cases);
let ok = true;
for (let version = 1; version < MIGRATIONS.length; version += 1) {
  const dir = tempDir('sync-migrate-');
  const terminalDir = join(dir.path, 'terminal');
  const { caseIds } = await makeOldStore(terminalDir, version, count);
  const backend = await startReferenceBackend({ dataDir: join(dir.path, 'backend'), port: 0 });
  const sync = createSyncService({ dataDir: terminalDir, backendUrl: backend.url, ...FAST_SYNC });
  const started = performance.now();
  await sync.start();
  const migratedMs = performance.now() - started;
  await waitFor(() => sync.status().queued === 0, 120_000, 'queue drained');
  const drainedMs = performance.now() - started;
  const ids = new Set(backend.cases().map((c) => c.id));
  const missing = caseIds.filter((id) => !ids.has(id)).length;
  const db = new Database(join(terminalDir, 'terminal.sqlite'), { readonly: true });
  const schema = db.pragma('user_version', { simple: true }) as number;
  db.close();
  const audit = sync.audit().verify();
  await sync.stop();
  await backend.close();
  dir.remove();
  const pass = missing === 0 && ids.size === caseIds.length && schema === MIGRATIONS.length && audit.ok;
  ok &&= pass;
  process.stdout.write(
    `schema ${version} -> ${schema} with ${caseIds.length} queued cases: start (incl. migrations) ${migratedMs.toFixed(0)} ms, all delivered after ${drainedMs.toFixed(0)} ms; backend holds ${ids.size}, missing ${missing}; audit ${audit.ok ? 'intact' : 'BROKEN'} ${pass ? 'PASS' : 'FAIL'}\n`,
  );
}
process.stdout.write(ok ? 'PASS\n' : 'FAIL\n');
process.exit(ok ? 0 : 1);
