/**
 * Certificate number leases. The backend leases blocks per certificate type;
 * a number is taken in the same transaction that records the certificate as
 * issued and queues that fact for the backend, so a crash can neither hand
 * out a number twice nor lose the record of one handed out. Spoiled numbers
 * and the unused rest of an expired block are reported void through the
 * outbox.
 */
import { z } from 'zod';
import type { AuditLog } from '../audit/audit-log';
import type { BackendClient } from '../client/backend-client';
import { SyncError } from '../errors';
import type { SyncStore } from '../store/sync-store';

export const CERTIFICATE_TYPES = ['J', 'L', 'BJ', 'BL'] as const;
export type CertificateType = (typeof CERTIFICATE_TYPES)[number];
export const VOID_REASONS = ['spoiled', 'expired', 'unused', 'other'] as const;
export type VoidReason = (typeof VOID_REASONS)[number];

export interface LeasePolicy {
  blockSize: number;
  lowWater: number;
}

const leaseSchema = z.object({
  leaseId: z.string(),
  type: z.enum(CERTIFICATE_TYPES),
  prefix: z.string().regex(/^[A-Z]{1,2}\d{6}-\d{4}-$/),
  firstSerial: z.number().int().min(1),
  lastSerial: z.number().int().min(1),
  expiresAt: z.string(),
});

interface LeaseRow {
  id: string;
  type: string;
  prefix: string;
  first_serial: number;
  last_serial: number;
  next_serial: number;
  expires_at: string;
}

function formatNumber(prefix: string, serial: number): string {
  return `${prefix}${String(serial).padStart(6, '0')}`;
}

export class CertificateNumbers {
  constructor(
    private readonly store: SyncStore,
    private readonly audit: AuditLog,
    /** Server time (terminal clock corrected by the backend's): lease expiry is the backend's notion. */
    private readonly serverNow: () => number,
    private readonly policy: () => LeasePolicy,
  ) {}

  isType(type: string): type is CertificateType {
    return (CERTIFICATE_TYPES as readonly string[]).includes(type);
  }

  remaining(type: CertificateType): number {
    const row = this.store.db
      .prepare('SELECT COALESCE(SUM(last_serial - next_serial + 1), 0) AS n FROM number_leases WHERE type = ? AND closed = 0 AND expires_at > ?')
      .get(type, new Date(this.serverNow()).toISOString()) as { n: number };
    return row.n;
  }

  /** Types this terminal uses: those it ever leased, plus any configured. */
  typesInUse(configured: readonly CertificateType[]): CertificateType[] {
    const leased = (this.store.db.prepare('SELECT DISTINCT type FROM number_leases').all() as { type: string }[]).map((row) => row.type);
    return [...new Set([...configured, ...leased])].filter((type): type is CertificateType => this.isType(type));
  }

  needsRefill(type: CertificateType): boolean {
    return this.remaining(type) < this.policy().lowWater;
  }

  /** Takes the next number, records the certificate as issued and queues that fact, in one transaction. */
  take(type: CertificateType, caseId?: string): string | undefined {
    return this.store.db
      .transaction((): string | undefined => {
        const lease = this.store.db
          .prepare('SELECT * FROM number_leases WHERE type = ? AND closed = 0 AND expires_at > ? AND next_serial <= last_serial ORDER BY expires_at, first_serial LIMIT 1')
          .get(type, new Date(this.serverNow()).toISOString()) as LeaseRow | undefined;
        if (!lease) return undefined;
        const number = formatNumber(lease.prefix, lease.next_serial);
        this.store.db.prepare('UPDATE number_leases SET next_serial = next_serial + 1 WHERE id = ?').run(lease.id);
        this.store.db
          .prepare("INSERT INTO certificate_numbers (number, lease_id, type, state, case_id, taken_at) VALUES (?, ?, ?, 'issued', ?, ?)")
          .run(number, lease.id, type, caseId ?? null, new Date(this.serverNow()).toISOString());
        this.store.enqueue('certificate-issued', number, { number, type, ...(caseId ? { caseId } : {}) });
        this.audit.append('certificate-number.taken', number, { type, leaseId: lease.id, ...(caseId ? { caseId } : {}) });
        return number;
      })
      .immediate();
  }

