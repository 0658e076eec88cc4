/**
 * The registry desk's end-of-day report (日终报表): cases per business,
 * certificates issued and voided with their numbers, the booklet stock
 * reconciliation, and the review overrides. Pure: the day's desk events,
 * number ledger, certificate print jobs and overrides are given.
 *
 * Booklet reconciliation: every certificate print consumes a booklet, and
 * every consumed booklet must end as an issued number or a number voided as
 * spoiled (a reprint voids the spoiled booklet's number). Numbers voided
 * without a print (an expired block, a blank stepped over) consumed no
 * booklet: they are listed as voided but not counted against the stock.
 */
import type { DeskEvent } from './appointments';
import { REGISTRY_BUSINESSES, type RegistryBusiness } from './business';

export interface DayNumberEntry {
  number: string;
  type: string;
  state: 'issued' | 'void';
  takenAt: string;
  voidReason?: string;
  voidedAt?: string;
}

export interface DayOverride {
  reviewId: string;
  reason: string;
  at: string;
}

/** A case abandoned at the desk, as the audit chain recorded it (ids, business and the registrar's reason only). */
export interface DayAbandonment {
  caseId: string;
  business: RegistryBusiness;
  reason: string;
  at: string;
}

export interface DayReport {
  reportId: string;
  day: string;
  registryCode: string;
  /** Started = completed + abandoned + still open at the desk. */
  businesses: { business: RegistryBusiness; started: number; completed: number; abandoned: number }[];
  certificates: { issued: { number: string; type: string }[]; voided: { number: string; type: string; reason: string }[] };
  booklets: { used: number; issued: number; voided: number; balanced: boolean };
  overrides: DayOverride[];
  /** Cases abandoned this day, with the registrar's reason. */
  abandoned: DayAbandonment[];
  generatedAt: string;
}

/** An audit chain entry as the day report reads it (the store's entries, ids and codes only). */
export interface DayAuditEntry {
  at: string;
  action: string;
  subject: string | null;
  details: Record<string, unknown>;
}

/** The audit actions the day report reads (the store finds them by action and day): certificate prints and overrides. */
export const DAY_REPORT_AUDIT_ACTIONS = ['document.printed', 'registry.review-overridden', 'registry.case-abandoned'] as const;

/** The day's certificate prints (booklets used) and review overrides, from the day's entries of those actions. */
export function dayAuditFacts(entries: readonly DayAuditEntry[]): { certificatePrints: number; overrides: DayOverride[]; abandoned: DayAbandonment[] } {
  let certificatePrints = 0;
  const overrides: DayOverride[] = [];
  const abandoned: DayAbandonment[] = [];
  for (const entry of entries) {
    if (entry.action === 'document.printed' && entry.details.kind === 'marriage-certificate') certificatePrints += 1;
    if (entry.action === 'registry.review-overridden') overrides.push({ reviewId: entry.subject ?? '', reason: String(entry.details.reason ?? ''), at: entry.at });
    const business = REGISTRY_BUSINESSES.find((known) => known === entry.details.business);
    if (entry.action === 'registry.case-abandoned' && business) abandoned.push({ caseId: entry.subject ?? '', business, reason: String(entry.details.reason ?? ''), at: entry.at });
  }
  return { certificatePrints, overrides, abandoned };
}

/** Void reasons that mean a booklet was printed on and spoiled. */
const BOOKLET_SPOILED = new Set(['spoiled', 'other']);

/** [start, end) of a Beijing calendar day as ISO instants (the ledger's timestamps). */
export function beijingDayBounds(day: string): { from: string; to: string } {
  const start = Date.parse(`${day}T00:00:00+08:00`);
  return { from: new Date(start).toISOString(), to: new Date(start + 86_400_000).toISOString() };
}

export function dayReport(input: {
  reportId: string;
  day: string;
  registryCode: string;
  deskEvents: readonly DeskEvent[];
  numbers: readonly DayNumberEntry[];
  /** Certificate print jobs sent this day (first prints and reprints): one booklet each. */
  certificatePrints: number;
  overrides: readonly DayOverride[];
  /** Cases abandoned (from the audit chain); absent: none. */
  abandoned?: readonly DayAbandonment[];
  generatedAt: string;
}): DayReport {
  const { from, to } = beijingDayBounds(input.day);
  const within = (at: string | undefined): boolean => at !== undefined && at >= from && at < to;
  const count = (kind: DeskEvent['kind'], business: RegistryBusiness): number =>
    input.deskEvents.filter((event) => event.day === input.day && event.kind === kind && event.business === business).length;
  const issued = input.numbers.filter((entry) => entry.state === 'issued' && within(entry.takenAt)).map(({ number, type }) => ({ number, type }));
  const voided = input.numbers
    .filter((entry) => entry.state === 'void' && within(entry.voidedAt))
    .map(({ number, type, voidReason }) => ({ number, type, reason: voidReason ?? 'other' }));
  const spoiled = voided.filter((entry) => BOOKLET_SPOILED.has(entry.reason)).length;
  return {
    reportId: input.reportId,
    day: input.day,
    registryCode: input.registryCode,
    businesses: REGISTRY_BUSINESSES.map((business) => ({ business, started: count('started', business), completed: count('done', business), abandoned: count('abandoned', business) })),
    certificates: { issued, voided },
    booklets: { used: input.certificatePrints, issued: issued.length, voided: spoiled, balanced: input.certificatePrints === issued.length + spoiled },
    overrides: input.overrides.filter((entry) => within(entry.at)),
    abandoned: (input.abandoned ?? []).filter((entry) => within(entry.at)),
    generatedAt: input.generatedAt,
  };
}
