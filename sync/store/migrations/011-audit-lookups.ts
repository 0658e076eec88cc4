import type { Migration } from './types';

/**
 * A terminal keeps years of audit chain; the registry desk's end of day (its certificate prints, review overrides,
 * abandoned cases) and the divorce registration recovered after a restart read a handful of entries by action and
 * day, or by action and subject. Without these indexes each read walked the whole chain. The chain itself is
 * untouched: indexes add no column and no row, so every hash and `verify()` stay as they were.
 */
export const migration011: Migration = {
  version: 11,
  name: 'audit-lookups',
  up(db) {
    db.exec(`
      CREATE INDEX audit_log_action_at ON audit_log (action, at);
      CREATE INDEX audit_log_action_subject ON audit_log (action, subject);
    `);
  },
};
