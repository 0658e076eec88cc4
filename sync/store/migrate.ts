/**
 * Forward-only migration runner. SQLite's `user_version` records the last
 * applied step; each step and its version bump commit in one transaction, so
 * a crash mid-upgrade leaves the previous, consistent schema.
 */
import type { Database } from 'better-sqlite3';
import type { Migration } from './migrations/types';

export class MigrationError extends Error {}

export function schemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export function migrate(db: Database, migrations: readonly Migration[], target = Number.POSITIVE_INFINITY): number[] {
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) throw new MigrationError(`migration ${migration.name} has version ${migration.version}, expected ${index + 1}`);
  });
  const current = schemaVersion(db);
  const newest = migrations.length;
  if (current > newest) {
    throw new MigrationError(`database schema ${current} is newer than this terminal (${newest}); refusing to downgrade`);
  }
  const applied: number[] = [];
  for (const migration of migrations) {
    if (migration.version <= current || migration.version > target) continue;
    db.transaction(() => {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    }).immediate();
    applied.push(migration.version);
  }
  return applied;
}
