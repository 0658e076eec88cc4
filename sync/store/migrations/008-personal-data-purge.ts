import type { Migration } from './types';

/**
 * When a case's personal data was removed from this terminal (the centre had confirmed it archived and the
 * retention had passed); the index finds what is still to purge without reading every case.
 */
export const migration008: Migration = {
  version: 8,
  name: 'personal-data-purge',
  up(db) {
    db.exec(`
      ALTER TABLE cases ADD COLUMN purged_at TEXT;
      CREATE INDEX cases_to_purge ON cases (purged_at, archived_at, synced_at);
    `);
  },
};
