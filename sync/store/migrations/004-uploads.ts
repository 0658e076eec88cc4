import type { Migration } from './types';

/**
 * Materials waiting to upload. `confirmed_offset` is the last offset the
 * server acknowledged, so a restart re-sends at most the chunk in flight.
 */
export const migration004: Migration = {
  version: 4,
  name: 'uploads',
  up(db) {
    db.exec(`
      CREATE TABLE materials (
        id TEXT PRIMARY KEY,
        case_id TEXT NOT NULL,
        material_key TEXT NOT NULL,
        file_name TEXT NOT NULL,
        mime_type TEXT NOT NULL,
        size INTEGER NOT NULL,
        sm3 TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('pending', 'uploading', 'done', 'dead')),
        upload_url TEXT,
        confirmed_offset INTEGER NOT NULL DEFAULT 0,
        attempts INTEGER NOT NULL DEFAULT 0,
        last_error TEXT,
        created_at TEXT NOT NULL,
        completed_at TEXT
      ) STRICT;
      CREATE INDEX materials_state ON materials (state, created_at);
    `);
  },
};
