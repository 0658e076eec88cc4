/**
 * Certificate number leases. The backend leases blocks per certificate type;
 * a number is taken in the same transaction that records the certificate as
 * issued and queues that fact for the backend, so a crash can neither hand
 * out a number twice nor lose the record of one handed out. Spoiled numbers
 * and the unused rest of an expired block are reported void through the
 * outbox.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { beijingDate } from '../../domain/legal-date';
import type { AuditLog } from '../audit/audit-log';
import type { BackendClient } from '../client/backend-client';
import { SyncError } from '../errors';
import { formatNumber, LeaseStore } from '../store/lease-store';
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

/** One block in the end-of-day accounting: every number of it issued, void, or still to hand out. */
export interface LeaseAccount {
  leaseId: string;
  type: string;
  prefix: string;
  firstSerial: number;
  lastSerial: number;
  leased: number;
  issued: number;
  void: number;
  available: number;
  /** Numbers below the block's next number that are neither issued nor void (must be empty). */
  unaccounted: string[];
}

export interface NumberAccounting {
  leases: LeaseAccount[];
  /** leased = issued + void + available for every block, and nothing unaccounted. */
  balanced: boolean;
}

export class CertificateNumbers {
  readonly #leases: LeaseStore;

  constructor(
    private readonly store: SyncStore,
    private readonly audit: AuditLog,
    /** Server time (terminal clock corrected by the backend's): lease expiry is the backend's notion. */
    private readonly serverNow: () => number,
    private readonly policy: () => LeasePolicy,
  ) {
    this.#leases = new LeaseStore(store.db);
  }

