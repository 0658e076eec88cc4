/**
 * The registry desk's end of day: the report of today (Beijing) built from
 * the desk's own records (desk events, the certificate number ledger, the
 * audit chain's certificate prints and review overrides of the day, found by
 * the store's index, never by walking the chain), printable as a PDF, and
 * sent to the backend through the outbox. A desk has one report per day: it
 * keeps one id for the day, and a later send (more work done since) replaces
 * the earlier one at the centre.
 */
import { beijingDate } from '../../domain/legal-date';
import type { DeskEvent } from '../../domain/registry/appointments';
import { dayAuditFacts, dayReport, beijingDayBounds, DAY_REPORT_AUDIT_ACTIONS, type DayAuditEntry, type DayNumberEntry, type DayReport } from '../../domain/registry/day-report';
import type { PrintJobRecord } from '../../domain/printing';
import { registryForDivision } from '../../documents/kinds/registries';
import type { Handlers } from '../rpc/dispatcher';

export interface DayReportDeps {
  sync: {
    serverNow(): number;
    deskEventsOf(day: string): DeskEvent[];
    certificateNumbersBetween(fromIso: string, toIso: string): DayNumberEntry[];
    audit(): { entriesBetween(actions: readonly string[], from: string, to: string): DayAuditEntry[]; entriesAbout(action: string, subject: string): unknown[] };
    submitDayReport(reportId: string, payload: Record<string, unknown>): void;
    /** Known once the terminal is registered with the centre (reports are sent only then). */
    terminalId(): string | undefined;
  };
  registryCode: string;
  printDocument(printerId: string, kind: string, data: unknown): Promise<PrintJobRecord>;
  /** The configured A4 printer (or the configured one the call names); refused when there is none. */
  a4Printer(printerId: string | undefined): string;
}

/** The one report of a terminal's day: the same id on every send, so the centre keeps one per terminal and day. */
export const dayReportId = (terminalId: string, day: string): string => `${terminalId}:${day}`;

/** The audit action a sent report leaves (sync-service's submitDayReport), by report id. */
const SENT = 'registry.day-report';

export function createDayReportDesk(deps: DayReportDeps): Pick<Handlers, 'registryDay.report' | 'registryDay.printReport' | 'registryDay.sendReport'> {
  const build = (): DayReport => {
    const now = deps.sync.serverNow();
    const day = beijingDate(now);
    const { from, to } = beijingDayBounds(day);
    return dayReport({
      reportId: dayReportId(deps.sync.terminalId() ?? 'unregistered', day),
      day,
      registryCode: deps.registryCode,
      deskEvents: deps.sync.deskEventsOf(day),
      numbers: deps.sync.certificateNumbersBetween(from, to),
      ...dayAuditFacts(deps.sync.audit().entriesBetween(DAY_REPORT_AUDIT_ACTIONS, from, to)),
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
      // Sent before today (this desk's audit chain says so): this send updates it at the centre.
      const updated = deps.sync.audit().entriesAbout(SENT, report.reportId).length > 0;
      deps.sync.submitDayReport(report.reportId, { ...report });
      return { ...report, updated };
    },
  };
}
