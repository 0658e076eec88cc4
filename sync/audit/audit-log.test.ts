import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../store/database';
import { AuditLog } from './audit-log';

let dir: string;
let db: Db;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'audit-'));
  db = openDatabase(join(dir, 't.sqlite'));
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('AuditLog', () => {
  it('chains every entry to the one before', () => {
    const log = new AuditLog(db, () => 1_700_000_000_000);
    log.append('case.created', 'a', { seq: 1 });
    log.append('case.synced', 'a', { seq: 1 });
    const entries = log.entries();
    expect(entries[1]!.prevHash).toBe(entries[0]!.hash);
    expect(log.verify()).toEqual({ ok: true, entries: 2 });
  });

  it('refuses UPDATE and DELETE inside SQLite', () => {
    const log = new AuditLog(db, Date.now);
    log.append('case.created', 'a');
    expect(() => db.prepare("UPDATE audit_log SET action = 'x'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
  });

  it('detects an edit made behind its back', () => {
    const log = new AuditLog(db, Date.now);
    for (let i = 0; i < 5; i += 1) log.append('case.created', String(i), { seq: i });
    db.exec('DROP TRIGGER audit_log_no_update');
    db.prepare("UPDATE audit_log SET details = '{\"seq\":99}' WHERE id = 3").run();
    expect(log.verify()).toEqual({ ok: false, brokenAt: 3 });
  });
});
