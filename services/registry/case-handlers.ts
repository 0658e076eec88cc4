/**
 * The contract handlers of the registry desk's cases (registry-cases.ts),
 * spread into the services' handler table from the composition root.
 */
import { beijingDate } from '../../domain/legal-date';
import { registryForDivision } from '../../documents/kinds/registries';
import type { DeskEvent } from '../../domain/registry/appointments';
import type { NewDeskEvent } from '../../sync/desk/desk-events';
import { AppointmentDesk, type DeskSyncPort } from './appointment-desk';
import type { Handlers } from '../rpc/dispatcher';
import { RegistryCases, type MaterialOut, type RegistryCaseDeps } from './registry-cases';

type CaseCall =
  | 'registryCase.open'
  | 'registryCase.get'
  | 'registryCase.openCases'
  | 'registryCase.printPaper'
  | 'registryCase.capturePaper'
  | 'registryCase.captureDocument'
  | 'registryCase.addPhoto'
  | 'registryCase.discardPage'
  | 'registryCase.complete'
  | 'registryCase.abandon';

export function registryCaseHandlers(cases: RegistryCases, a4Printer: (printerId: string | undefined) => string): Pick<Handlers, CaseCall> {
  return {
    'registryCase.open': ({ business, parties, reviewId }) => cases.open(business, parties, reviewId),
    'registryCase.get': ({ caseId }) => cases.view(caseId),
    'registryCase.openCases': () => cases.openCases(),
    // Declarations, review form, hand-over receipt: on the A4 printer, the registrar picks none.
    'registryCase.printPaper': async ({ caseId, paper, printerId }) => cases.printPaper(caseId, paper, a4Printer(printerId)),
    'registryCase.capturePaper': ({ caseId, paper, captureId }) => cases.capturePaper(caseId, paper, captureId),
    'registryCase.captureDocument': ({ caseId, document, party, captureId }) => cases.captureDocument(caseId, document, party, captureId),
    'registryCase.addPhoto': ({ caseId, key, captureId }) => cases.addPhoto(caseId, key, captureId),
    'registryCase.discardPage': ({ caseId, captureId }) => cases.discardPage(caseId, captureId),
    'registryCase.complete': ({ caseId }) => cases.complete(caseId),
    'registryCase.abandon': ({ caseId, reason }) => cases.abandon(caseId, reason),
  };
}

/** Builds the desk's cases over the terminal's captures, review, sync and printing. */
export function createRegistryCaseDesk(deps: {
  captures: RegistryCaseDeps['captures'];
  review: RegistryCaseDeps['review'];
  adoptReview: RegistryCaseDeps['adoptReview'];
  sync: {
    submitRegistryCase(caseId: string, payload: Record<string, unknown>, materials: MaterialOut[]): Promise<void>;
    saveOpenRegistryCase(caseId: string, state: unknown): void;
    openRegistryCases(): unknown[];
    keepRegistryPage(caseId: string, pageId: string, page: { data: Uint8Array; mimeType: string }): Promise<void>;
    registryPage(pageId: string): { mimeType: string } | undefined;
    readRegistryPage(pageId: string): Promise<{ data: Uint8Array; mimeType: string } | undefined>;
    dropRegistryPage(pageId: string): void;
    abandonOpenRegistryCase(caseId: string, details: Record<string, unknown>, deskEvent?: NewDeskEvent): void;
    certificateNumberState(number: string): 'issued' | 'void' | undefined;
    recordDeskEvent(event: NewDeskEvent): DeskEvent;
    serverNow(): number;
    audit(): { append(action: string, subject: string | null, details?: Record<string, unknown>): void };
  } & DeskSyncPort;
  printDocument: RegistryCaseDeps['printDocument'];
  documentProblems?: RegistryCaseDeps['documentProblems'];
  registryCode: string;
  records?: RegistryCaseDeps['records'];
  /** The configured A4 printer (or the configured one the call names); refused when there is none. */
  a4Printer(printerId: string | undefined): string;
}): { cases: RegistryCases; handlers: ReturnType<typeof registryCaseHandlers> } {
  const appointments = new AppointmentDesk(deps.sync, deps.registryCode);
  const cases = new RegistryCases({
    captures: deps.captures,
    review: deps.review,
    adoptReview: deps.adoptReview,
    store: {
      save: (caseId, state) => deps.sync.saveOpenRegistryCase(caseId, state),
      load: () => deps.sync.openRegistryCases(),
      keepPage: (caseId, pageId, page) => deps.sync.keepRegistryPage(caseId, pageId, page),
      page: (pageId) => deps.sync.registryPage(pageId),
      readPage: (pageId) => deps.sync.readRegistryPage(pageId),
      dropPage: (pageId) => deps.sync.dropRegistryPage(pageId),
      abandon: (caseId, details) =>
        deps.sync.abandonOpenRegistryCase(caseId, details, {
          day: beijingDate(deps.sync.serverNow()),
          kind: 'abandoned',
          business: details.business,
          ...(details.appointmentId ? { appointmentId: details.appointmentId } : {}),
        }),
    },
    numberState: (number) => deps.sync.certificateNumberState(number),
    submit: (caseId, payload, materials) => deps.sync.submitRegistryCase(caseId, payload, materials),
    deskEvent: (kind, business, appointmentId) => void deps.sync.recordDeskEvent({ day: beijingDate(deps.sync.serverNow()), kind, business, ...(appointmentId ? { appointmentId } : {}) }),
    appointmentFor: (idNumbers, business) => appointments.appointmentFor(idNumbers, business),
    printDocument: deps.printDocument,
    audit: (action, subject, details) => deps.sync.audit().append(action, subject, details),
    today: () => beijingDate(deps.sync.serverNow()),
    registryName: () => registryForDivision(deps.registryCode),
    ...(deps.records ? { records: deps.records } : {}),
    ...(deps.documentProblems ? { documentProblems: deps.documentProblems } : {}),
  });
  return { cases, handlers: registryCaseHandlers(cases, deps.a4Printer) };
}
