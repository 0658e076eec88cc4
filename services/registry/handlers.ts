/**
 * The registry desk's contract handlers, spread into the services' handler
 * table from the composition root with one line, plus the guard the
 * certificate call runs before a marriage certificate is printed.
 */
import type { CallInput } from '../../contract/api';
import { TerminalError } from '../../contract/errors';
import type { RegistryBusiness } from '../../domain/registry/business';
import type { WorkCalendar } from '../../domain/divorce-periods';
import { beijingDate } from '../../domain/legal-date';
import type { PrintJobRecord } from '../../domain/printing';
import type { Handlers } from '../rpc/dispatcher';
import { printerFor } from '../scope/print-scope';
import { z } from 'zod';
import { AppointmentDesk, type DeskSyncPort } from './appointment-desk';
import { askCentre, type CentrePort } from './centre-call';
import { DivorceApplications } from './divorce-applications';
import { NationalReview, type ReviewStore, type ReviewView } from './national-review';
import { RegistrationRecords } from './registration-records';
import type { KnownRecords } from './case-papers';
import { refuseSamePerson, refuseUnfitParties, type DocumentProblemsOf } from './case-parties';
import type { RegistryCases } from './registry-cases';

export interface RegistryDeps {
  sync: DeskSyncPort & {
    backendRequest<T = unknown>(method: string, path: string, options?: { body?: unknown; timeoutMs?: number }): Promise<{ data: T }>;
    audit(): {
      append(action: string, subject: string | null, details?: Record<string, unknown>): void;
      entriesAbout(action: string, subject: string): { id: number; action: string; subject: string | null; details: Record<string, unknown> }[];
    };
  };
  registryCode: string;
  reviewChanged(view: ReviewView): void;
  hasCapture(captureId: string): boolean;
  /** How long a pending review waits before it is asked again. */
  reviewRetryMs?: number;
  /** Where reviews are kept so a restart of the services loses none (review-store.ts); absent: memory only. */
  reviewStore?: ReviewStore;
  /** Keeps an override's supporting document on disk under the review (review-store.ts); absent: the capture cache only. */
  keepOverrideDocument?(reviewId: string, captureId: string): Promise<void>;
  /** The backend's working-day calendar (divorce periods). */
  calendar(): WorkCalendar;
  /** Prints an A4 document on a configured printer, audit-logged. */
  printDocument(printerId: string, kind: string, data: unknown): Promise<PrintJobRecord>;
  /**
   * The configured A4 printer (or the configured one the call names), resolved before the centre records anything,
   * so a terminal without one refuses with nothing half saved. Absent: the call must name its printer.
   */
  a4Printer?(printerId: string | undefined): string;
  /**
   * An open case of this business names one of these parties (registry-cases.ts): a step done inside it is counted
   * by the case's own started/done desk events. Absent: no case is ever open.
   */
  hasOpenCase?(business: RegistryBusiness, idNumbers: readonly string[]): boolean;
  /** Problems of a party's document as the terminal last read it (party-documents.ts). */
  documentProblems?: DocumentProblemsOf;
  /** The desk's cases: a receipt or record certificate printed for a case is recorded in it. */
  cases?(): Pick<RegistryCases, 'refuseReceiptFor' | 'divorceApplicationReceived' | 'refuseRecordCertificateFor' | 'recordCertificateIssued'>;
}

type RegistryCall =
  | 'registry.day'
  | 'registry.checkIn'
  | 'registry.walkIn'
  | 'registry.review'
  | 'registry.reviewStatus'
  | 'registry.overrideReview'
  | 'registry.printDivorceReceipt'
  | 'registry.reprintDivorceReceipt'
  | 'registry.reprintDivorceWithdrawal'
  | 'registry.findDivorceApplications'
  | 'registry.withdrawDivorceApplication'
  | 'registry.findOriginalRegistration'
  | 'registry.printRecordCertificate'
  | 'registry.reprintRecordCertificate';

