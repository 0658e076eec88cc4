import type { Migration } from './types';

/**
 * What a registry desk did with its day (check-ins, walk-ins, no-shows, cases started and finished). Kept locally so
 * the desk's list survives a restart, and reported to the backend through the outbox in the same transaction.
 */
export const migration007: Migration = {
  version: 7,
  name: 'desk-events',
  up(db) {
    db.exec(`
      CREATE TABLE desk_events (
        id TEXT PRIMARY KEY,
        day TEXT NOT NULL,
        kind TEXT NOT NULL,
        appointment_id TEXT,
        business TEXT,
        at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX desk_events_day ON desk_events (day);
    `);
  },
};
