/**
 * Every print is attributable: an audit entry per job (its kind, printer and
 * case; never the document's content), written under the acting officer like
 * every entry of a call. Certificate numbers are audited where they are taken
 * and voided (sync), so a certificate print adds the job to its number.
 */
import type { PrintJobRecord } from '../domain/printing';

export interface AuditSink {
  append(action: string, subject: string | null, details: Record<string, unknown>): void;
}

export function auditPrint(audit: AuditSink, job: PrintJobRecord, facts: { kind: string; printerId: string; caseId?: string | undefined; number?: string | undefined }): PrintJobRecord {
  audit.append('document.printed', job.id, {
    kind: facts.kind,
    printerId: facts.printerId,
    ...(facts.caseId ? { caseId: facts.caseId } : {}),
    ...(facts.number ? { number: facts.number } : {}),
  });
  return job;
}