export interface RegistryDesk {
  handlers: Pick<Handlers, RegistryCall>;
  /**
   * Before a certificate prints: a marriage certificate needs a clear national review of the parties on it; a divorce
   * certificate an application found through the centre, inside its window, registered there; a replacement the
   * original registration found through the centre.
   */
  guardCertificate(request: Pick<CallInput<'certificates.print'>, 'type' | 'data' | 'reviewId' | 'divorceApplicationId' | 'originalNumber' | 'caseId'>): Promise<void>;
  /** A review the desk holds (the case archive records it and its override). */
  reviewOf(reviewId: string): ReviewView | undefined;
  /** A review brought back by a resumed case (see NationalReview.adopt). */
  adoptReview(view: ReviewView): void;
  /** The applications and originals this desk has looked up, named on the papers of a case (case-papers.ts). */
  records: KnownRecords;
  /** At start, once the open cases are resumed: forgets reviews of past days that none of them (`keep`) holds. */
  forgetPastReviews(keep: ReadonlySet<string>): void;
  close(): void;
}

/** A review answer is a simple action: the desk waits this long before showing it as pending. */
const REVIEW_TIMEOUT_MS = 3_000;

export function createRegistryDesk(deps: RegistryDeps): RegistryDesk {
  const a4Printer = deps.a4Printer ?? ((printerId: string | undefined) => printerId ?? printerFor([], 'a4'));
  const desk = new AppointmentDesk(deps.sync, deps.registryCode);
  const review = new NationalReview({
    ask: async (body) => (await deps.sync.backendRequest('POST', '/v1/registry/reviews', { body, timeoutMs: REVIEW_TIMEOUT_MS })).data,
    changed: deps.reviewChanged,
    audit: (action, subject, details) => deps.sync.audit().append(action, subject, details),
    hasCapture: deps.hasCapture,
    ...(deps.reviewRetryMs ? { retryMs: deps.reviewRetryMs } : {}),
    ...(deps.reviewStore ? { store: deps.reviewStore } : {}),
  });
  const audit = (action: string, subject: string, details: Record<string, unknown>) => deps.sync.audit().append(action, subject, details);
  // A business done without a case of its own still counts in the day and moves its appointment to done.
  const stepDone = (business: RegistryBusiness, idNumbers: string[]): void => {
    if (!deps.hasOpenCase?.(business, idNumbers)) desk.stepDone(business, idNumbers);
  };
  const divorces = new DivorceApplications({
    centre: deps.sync,
    registryCode: deps.registryCode,
    today: () => beijingDate(deps.sync.serverNow()),
    calendar: deps.calendar,
    printDocument: deps.printDocument,
    audit,
    registrationOf: (applicationId) => registrationInAudit(deps.sync.audit(), applicationId),
    stepDone,
  });
  const needCases = () => {
    const cases = deps.cases?.();
    if (!cases) throw new TerminalError('registry-case-unknown', 'this desk keeps no registry cases');
    return cases;
  };
  const records = new RegistrationRecords({ centre: deps.sync, registryCode: deps.registryCode, printDocument: deps.printDocument, audit, stepDone });
  return {
    handlers: {
      'registry.day': () => desk.today(),
      'registry.checkIn': ({ idNumber }) => desk.checkIn(idNumber),
      'registry.walkIn': ({ business }) => desk.walkIn(business),
      'registry.review': async ({ business, parties }) => {
        refuseSamePerson(parties);
        return review.ask(business as RegistryBusiness, parties);
      },
      'registry.reviewStatus': ({ reviewId }) => review.get(reviewId),
      'registry.overrideReview': ({ reviewId, reason, captureId }) => {
        if (!deps.keepOverrideDocument || !review.checkOverride(reviewId, reason, captureId)) return review.override(reviewId, reason, captureId);
        // The document is on disk before the override is recorded: once answered, a restart loses neither.
        return deps.keepOverrideDocument(reviewId, captureId).then(() => review.override(reviewId, reason, captureId));
      },
      // The application is received today (Beijing) and recorded at the centre; the dates are the terminal's, whatever the screen sent.
      // Both parties identified (two people, fit documents) before anything prints; a case's receipt is recorded in it.
      'registry.printDivorceReceipt': async ({ printerId, parties, caseId }) => {
        refuseUnfitParties('divorce-application', parties, deps.documentProblems);
        const cases = caseId ? needCases() : undefined;
        cases?.refuseReceiptFor(caseId!, parties.map((party) => party.idNumber));
        const received = await divorces.receive(a4Printer(printerId), parties);
        cases?.divorceApplicationReceived(caseId!, received.applicationId, received.job.id);
        return received;
      },
      'registry.reprintDivorceReceipt': async ({ applicationId, printerId }) => divorces.reprintReceipt(applicationId, a4Printer(printerId)),
      'registry.reprintDivorceWithdrawal': async ({ applicationId, printerId }) => divorces.reprintWithdrawal(applicationId, a4Printer(printerId)),
      'registry.findDivorceApplications': ({ idNumbers }) => divorces.find(idNumbers),
      'registry.withdrawDivorceApplication': async ({ applicationId, idNumber, printerId }) => divorces.withdraw(applicationId, idNumber, a4Printer(printerId)),
      'registry.findOriginalRegistration': ({ type, idNumber, name }) => records.findOriginal(type, idNumber, name),
      'registry.printRecordCertificate': async ({ printerId, person, caseId }) => {
        refuseUnfitParties('record-certificate', [person], deps.documentProblems);
        const cases = caseId ? needCases() : undefined;
        cases?.refuseRecordCertificateFor(caseId!, person.idNumber);
        const issued = await records.printRecordCertificate(person, a4Printer(printerId));
        cases?.recordCertificateIssued(caseId!, issued.number);
        return issued;
      },
      'registry.reprintRecordCertificate': async ({ number, printerId }) => records.reprintRecordCertificate(number, a4Printer(printerId)),
    },
    async guardCertificate(request) {
      records.guardReplacement(request);
      if (request.type === 'L') await divorces.registerBeforePrint(request);
      if (request.type !== 'J') return;
      const parties = (request.data as { parties?: unknown }).parties;
      const idNumbers = Array.isArray(parties) ? parties.map((party) => String((party as { idNumber?: unknown })?.idNumber ?? '')) : [];
      review.refuseUnreviewed(request.reviewId, idNumbers);
      // Into the registration index before the booklet prints, so no desk's review finds this couple unmarried.
      await recordMarriage(deps.sync, deps.registryCode, request);
    },
    reviewOf: (reviewId) => {
      try {
        return review.get(reviewId);
      } catch {
        return undefined;
      }
    },
    adoptReview: (view) => review.adopt(view),
    records: {
      divorceApplicationOf: (idNumber) => divorces.heldFor(idNumber),
      originalOf: (kind, idNumber) => records.originalFor(kind, idNumber),
    },
    forgetPastReviews: (keep) => review.forgetPast(beijingDate(deps.sync.serverNow()), keep),
    close: () => review.close(),
  };
}