  /** A spoiled print (or a number never used): void it and tell the backend. */
  void(number: string, reason: VoidReason, note?: string): void {
    this.store.db
      .transaction(() => {
        const existing = this.store.db.prepare('SELECT state, lease_id FROM certificate_numbers WHERE number = ?').get(number) as { state: string; lease_id: string } | undefined;
        if (existing?.state === 'void') return;
        if (existing) {
          this.store.db.prepare("UPDATE certificate_numbers SET state = 'void', void_reason = ?, voided_at = ? WHERE number = ?").run(reason, new Date(this.serverNow()).toISOString(), number);
        } else {
          // A number of one of our blocks that was never taken (e.g. skipped by the printer): take it as void.
          const lease = this.#leaseOf(number);
          if (!lease) throw new SyncError('certificate-number-unknown', `number ${number} is not in a block leased to this terminal`, { params: { number } });
          const serial = Number(number.slice(-6));
          if (serial >= lease.next_serial) this.store.db.prepare('UPDATE number_leases SET next_serial = MAX(next_serial, ?) WHERE id = ?').run(serial + 1, lease.id);
          this.store.db
            .prepare("INSERT INTO certificate_numbers (number, lease_id, type, state, taken_at, void_reason, voided_at) VALUES (?, ?, ?, 'void', ?, ?, ?)")
            .run(number, lease.id, lease.type, new Date(this.serverNow()).toISOString(), reason, new Date(this.serverNow()).toISOString());
        }
        this.store.enqueue('certificate-void', number, { number, reason, ...(note ? { note } : {}) });
        this.audit.append('certificate-number.voided', number, { reason });
      })
      .immediate();
  }

  #leaseOf(number: string): LeaseRow | undefined {
    const match = /^(.*-)(\d{6})$/.exec(number);
    if (!match) return undefined;
    const serial = Number(match[2]);
    return this.store.db.prepare('SELECT * FROM number_leases WHERE prefix = ? AND first_serial <= ? AND last_serial >= ?').get(match[1], serial, serial) as LeaseRow | undefined;
  }

  /** Asks the backend for a new block and stores it. */
  async refill(client: BackendClient, type: CertificateType): Promise<void> {
    const response = await client.request('POST', '/v1/certificate-leases', { body: { type, count: this.policy().blockSize } });
    const parsed = leaseSchema.safeParse(response.data);
    if (!parsed.success || parsed.data.type !== type || parsed.data.lastSerial < parsed.data.firstSerial) {
      throw new SyncError('backend-bad-response', 'lease answer did not match the schema');
    }
    const lease = parsed.data;
    this.store.db
      .transaction(() => {
        this.store.db
          .prepare('INSERT OR IGNORE INTO number_leases (id, type, prefix, first_serial, last_serial, next_serial, expires_at, leased_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
          .run(lease.leaseId, type, lease.prefix, lease.firstSerial, lease.lastSerial, lease.firstSerial, new Date(lease.expiresAt).toISOString(), new Date(this.serverNow()).toISOString());
        this.audit.append('certificate-lease.received', lease.leaseId, { type, prefix: lease.prefix, first: lease.firstSerial, last: lease.lastSerial });
      })
      .immediate();
  }

  /** Closes expired blocks and voids their unused numbers (reason "expired") through the outbox. */
  expireLeases(): number {
    const now = new Date(this.serverNow()).toISOString();
    return this.store.db
      .transaction(() => {
        const expired = this.store.db.prepare('SELECT * FROM number_leases WHERE closed = 0 AND expires_at <= ?').all(now) as LeaseRow[];
        let voided = 0;
        for (const lease of expired) {
          for (let serial = lease.next_serial; serial <= lease.last_serial; serial += 1) {
            const number = formatNumber(lease.prefix, serial);
            this.store.db
              .prepare("INSERT INTO certificate_numbers (number, lease_id, type, state, taken_at, void_reason, voided_at) VALUES (?, ?, ?, 'void', ?, 'expired', ?)")
              .run(number, lease.id, lease.type, now, now);
            this.store.enqueue('certificate-void', number, { number, reason: 'expired' });
            voided += 1;
          }
          this.store.db.prepare('UPDATE number_leases SET closed = 1, next_serial = last_serial + 1 WHERE id = ?').run(lease.id);
          this.audit.append('certificate-lease.expired', lease.id, { voided: lease.last_serial - lease.next_serial + 1 });
        }
        return voided;
      })
      .immediate();
  }
}
