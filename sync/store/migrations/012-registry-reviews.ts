import type { Migration } from './types';

/**
 * The registry desk's national reviews (the parties, their records, an override's reason and document), sealed.
 * Before a case is opened under it a review lived only in the services' memory: a restart of the services lost an
 * answer, an override (the registrar had to write and scan it again) and a pending review's retries. `asked_on` is
 * the Beijing day it was asked: reviews of past days that no open case holds are removed at the next start.
 */
export const migration012: Migration = {
  version: 12,
  name: 'registry-reviews',
  up(db) {
    db.exec(`
      CREATE TABLE registry_reviews (
        id TEXT PRIMARY KEY,
        state BLOB NOT NULL,
        asked_on TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
