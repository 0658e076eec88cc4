import type { Migration } from './types';

/**
 * The status bar counts failed items after every batch; a partial index keeps
 * that an index lookup instead of a walk over every pending row.
 */
export const migration005: Migration = {
  version: 5,
  name: 'outbox-failed-index',
  up(db) {
    db.exec("CREATE INDEX outbox_failed ON outbox (state) WHERE last_error IS NOT NULL;");
  },
};
