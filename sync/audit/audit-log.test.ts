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

  it("finds a day's entries of some actions, and an action's entries about one subject, through indexes, not a walk of the chain", () => {
    let now = Date.parse('2026-03-01T10:00:00Z');
    const log = new AuditLog(db, () => now);
    const day = 86_400_000;
    for (let i = 0; i < 3; i += 1) {
      log.append('document.printed', `job-${i}`, { kind: 'marriage-certificate' });
      log.append('case.created', `case-${i}`);
      log.append('registry.divorce-registered', 'application-1', { registrationId: `reg-${i}` });
      now += day;
    }
    const found = log.entriesBetween(['document.printed', 'registry.review-overridden'], '2026-03-02T00:00:00.000Z', '2026-03-03T00:00:00.000Z');
    expect(found.map((entry) => [entry.action, entry.subject])).toEqual([['document.printed', 'job-1']]);
    expect(log.entriesAbout('registry.divorce-registered', 'application-1').map((entry) => entry.details.registrationId)).toEqual(['reg-0', 'reg-1', 'reg-2']);
    expect(log.entriesAbout('registry.divorce-registered', 'application-2')).toEqual([]);
    expect(log.entriesBetween([], '2026-03-01T00:00:00.000Z', '2026-04-01T00:00:00.000Z')).toEqual([]);

    // The store answers from an index (a search), never a scan of audit_log; the chain verifies as before.
    const plan = (sql: string, ...args: unknown[]) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as { detail: string }[]).map((row) => row.detail).join(' | ');
    const byDay = plan('SELECT * FROM audit_log WHERE action IN (?, ?) AND at >= ? AND at < ? ORDER BY id', 'a', 'b', 'x', 'y');
    const bySubject = plan('SELECT * FROM audit_log WHERE action = ? AND subject = ? ORDER BY id', 'a', 's');
    expect(byDay).toMatch(/SEARCH audit_log USING INDEX audit_log_action_at/);
    expect(bySubject).toMatch(/SEARCH audit_log USING INDEX audit_log_action_subject/);
    expect(log.verify()).toEqual({ ok: true, entries: 9 });
  });
});
