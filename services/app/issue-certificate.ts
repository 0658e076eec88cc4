/**
 * Issuing a certificate, first print or reprint of a spoiled booklet: one use
 * case, so both run the same checks in the same order. The printer must be
 * configured (absent from the call: the configured certificate printer), the marriage and divorce rules and the national review must
 * allow it, and the number is taken inside a case, so every number issued is
 * linked to its case here and at the backend: a reprint stays in the case its
 * spoiled number was issued in; a first print needs the registry case the desk
 * opened for the couple and is refused without one. Either way the case must be
 * one of this terminal's registry cases, still open (a completed case's archive
 * would lack the number), of the business the certificate ends, with the
 * certificate's parties; it cannot complete while the number is being issued.
 * A marriage or divorce certificate (J, L) is dated the registry's day at the
 * moment it prints, whatever date the screen sent (it may have been opened
 * yesterday, or on a PC whose clock is wrong): the services fill it, and the
 * marriage-age and divorce-window rules are judged on that same day, so the
 * registrar never has to refresh and print again. A replacement (BJ, BL)
 * keeps the original registration's date (checked by the registry guard).
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
/** What was issued, with the registration date the certificate carries (the registry's day for J and L). */
export type CertificateIssued = CertificatePrintOutcome & { caseId: string; registeredOn?: string };

/** Certificates that record a registration made at this desk now, as opposed to a replacement of an earlier one. */
const DATED_BY_REGISTRY: ReadonlySet<string> = new Set(['J', 'L']);

/** The two calls over the one use case: a first print, and a reprint under a new number after a spoiled one. */
export interface CertificateIssue {
  print(request: CallInput<'certificates.print'>): Promise<CertificateIssued>;
  reprint(request: CallInput<'certificates.reprint'>): Promise<CertificateIssued & { voided: string }>;
}

export interface CertificateIssueDeps {
  printers: readonly PrinterTarget[];
  /** The registry's day: today on the Beijing calendar by the centre's clock (never the screen's). */
  registryDay(): string;
  /**
   * The registry desk's guard: the national review on a marriage certificate, the application found through the
   * centre (and registered there) for a divorce certificate, the original registration for a replacement.
   */
  guardReview(request: CallInput<'certificates.print'>): Promise<void> | void;
  /**
   * Checks the registry case a certificate of `type` for these parties is issued in (this terminal's, open, of the
   * matching business, of these parties) and holds it open until the returned release is called.
   */
  holdCase(caseId: string, type: CallInput<'certificates.print'>['type'], idNumbers: readonly string[]): () => void;
  /** Refuses a party whose document the terminal last read as unfit (expired card, failed passport zone). */
  refuseUnfitParties?(parties: readonly { idNumber: string }[]): void;
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

  async function issue(sent: CallInput<'certificates.print'>, spoiled?: Spoiled): Promise<CertificateIssued> {
    // The booklet goes to the certificate printer of the configuration unless the call names a configured one.
    const printerId = printerFor(deps.printers, 'certificate', sent.printerId);
    const request = datedByRegistry(sent);
    refuseAgainstRegistryRules(request);
    const parties = partiesOf(request.data);
    deps.refuseUnfitParties?.(parties);
    // The case first: the divorce guard records the registration at the centre, which must not happen for nothing.
    const caseId = caseOf(request, spoiled);
    const release = deps.holdCase(
      caseId,
      request.type,
      parties.map((party) => party.idNumber),
    );
    try {
      await deps.guardReview({ ...request, caseId });
      const certificate = { type: request.type, printerId, data: request.data, caseId };
      const outcome = spoiled
        ? await deps.printing.reprintCertificate({ ...certificate, spoiledNumber: spoiled.number, reason: spoiled.reason })
        : await deps.printing.printCertificate(certificate);
      deps.issued(caseId, outcome.number, spoiled?.number);
      auditPrint(deps.audit(), outcome.job, { kind: 'marriage-certificate', printerId, caseId, number: outcome.number });
      const registeredOn = request.data.registeredOn;
      return { number: outcome.number, job: outcome.job, caseId, ...(typeof registeredOn === 'string' ? { registeredOn } : {}) };
    } finally {
      release();
    }
  }

  /** A J or L carries the registry's day, taken once per print so the rules, the guard and the booklet agree. */
  function datedByRegistry(request: CallInput<'certificates.print'>): CallInput<'certificates.print'> {
    if (!DATED_BY_REGISTRY.has(request.type)) return request;
    return { ...request, data: { ...request.data, registeredOn: deps.registryDay() } };
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
    return request.caseId;
  }
}

/** The certificate's parties as the call sent them (the rules above refused a malformed list). */
function partiesOf(data: Record<string, unknown>): { idNumber: string }[] {
  const parties = Array.isArray(data.parties) ? (data.parties as unknown[]) : [];
  return parties.map((party) => ({ idNumber: String((party as { idNumber?: unknown } | null)?.idNumber ?? '') }));
}
