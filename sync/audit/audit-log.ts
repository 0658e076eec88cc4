/**
 * Hash-chained audit log: each entry's hash is SM3 over the previous hash and
 * the entry's canonical text, so removing or editing any row breaks every
 * hash after it. Details never carry personal data (ids and codes only).
 */
import type { Db } from '../store/database';
import { sm3Hex } from '../../crypto';
import { currentActor } from './actor';

export const AUDIT_GENESIS = '0'.repeat(64);

export interface AuditEntry {
  id: number;
  at: string;
  action: string;
  subject: string | null;
  details: Record<string, unknown>;
  prevHash: string;
  hash: string;
}

interface AuditRow {
  id: number;
  at: string;
  action: string;
  subject: string | null;
  details: string;
  prev_hash: string;
  hash: string;
}

function entryHash(prevHash: string, at: string, action: string, subject: string | null, details: string): string {
  return sm3Hex(JSON.stringify([prevHash, at, action, subject, details]));
}

function toEntry(row: AuditRow): AuditEntry {
  return {
    id: row.id,
    at: row.at,
    action: row.action,
    subject: row.subject,
    details: JSON.parse(row.details) as Record<string, unknown>,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

export class AuditLog {
  constructor(
    private readonly db: Db,
    private readonly clock: () => number,
  ) {}

  /** Call inside the transaction of the change it records. The acting officer, if any, is part of the hashed entry. */
  append(action: string, subject: string | null, details: Record<string, unknown> = {}): void {
    const actor = currentActor();
    if (actor && details.officerId === undefined) details = { ...details, officerId: actor.officerId };
    const last = this.db.prepare('SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as { hash: string } | undefined;
    const prevHash = last?.hash ?? AUDIT_GENESIS;
    const at = new Date(this.clock()).toISOString();
    const text = JSON.stringify(details);
    this.db
      .prepare('INSERT INTO audit_log (at, action, subject, details, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?)')
      .run(at, action, subject, text, prevHash, entryHash(prevHash, at, action, subject, text));
  }

  entries(limit = 1000, afterId = 0): AuditEntry[] {
    const rows = this.db.prepare('SELECT * FROM audit_log WHERE id > ? ORDER BY id LIMIT ?').all(afterId, limit) as AuditRow[];
    return rows.map(toEntry);
  }

  /**
   * The entries of these actions recorded in [from, to) (ISO instants), in chain order. Read through the
   * (action, at) index: the cost follows the entries found, not the length of the chain (years of it).
   */
  entriesBetween(actions: readonly string[], from: string, to: string): AuditEntry[] {
    if (actions.length === 0) return [];
    const rows = this.db
      .prepare(`SELECT * FROM audit_log WHERE action IN (${actions.map(() => '?').join(', ')}) AND at >= ? AND at < ? ORDER BY id`)
      .all(...actions, from, to) as AuditRow[];
    return rows.map(toEntry);
  }

  /** The entries of one action about one subject, in chain order (the (action, subject) index). */
  entriesAbout(action: string, subject: string): AuditEntry[] {
    const rows = this.db.prepare('SELECT * FROM audit_log WHERE action = ? AND subject = ? ORDER BY id').all(action, subject) as AuditRow[];
    return rows.map(toEntry);
  }

  /** Walks the whole chain; returns the id of the first broken entry, if any. */
  verify(): { ok: true; entries: number } | { ok: false; brokenAt: number } {
    let prev = AUDIT_GENESIS;
    let count = 0;
    for (const row of this.db.prepare('SELECT * FROM audit_log ORDER BY id').iterate() as IterableIterator<AuditRow>) {
      if (row.prev_hash !== prev || row.hash !== entryHash(row.prev_hash, row.at, row.action, row.subject, row.details)) {
        return { ok: false, brokenAt: row.id };
      }
      prev = row.hash;
      count += 1;
    }
    return { ok: true, entries: count };
  }
}
