/**
 * The registry desk's end of day: the report of today (Beijing) built from
 * the desk's own records (desk events, the certificate number ledger, the
 * audit chain's certificate prints and review overrides), printable as a
 * PDF, and sent to the backend through the outbox.
 */
import { randomUUID } from 'node:crypto';
import { beijingDate } from '../../domain/legal-date';
import type { DeskEvent } from '../../domain/registry/appointments';
import { dayReport, beijingDayBounds, type DayNumberEntry, type DayOverride, type DayReport } from '../../domain/registry/day-report';
import type { PrintJobRecord } from '../../domain/printing';
import { registryForDivision } from '../../documents/kinds/registries';
import type { Handlers } from '../rpc/dispatcher';

interface AuditEntryView {
  id: number;
  at: string;
  action: string;
  subject: string | null;
  details: Record<string, unknown>;
}

export interface DayReportDeps {
  sync: {
    serverNow(): number;
    deskEventsOf(day: string): DeskEvent[];
    certificateNumbersBetween(fromIso: string, toIso: string): DayNumberEntry[];
    audit(): { entries(limit?: number, afterId?: number): AuditEntryView[] };
    submitDayReport(reportId: string, payload: Record<string, unknown>): void;
  };
  registryCode: string;
  printDocument(printerId: string, kind: string, data: unknown): Promise<PrintJobRecord>;
  /** The configured A4 printer (or the configured one the call names); refused when there is none. */
  a4Printer(printerId: string | undefined): string;
}

const AUDIT_PAGE = 1000;

/** Walks the audit chain for the day's certificate prints and review overrides (entries are in time order). */
function auditFacts(entries: (afterId: number) => AuditEntryView[], from: string, to: string): { certificatePrints: number; overrides: DayOverride[] } {
  let certificatePrints = 0;
  const overrides: DayOverride[] = [];
  for (let afterId = 0, page = entries(0); page.length > 0; afterId = page[page.length - 1]!.id, page = entries(afterId)) {
    for (const entry of page) {
      if (entry.at < from || entry.at >= to) continue;
      if (entry.action === 'document.printed' && entry.details.kind === 'marriage-certificate') certificatePrints += 1;
      if (entry.action === 'registry.review-overridden') overrides.push({ reviewId: entry.subject ?? '', reason: String(entry.details.reason ?? ''), at: entry.at });
    }
  }
  return { certificatePrints, overrides };
}

export function createDayReportDesk(deps: DayReportDeps): Pick<Handlers, 'registryDay.report' | 'registryDay.printReport' | 'registryDay.sendReport'> {
  const build = (): DayReport => {
    const now = deps.sync.serverNow();
    const day = beijingDate(now);
    const { from, to } = beijingDayBounds(day);
    const audit = deps.sync.audit();
    return dayReport({
      reportId: randomUUID(),
      day,
      registryCode: deps.registryCode,
      deskEvents: deps.sync.deskEventsOf(day),
      numbers: deps.sync.certificateNumbersBetween(from, to),
      ...auditFacts((afterId) => audit.entries(AUDIT_PAGE, afterId), from, to),
      generatedAt: new Date(now).toISOString(),
    });
  };
  return {
    'registryDay.report': () => build(),
    'registryDay.printReport': async ({ printerId: named }) => {
      const printerId = deps.a4Printer(named);
      const report = build();
      const registry = registryForDivision(deps.registryCode);
      const job = await deps.printDocument(printerId, 'registry-day-report', { ...report, ...(registry ? { registry } : {}) });
      return { report, job };
    },
    'registryDay.sendReport': () => {
      const report = build();
      deps.sync.submitDayReport(report.reportId, { ...report });
      return report;
    },
  };
}
