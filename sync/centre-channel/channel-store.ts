/**
 * What the centre channel must remember across a crash: the outcome of every
 * command it carried out (so a command re-delivered after a reconnect or a
 * restart is answered, not repeated) and the events not yet acknowledged by
 * the centre (so none is lost). Its own small SQLite file: the channel's
 * state is independent of the case store and its migrations.
 */
import { openDatabase, type Db } from '../store/database';
import type { Migration } from '../store/migrations/types';

const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'centre-channel',
    up(db) {
      db.exec(`
        CREATE TABLE commands_done (
          id TEXT PRIMARY KEY, name TEXT NOT NULL, outcome TEXT NOT NULL, done_at INTEGER NOT NULL
        );
        CREATE TABLE events_out (
          seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, name TEXT NOT NULL, payload TEXT,
          created_at INTEGER NOT NULL, acked_at INTEGER
        );
        CREATE INDEX events_out_pending ON events_out (acked_at, seq);
      `);
    },
  },
];

/** How long a carried-out command is remembered: far longer than any reconnect, short enough to stay small. */
const DONE_RETENTION_MS = 7 * 86_400_000;

export interface CommandOutcome {
  result?: unknown;
  error?: { code: string; message: string };
}

export interface PendingEvent {
  id: string;
  name: string;
  payload: unknown;
}

export class ChannelStore {
  readonly #db: Db;

  constructor(path: string) {
    this.#db = openDatabase(path, { migrations: MIGRATIONS });
  }

  outcomeOf(commandId: string): CommandOutcome | undefined {
    const row = this.#db.prepare('SELECT outcome FROM commands_done WHERE id = ?').get(commandId) as { outcome: string } | undefined;
    return row ? (JSON.parse(row.outcome) as CommandOutcome) : undefined;
  }

  /** Records the outcome before it is acknowledged; a second record of the same id keeps the first. */
  recordOutcome(commandId: string, name: string, outcome: CommandOutcome, now: number): CommandOutcome {
    this.#db.prepare('INSERT OR IGNORE INTO commands_done (id, name, outcome, done_at) VALUES (?, ?, ?, ?)').run(commandId, name, JSON.stringify(outcome), now);
    return this.outcomeOf(commandId)!;
  }

  /** Commands carried out so far (tests, and the figures script). */
  doneCount(name?: string): number {
    const row = (name ? this.#db.prepare('SELECT COUNT(*) AS n FROM commands_done WHERE name = ?').get(name) : this.#db.prepare('SELECT COUNT(*) AS n FROM commands_done').get()) as { n: number };
    return row.n;
  }

  enqueueEvent(event: PendingEvent, now: number): void {
    this.#db.prepare('INSERT OR IGNORE INTO events_out (id, name, payload, created_at) VALUES (?, ?, ?, ?)').run(event.id, event.name, JSON.stringify(event.payload ?? null), now);
  }

  pendingEvents(): PendingEvent[] {
    const rows = this.#db.prepare('SELECT id, name, payload FROM events_out WHERE acked_at IS NULL ORDER BY seq').all() as { id: string; name: string; payload: string }[];
    return rows.map((row) => ({ id: row.id, name: row.name, payload: JSON.parse(row.payload) as unknown }));
  }

  markEventAcked(id: string, now: number): void {
    this.#db.prepare('UPDATE events_out SET acked_at = ? WHERE id = ? AND acked_at IS NULL').run(now, id);
  }

  prune(now: number): void {
    this.#db.prepare('DELETE FROM commands_done WHERE done_at < ?').run(now - DONE_RETENTION_MS);
    this.#db.prepare('DELETE FROM events_out WHERE acked_at IS NOT NULL AND acked_at < ?').run(now - DONE_RETENTION_MS);
  }

  close(): void {
    this.#db.close();
  }
}
