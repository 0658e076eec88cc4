/**
 * Data access for leased certificate-number blocks and the numbers taken
 * from them. CertificateNumbers decides; every statement on `number_leases`
 * and `certificate_numbers` lives here.
 */
import type { Db } from './database';

export interface LeaseRow {
  id: string;
  type: string;
  prefix: string;
  first_serial: number;
  last_serial: number;
  next_serial: number;
  expires_at: string;
  leased_at: string;
  closed: number;
}

export interface NumberRow {
  number: string;
  lease_id: string;
  type: string;
  state: 'issued' | 'void';
  serial: number;
}

export interface NewLease {
  id: string;
  type: string;
  prefix: string;
  firstSerial: number;
  lastSerial: number;
  expiresAt: string;
  leasedAt: string;
}

export function formatNumber(prefix: string, serial: number): string {
  return `${prefix}${String(serial).padStart(6, '0')}`;
}

/** A LIKE pattern for the prefixes of a year's series (`J310104-2026-`). */
const seriesOf = (year: string): string => `%-${year.replace(/[^0-9]/g, '')}-`;

export class LeaseStore {
  constructor(readonly db: Db) {}

  /**
   * Numbers still to hand out in open, unexpired blocks of a type numbered in `year` (numbers voided ahead of use
   * excluded): a block of last year's series is not handed out from on the registry's new year.
   */
  remaining(type: string, nowIso: string, year: string): number {
    const series = seriesOf(year);
    const open = this.db
      .prepare('SELECT COALESCE(SUM(last_serial - next_serial + 1), 0) AS n FROM number_leases WHERE type = ? AND closed = 0 AND expires_at > ? AND prefix LIKE ?')
      .get(type, nowIso, series) as { n: number };
    const voidedAhead = this.db
      .prepare(
        "SELECT COUNT(*) AS n FROM certificate_numbers c JOIN number_leases l ON l.id = c.lease_id WHERE l.type = ? AND l.closed = 0 AND l.expires_at > ? AND l.prefix LIKE ? AND CAST(substr(c.number, -6) AS INTEGER) >= l.next_serial",
      )
      .get(type, nowIso, series) as { n: number };
    return open.n - voidedAhead.n;
  }

  leasedTypes(): string[] {
    return (this.db.prepare('SELECT DISTINCT type FROM number_leases').all() as { type: string }[]).map((row) => row.type);
  }

  /** The block to take the next number from: of this year's series, the one expiring first. */
  openLease(type: string, nowIso: string, year: string): LeaseRow | undefined {
    return this.db
      .prepare('SELECT * FROM number_leases WHERE type = ? AND closed = 0 AND expires_at > ? AND prefix LIKE ? AND next_serial <= last_serial ORDER BY expires_at, first_serial LIMIT 1')
      .get(type, nowIso, seriesOf(year)) as LeaseRow | undefined;
  }

  setNextSerial(leaseId: string, serial: number): void {
    this.db.prepare('UPDATE number_leases SET next_serial = ? WHERE id = ?').run(serial, leaseId);
  }

  numberState(number: string): { state: 'issued' | 'void'; lease_id: string } | undefined {
    return this.db.prepare('SELECT state, lease_id FROM certificate_numbers WHERE number = ?').get(number) as { state: 'issued' | 'void'; lease_id: string } | undefined;
  }

  caseOf(number: string): string | undefined {
    return (this.db.prepare('SELECT case_id FROM certificate_numbers WHERE number = ?').get(number) as { case_id: string | null } | undefined)?.case_id ?? undefined;
  }

  recordIssued(number: string, leaseId: string, type: string, caseId: string | null, at: string): void {
    this.db.prepare("INSERT INTO certificate_numbers (number, lease_id, type, state, case_id, taken_at) VALUES (?, ?, ?, 'issued', ?, ?)").run(number, leaseId, type, caseId, at);
  }

  recordVoid(number: string, leaseId: string, type: string, reason: string, at: string): void {
    this.db
      .prepare("INSERT INTO certificate_numbers (number, lease_id, type, state, taken_at, void_reason, voided_at) VALUES (?, ?, ?, 'void', ?, ?, ?)")
      .run(number, leaseId, type, at, reason, at);
  }

  voidIssued(number: string, reason: string, at: string): void {
    this.db.prepare("UPDATE certificate_numbers SET state = 'void', void_reason = ?, voided_at = ? WHERE number = ?").run(reason, at, number);
  }

  leaseOf(number: string): LeaseRow | undefined {
    const match = /^(.*-)(\d{6})$/.exec(number);
    if (!match) return undefined;
    const serial = Number(match[2]);
    return this.db.prepare('SELECT * FROM number_leases WHERE prefix = ? AND first_serial <= ? AND last_serial >= ?').get(match[1], serial, serial) as LeaseRow | undefined;
  }

  insertLease(lease: NewLease): boolean {
    return (
      this.db
        .prepare('INSERT OR IGNORE INTO number_leases (id, type, prefix, first_serial, last_serial, next_serial, expires_at, leased_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
        .run(lease.id, lease.type, lease.prefix, lease.firstSerial, lease.lastSerial, lease.firstSerial, lease.expiresAt, lease.leasedAt).changes > 0
    );
  }

  expiredOpen(nowIso: string): LeaseRow[] {
    return this.db.prepare('SELECT * FROM number_leases WHERE closed = 0 AND expires_at <= ?').all(nowIso) as LeaseRow[];
  }

  close(leaseId: string): void {
    this.db.prepare('UPDATE number_leases SET closed = 1, next_serial = last_serial + 1 WHERE id = ?').run(leaseId);
  }

  leases(): LeaseRow[] {
    return this.db.prepare('SELECT * FROM number_leases ORDER BY type, prefix, first_serial').all() as LeaseRow[];
  }

  /** Every recorded number of a block, with its serial. */
  numbersOf(leaseId: string): NumberRow[] {
    return this.db
      .prepare('SELECT number, lease_id, type, state, CAST(substr(number, -6) AS INTEGER) AS serial FROM certificate_numbers WHERE lease_id = ? ORDER BY number')
      .all(leaseId) as NumberRow[];
  }

  /** Numbers taken or voided in [fromIso, toIso) (ISO instants): the certificates of a registry's day. */
  numbersBetween(fromIso: string, toIso: string): DayNumberRow[] {
    return this.db
      .prepare(
        'SELECT number, type, state, taken_at, void_reason, voided_at FROM certificate_numbers WHERE (taken_at >= ? AND taken_at < ?) OR (voided_at >= ? AND voided_at < ?) ORDER BY number',
      )
      .all(fromIso, toIso, fromIso, toIso) as DayNumberRow[];
  }
}

export interface DayNumberRow {
  number: string;
  type: string;
  state: 'issued' | 'void';
  taken_at: string;
  void_reason: string | null;
  voided_at: string | null;
}
