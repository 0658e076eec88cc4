/**
 * The resident's session kept on disk (its own small SQLite file, synchronous
 * = FULL), so a crash or power cut neither loses nor strands a ticket: the
 * session and a ticket request not yet answered are read back at start.
 */
import type { Migration } from '../../sync/store/migrations/types';
import { openDatabase, type Db } from '../../sync/store/database';

const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'kiosk-session',
    up(db) {
      db.exec('CREATE TABLE kv (key TEXT PRIMARY KEY, value TEXT NOT NULL)');
    },
  },
];

export class SessionStore {
  readonly #db: Db;

  constructor(path: string) {
    this.#db = openDatabase(path, { migrations: MIGRATIONS });
  }

  get<T>(key: string): T | undefined {
    const row = this.#db.prepare('SELECT value FROM kv WHERE key = ?').get(key) as { value: string } | undefined;
    return row ? (JSON.parse(row.value) as T) : undefined;
  }

  set(key: string, value: unknown): void {
    if (value === undefined) this.#db.prepare('DELETE FROM kv WHERE key = ?').run(key);
    else this.#db.prepare('INSERT INTO kv (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, JSON.stringify(value));
  }

  close(): void {
    this.#db.close();
  }
}
