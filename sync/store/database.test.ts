import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AuditLog } from '../audit/audit-log';
import { Sm4Box } from '../crypto/sm';
import { openDatabase } from './database';
import { MigrationError, migrate, schemaVersion } from './migrate';
import { MIGRATIONS } from './migrations';
import { SyncStore } from './sync-store';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'store-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const draft = {
  serviceItemId: 'meal-assistance',
  applicant: { cardType: 'resident' as const, name: '张三', idNumber: '310101195001010012' },
  form: { name: '张三', mode: 'canteen' },
};

describe('openDatabase', () => {
  it('runs WAL with synchronous = FULL, read back from SQLite itself', () => {
    const db = openDatabase(join(dir, 't.sqlite'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    db.close();
    // A second connection sees WAL persisted in the file header.
    const raw = new Database(join(dir, 't.sqlite'));
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    raw.close();
  });

  it('applies every migration once and records user_version', () => {
    const db = openDatabase(join(dir, 't.sqlite'));
    expect(schemaVersion(db)).toBe(MIGRATIONS.length);
    expect(migrate(db, MIGRATIONS)).toEqual([]);
    db.close();
  });

  it('upgrades step by step from an older schema', () => {
    const path = join(dir, 't.sqlite');
    openDatabase(path, { targetVersion: 1 }).close();
    const db = openDatabase(path);
    expect(schemaVersion(db)).toBe(MIGRATIONS.length);
    db.close();
  });

  it('refuses to open a database from a newer terminal version', () => {
    const path = join(dir, 't.sqlite');
    const raw = new Database(path);
    raw.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    raw.close();
    expect(() => openDatabase(path)).toThrow(MigrationError);
  });

  it('rolls back a failed migration entirely, leaving the previous version', () => {
    const path = join(dir, 't.sqlite');
    const broken = [...MIGRATIONS.slice(0, 1), { version: 2, name: 'broken', up: (db: Database.Database) => db.exec('CREATE TABLE half (x); SELECT nonsense FROM nowhere;') }];
    expect(() => openDatabase(path, { migrations: broken })).toThrow();
    const db = new Database(path);
    expect(schemaVersion(db)).toBe(1);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'half'").get()).toBeUndefined();
    db.close();
  });
});

describe('SyncStore.createCase', () => {
  function makeStore() {
    const db = openDatabase(join(dir, 't.sqlite'));
    const box = new Sm4Box(Buffer.alloc(32, 7));
    return { db, store: new SyncStore(db, box, new AuditLog(db, Date.now), Date.now) };
  }

  it('writes the case and its outbox row together, with strictly increasing seq', () => {
    const { db, store } = makeStore();
    const a = store.createCase(draft);
    const b = store.createCase(draft);
    expect(b.seq).toBeGreaterThan(a.seq);
    const rows = db.prepare('SELECT seq, kind, ref_id, state FROM outbox ORDER BY seq').all();
    expect(rows).toEqual([
      { seq: a.seq, kind: 'case', ref_id: a.id, state: 'pending' },
      { seq: b.seq, kind: 'case', ref_id: b.id, state: 'pending' },
    ]);
    db.close();
  });

  it('leaves no case behind when the outbox insert fails (one transaction)', () => {
    const { db, store } = makeStore();
    db.exec("CREATE TRIGGER fail_outbox BEFORE INSERT ON outbox BEGIN SELECT RAISE(ABORT, 'disk full'); END;");
    expect(() => store.createCase(draft)).toThrow(/disk full/);
    expect(db.prepare('SELECT COUNT(*) AS n FROM cases').get()).toEqual({ n: 0 });
    expect(store.getMeta('next_seq')).toBeUndefined();
    db.close();
  });

  it('never stores personal data in clear', () => {
    const { db, store } = makeStore();
    store.createCase(draft);
    db.close();
    const raw = new Database(join(dir, 't.sqlite'));
    const dump = JSON.stringify([raw.prepare('SELECT * FROM cases').all(), raw.prepare('SELECT * FROM outbox').all()].map((rows) => rows.map((row) => Object.values(row as object).map((v) => (Buffer.isBuffer(v) ? v.toString('latin1') : v)))));
    raw.close();
    expect(dump).not.toContain('310101195001010012');
    expect(Buffer.from(dump, 'latin1').includes(Buffer.from('张三'))).toBe(false);
  });

  it('does not reuse a sequence number after delivered rows are pruned', () => {
    const { db, store } = makeStore();
    const first = store.createCase(draft);
    store.recordResults([{ item: store.pendingBatch(1)[0]!, status: 'applied' }]);
    store.pruneDelivered('9999-01-01');
    expect(store.createCase(draft).seq).toBe(first.seq + 1);
    db.close();
  });
});
