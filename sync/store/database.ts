/**
 * Opens the terminal's SQLite store. better-sqlite3 builds SQLite so that WAL
 * databases default to synchronous = NORMAL, which can lose the last commits
 * on power loss; we set FULL explicitly and read it back.
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { MIGRATIONS, type Migration } from './migrations';
import { migrate } from './migrate';

export type Db = Database.Database;

export interface OpenStoreOptions {
  /** Stop at this schema version (tests of upgrades); default: newest. */
  targetVersion?: number;
  migrations?: readonly Migration[];
}

export function openDatabase(path: string, options: OpenStoreOptions = {}): Db {
  mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    const mode = db.pragma('synchronous', { simple: true });
    // 2 = FULL. Anything else means the pragma was ignored; refuse to run on it.
    if (mode !== 2) throw new Error(`SQLite refused synchronous = FULL (got ${String(mode)})`);
    migrate(db, options.migrations ?? MIGRATIONS, options.targetVersion);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
