/**
 * Builds a terminal store as an older release left it: schema stopped at
 * `version`, with cases queued in the outbox. Only tables that existed at
 * that version are touched (no audit log before version 2).
 */
import { join } from 'node:path';
import type { AuditLog } from '../audit/audit-log';
import { loadOrCreateIdentity } from '../client/identity';
import { FileKeyProvider } from '../crypto/key-provider';
import { Sm4Box } from '../crypto/sm';
import { openDatabase } from '../store/database';
import { schemaVersion } from '../store/migrate';
import { SyncStore } from '../store/sync-store';
import { sampleDraft } from './harness';

export async function makeOldStore(dataDir: string, version: number, queuedCases: number): Promise<{ caseIds: string[]; schema: number }> {
  const box = new Sm4Box(await new FileKeyProvider(join(dataDir, 'keys', 'data.key')).loadDataKey());
  const db = openDatabase(join(dataDir, 'terminal.sqlite'), { targetVersion: version });
  const noAudit = { append() {} } as unknown as AuditLog;
  const store = new SyncStore(db, box, noAudit, Date.now);
  loadOrCreateIdentity(store, noAudit);
  const caseIds: string[] = [];
  for (let i = 0; i < queuedCases; i += 1) caseIds.push(store.createCase(sampleDraft(i)).id);
  const schema = schemaVersion(db);
  db.close();
  return { caseIds, schema };
}
