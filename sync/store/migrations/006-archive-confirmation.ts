import type { Migration } from './types';

/**
 * What the centre has confirmed durably archived (contained in every backup it
 * may restore from). Until then a delivered case's outbox row and an uploaded
 * material's encrypted file are kept, so a centre restored from an older
 * backup can be fed again. `resend` marks a material put back in the queue
 * after such a restore, so the sync screen can say what was really sent again.
 * `next_attempt_at` backs off one failing upload without holding up the
 * others; `checksum_refusals` counts chunks the centre refused in a row.
 */
export const migration006: Migration = {
  version: 6,
  name: 'archive-confirmation',
  up(db) {
    db.exec(`
      ALTER TABLE cases ADD COLUMN archived_at TEXT;
      ALTER TABLE materials ADD COLUMN archived_at TEXT;
      ALTER TABLE materials ADD COLUMN file_removed_at TEXT;
      ALTER TABLE materials ADD COLUMN resend INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE materials ADD COLUMN next_attempt_at TEXT;
      ALTER TABLE materials ADD COLUMN checksum_refusals INTEGER NOT NULL DEFAULT 0;
      CREATE INDEX materials_kept ON materials (state, archived_at, file_removed_at);
    `);
  },
};