  #now(): string {
    return new Date(this.serverNow()).toISOString();
  }

  /**
   * The registry's year (Beijing calendar, centre's clock): a number's year is the year it is issued in, so a block
   * of last year's series still open after midnight on 31 December is left to expire (and be voided) unused.
   */
  #year(): string {
    return beijingDate(this.serverNow()).slice(0, 4);
  }

  isType(type: string): type is CertificateType {
    return (CERTIFICATE_TYPES as readonly string[]).includes(type);
  }

  remaining(type: CertificateType): number {
    return this.#leases.remaining(type, this.#now(), this.#year());
  }

  /** Types this terminal uses: those it ever leased, plus any configured. */
  typesInUse(configured: readonly CertificateType[]): CertificateType[] {
    return [...new Set([...configured, ...this.#leases.leasedTypes()])].filter((type): type is CertificateType => this.isType(type));
  }

  needsRefill(type: CertificateType): boolean {
    return this.remaining(type) < this.policy().lowWater;
  }

  /**
   * Takes the next number, records the certificate as issued and queues that fact, in one transaction.
   * Numbers voided before their turn (a spoiled blank) are stepped over, never handed out.
   */
  take(type: CertificateType, caseId?: string): string | undefined {
    return this.store.db
      .transaction((): string | undefined => {
        const now = this.#now();
        for (;;) {
          const lease = this.#leases.openLease(type, now, this.#year());
          if (!lease) return undefined;
          const number = formatNumber(lease.prefix, lease.next_serial);
          this.#leases.setNextSerial(lease.id, lease.next_serial + 1);
          if (this.#leases.numberState(number)) continue;
          this.#leases.recordIssued(number, lease.id, type, caseId ?? null, now);
          this.store.enqueue('certificate-issued', number, { number, type, ...(caseId ? { caseId } : {}) });
          this.audit.append('certificate-number.taken', number, { type, leaseId: lease.id, ...(caseId ? { caseId } : {}) });
          return number;
        }
      })
      .immediate();
  }

  caseOf(number: string): string | undefined {
    return this.#leases.caseOf(number);
  }

  /**
   * A spoiled print, or a blank spoiled before its number's turn: void it and tell the backend. Voiding a
   * number ahead of the next one does not move the next one, so the numbers in between stay to be issued.
   */
  void(number: string, reason: VoidReason, note?: string): void {
    this.store.db
      .transaction(() => {
        const existing = this.#leases.numberState(number);
        if (existing?.state === 'void') return;
        if (existing) {
          this.#leases.voidIssued(number, reason, this.#now());
        } else {
          const lease = this.#leases.leaseOf(number);
          if (!lease) throw new SyncError('certificate-number-unknown', `number ${number} is not in a block leased to this terminal`, { params: { number } });
          this.#leases.recordVoid(number, lease.id, lease.type, reason, this.#now());
        }
        this.store.enqueue('certificate-void', number, { number, reason, ...(note ? { note } : {}) });
        this.audit.append('certificate-number.voided', number, { reason });
      })
      .immediate();
  }

  /**
   * Asks the backend for a new block and stores it. The request carries an idempotency key kept in the
   * store until the block is stored, so an answer lost in transit (or a crash) asks again for the same block.
   */
  async refill(client: BackendClient, type: CertificateType): Promise<void> {
    const keyName = `lease_request_${type}`;
    let requestKey = this.store.getMeta(keyName);
    if (!requestKey) {
      requestKey = randomUUID();
      this.store.setMeta(keyName, requestKey);
    }
    const response = await client.request('POST', '/v1/certificate-leases', { body: { type, count: this.policy().blockSize, requestKey } });
    const parsed = leaseSchema.safeParse(response.data);
    if (!parsed.success || parsed.data.type !== type || parsed.data.lastSerial < parsed.data.firstSerial) {
      throw new SyncError('backend-bad-response', 'lease answer did not match the schema');
    }
    const lease = parsed.data;
    this.store.db
      .transaction(() => {
        const stored = this.#leases.insertLease({
          id: lease.leaseId,
          type,
          prefix: lease.prefix,
          firstSerial: lease.firstSerial,
          lastSerial: lease.lastSerial,
          expiresAt: new Date(lease.expiresAt).toISOString(),
          leasedAt: this.#now(),
        });
        this.store.deleteMeta(keyName);
        if (stored) this.audit.append('certificate-lease.received', lease.leaseId, { type, prefix: lease.prefix, first: lease.firstSerial, last: lease.lastSerial });
      })
      .immediate();
  }

  /**
   * Closes expired blocks and voids their unused numbers (reason "expired") through the outbox. The terminal,
   * which alone knows which numbers it used, reports them; the backend voids nothing by itself.
   */
  expireLeases(): number {
    const now = this.#now();
    return this.store.db
      .transaction(() => {
        let voided = 0;
        for (const lease of this.#leases.expiredOpen(now)) {
          let count = 0;
          for (let serial = lease.next_serial; serial <= lease.last_serial; serial += 1) {
            const number = formatNumber(lease.prefix, serial);
            if (this.#leases.numberState(number)) continue;
            this.#leases.recordVoid(number, lease.id, lease.type, 'expired', now);
            this.store.enqueue('certificate-void', number, { number, reason: 'expired' });
            count += 1;
          }
          this.#leases.close(lease.id);
          this.audit.append('certificate-lease.expired', lease.id, { voided: count });
          voided += count;
        }
        return voided;
      })
      .immediate();
  }

  /** End-of-day view: for every block, leased = issued + void + still available, and which numbers are neither. */
  accounting(): NumberAccounting {
    const leases = this.#leases.leases().map((lease): LeaseAccount => {
      const numbers = this.#leases.numbersOf(lease.id);
      const recorded = new Set(numbers.map((row) => row.serial));
      const unaccounted: string[] = [];
      const taken = Math.min(lease.next_serial, lease.last_serial + 1);
      for (let serial = lease.first_serial; serial < taken; serial += 1) if (!recorded.has(serial)) unaccounted.push(formatNumber(lease.prefix, serial));
      let available = 0;
      for (let serial = taken; serial <= lease.last_serial; serial += 1) if (!recorded.has(serial)) available += 1;
      return {
        leaseId: lease.id,
        type: lease.type,
        prefix: lease.prefix,
        firstSerial: lease.first_serial,
        lastSerial: lease.last_serial,
        leased: lease.last_serial - lease.first_serial + 1,
        issued: numbers.filter((row) => row.state === 'issued').length,
        void: numbers.filter((row) => row.state === 'void').length,
        available,
        unaccounted,
      };
    });
    return { leases, balanced: leases.every((lease) => lease.unaccounted.length === 0 && lease.leased === lease.issued + lease.void + lease.available) };
  }
}
