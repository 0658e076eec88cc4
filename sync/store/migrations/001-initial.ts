import type { Migration } from './types';

/**
 * Cases and the outbox that carries them. Personal fields live only in the
 * sealed `pii` blob (SM4); the outbox payload is sealed too.
 */
export const migration001: Migration = {
  version: 1,
  name: 'initial',
  up(db) {
    db.exec(`
      CREATE TABLE meta (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;

      CREATE TABLE cases (
        id TEXT PRIMARY KEY,
        seq INTEGER NOT NULL,
        service_item_id TEXT NOT NULL,
        pii BLOB NOT NULL,
        created_at TEXT NOT NULL,
        sync_state TEXT NOT NULL CHECK (sync_state IN ('queued', 'synced', 'failed', 'dead-letter')),
        synced_at TEXT,
        last_error TEXT
      ) STRICT;
      CREATE INDEX cases_created ON cases (created_at DESC);

      -- seq is the per-terminal sequence number sent to the backend; it comes
      -- from meta.next_seq, never from max(seq)+1, so a number is never reused.
      CREATE TABLE outbox (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        seq INTEGER NOT NULL UNIQUE,
        kind TEXT NOT NULL,
        ref_id TEXT NOT NULL,
        payload BLOB NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('pending', 'delivered', 'dead')),
        attempts INTEGER NOT NULL DEFAULT 0,
        last_error TEXT,
        last_attempt_at TEXT,
        dead_reason TEXT,
        created_at TEXT NOT NULL,
        delivered_at TEXT
      ) STRICT;
      CREATE INDEX outbox_pending ON outbox (state, seq);

      -- Local copies of the pulled reference data, one row per entity.
      CREATE TABLE feed_entries (
        feed TEXT NOT NULL,
        id TEXT NOT NULL,
        data TEXT NOT NULL,
        PRIMARY KEY (feed, id)
      ) STRICT;

      CREATE TABLE feed_cursors (
        feed TEXT PRIMARY KEY,
        cursor TEXT NOT NULL,
        etag TEXT,
        pulled_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
