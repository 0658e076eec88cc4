import type { Migration } from './types';

/**
 * A registry desk case still open (parties, business, papers and photos captured so far, review and override,
 * certificate numbers), sealed, so a restart of the services resumes it; and the pages captured into it, whose
 * encrypted files sit with the materials until the completed case's outbox item takes them over.
 */
export const migration010: Migration = {
  version: 10,
  name: 'open-registry-cases',
  up(db) {
    db.exec(`
      CREATE TABLE open_registry_cases (
        id TEXT PRIMARY KEY,
        state BLOB NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE TABLE open_case_pages (
        id TEXT PRIMARY KEY,
        case_id TEXT NOT NULL,
        mime_type TEXT NOT NULL,
        size INTEGER NOT NULL,
        sm3 TEXT NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX open_case_pages_case ON open_case_pages (case_id);
    `);
  },
};
