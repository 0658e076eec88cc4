/**
 * Issuing a certificate, first print or reprint of a spoiled booklet: one use
 * case, so both run the same checks in the same order. The printer must be
 * configured (absent from the call: the configured certificate printer), the marriage and divorce rules and the national review must
 * allow it, and the number is taken inside a case, so every number issued is
 * linked to its case here and at the backend: a reprint stays in the case its
 * spoiled number was issued in; a first print needs the case the desk opened
 * for the couple (or a case this terminal holds) and is refused without one.
 * The print is audited with its number and case.
 */
import { TerminalError } from '../../contract/errors';
import type { CallInput } from '../../contract/api';
import type { PrinterTarget } from '../../domain/printing';
import type { CertificatePrintOutcome } from '../../drivers/printer/certificate-printing';
import { refuseAgainstRegistryRules } from '../certificate-rules';
import { auditPrint, type AuditSink } from '../print-audit';
import type { CertificateRequest } from '../printing';
import { printerFor } from '../scope/print-scope';

type Spoiled = { number: string; reason: string };
export type CertificateIssued = CertificatePrintOutcome & { caseId: string };

/** The two calls over the one use case: a first print, and a reprint under a new number after a spoiled one. */
export interface CertificateIssue {
  print(request: CallInput<'certificates.print'>): Promise<CertificateIssued>;
  reprint(request: CallInput<'certificates.reprint'>): Promise<CertificateIssued & { voided: string }>;
}

export interface CertificateIssueDeps {
  printers: readonly PrinterTarget[];
  /**
   * The registry desk's guard: the national review on a marriage certificate, the application found through the
   * centre (and registered there) for a divorce certificate, the original registration for a replacement.
   */
  guardReview(request: CallInput<'certificates.print'>): Promise<void> | void;
  /** Whether this terminal holds the case: a registry desk case opened for the couple, or a stored case. */
  caseExists(caseId: string): boolean;
  /** The case a number was issued in, as the store recorded it. */
  caseOfNumber(number: string): string | undefined;
  printing: {
    printCertificate(request: CertificateRequest): Promise<CertificatePrintOutcome>;
    reprintCertificate(request: CertificateRequest & { spoiledNumber: string; reason: string }): Promise<CertificatePrintOutcome & { voided: string }>;
  };
  /** Tells the case its number (and the number it replaces). */
  issued(caseId: string, number: string, voided?: string): void;
  audit(): AuditSink;
}

export function createCertificateIssue(deps: CertificateIssueDeps): CertificateIssue {
  return {
    print: (request) => issue(request),
    reprint: async ({ spoiledNumber, reason, ...request }) => {
      const outcome = await issue(request, { number: spoiledNumber, reason });
      return { ...outcome, voided: spoiledNumber };
    },
  };

  async function issue(request: CallInput<'certificates.print'>, spoiled?: Spoiled): Promise<CertificateIssued> {
    // The booklet goes to the certificate printer of the configuration unless the call names a configured one.
    const printerId = printerFor(deps.printers, 'certificate', request.printerId);
    refuseAgainstRegistryRules(request);
    // The case first: the divorce guard records the registration at the centre, which must not happen for nothing.
    const caseId = caseOf(request, spoiled);
    await deps.guardReview(request);
    const certificate = { type: request.type, printerId, data: request.data, caseId };
    const outcome = spoiled
      ? await deps.printing.reprintCertificate({ ...certificate, spoiledNumber: spoiled.number, reason: spoiled.reason })
      : await deps.printing.printCertificate(certificate);
    deps.issued(caseId, outcome.number, spoiled?.number);
    auditPrint(deps.audit(), outcome.job, { kind: 'marriage-certificate', printerId, caseId, number: outcome.number });
    return { number: outcome.number, job: outcome.job, caseId };
  }

  function caseOf(request: CallInput<'certificates.print'>, spoiled: Spoiled | undefined): string {
    // A reprint stays in the spoiled number's case: the screen cannot move it to another.
    const spoiledCase = spoiled && deps.caseOfNumber(spoiled.number);
    if (spoiledCase) {
      if (request.caseId !== undefined && request.caseId !== spoiledCase) {
        throw new TerminalError('certificate-case-mismatch', `number ${spoiled.number} was issued in another case`, { number: spoiled.number });
      }
      return spoiledCase;
    }
    if (request.caseId === undefined) throw new TerminalError('certificate-case-required', 'a certificate number is issued only within a case');
    if (!deps.caseExists(request.caseId)) throw new TerminalError('certificate-case-unknown', `no case ${request.caseId} on this terminal`);
    return request.caseId;
  }
}
