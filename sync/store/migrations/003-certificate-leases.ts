import type { Migration } from './types';

/** Leased blocks of certificate numbers and every number taken from them. */
export const migration003: Migration = {
  version: 3,
  name: 'certificate-leases',
  up(db) {
    db.exec(`
      CREATE TABLE number_leases (
        id TEXT PRIMARY KEY,
        type TEXT NOT NULL,
        prefix TEXT NOT NULL,
        first_serial INTEGER NOT NULL,
        last_serial INTEGER NOT NULL,
        next_serial INTEGER NOT NULL,
        expires_at TEXT NOT NULL,
        leased_at TEXT NOT NULL,
        closed INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      CREATE INDEX number_leases_open ON number_leases (type, closed, expires_at);

      CREATE TABLE certificate_numbers (
        number TEXT PRIMARY KEY,
        lease_id TEXT NOT NULL REFERENCES number_leases (id),
        type TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('issued', 'void')),
        case_id TEXT,
        taken_at TEXT NOT NULL,
        void_reason TEXT,
        voided_at TEXT
      ) STRICT;
    `);
  },
};