/**
 * The registration id this terminal last recorded at the centre for an application (`registry.divorce-registered`
 * in the audit chain). Read only when the desk's memory lacks it, i.e. after a restart of the services; the store
 * finds the application's entries by action and subject (an index), never by walking the chain.
 */
function registrationInAudit(audit: ReturnType<RegistryDeps['sync']['audit']>, applicationId: string): string | undefined {
  const recorded = audit.entriesAbout('registry.divorce-registered', applicationId).map((entry) => entry.details.registrationId);
  return recorded.filter((id): id is string => typeof id === 'string').at(-1);
}

const marriageSchema = z.object({
  registeredOn: z.string(),
  parties: z.array(z.object({ name: z.string(), sex: z.string(), nationality: z.string(), birthDate: z.string(), idNumber: z.string() })).length(2),
});

/**
 * Records a J's marriage at the centre, once per case (a reprint of a spoiled booklet re-sends the same case and
 * changes nothing there). A J prints only within a case; without one there is nothing to record it under.
 */
async function recordMarriage(centre: CentrePort, registryCode: string, request: { data: unknown; caseId?: string | undefined }): Promise<void> {
  const data = marriageSchema.safeParse(request.data);
  if (!request.caseId || !data.success) return;
  const parties = data.data.parties.map(({ name, sex, nationality, birthDate, idNumber }) => ({ name, sex, nationality, birthDate, idNumber }));
  await askCentre(centre, '/v1/registry/marriages', { caseId: request.caseId, registryCode, registeredOn: data.data.registeredOn, parties });
}
