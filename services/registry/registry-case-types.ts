/**
 * The shapes of a registry desk case (registry-cases.ts): the case as held
 * and saved, the view the desk shows, the archive's materials, and what the
 * case needs of the terminal (store, captures, review, sync, printing).
 */
import type { RegistryBusiness } from '../../domain/registry/business';
import type { SignedPaper } from '../../domain/registry/signed-papers';
import type { PartyDocumentKind } from '../../domain/registry/supporting-documents';
import type { PrintJobRecord } from '../../domain/printing';
import type { Capture } from '../material-captures';
import type { ReviewView } from './national-review';
import type { KnownRecords } from './case-papers';
import type { RecaptureItem } from './case-words';
import type { CasePartyView, DocumentRef, DocumentView } from './case-documents';
import type { OutstandingItem } from '../../domain/registry/outstanding';
import type { DocumentProblemsOf } from './case-parties';

export interface CaseParty {
  name: string;
  sex: string;
  nationality: string;
  birthDate: string;
  idNumber: string;
  /** The identity document the party identified with; absent in cases opened before it was recorded (then inferred). */
  documentType?: PartyDocumentKind;
}

export const PHOTO_KEYS = ['joint', 'party-1', 'party-2'] as const;
export type PhotoKey = (typeof PHOTO_KEYS)[number];

export interface OpenCase {
  id: string;
  business: RegistryBusiness;
  parties: CaseParty[];
  reviewId?: string;
  /** Today's appointment of these parties for this business, when they booked one (not for a walk-in). */
  appointmentId?: string;
  openedAt: string;
  papers: Record<SignedPaper, string[]>;
  photos: { key: PhotoKey; captureId: string }[];
  /** Pages of the supporting documents, per document and party (case-documents.ts); absent in older saved cases. */
  documents?: Partial<Record<string, string[]>>;
  certificateNumbers: string[];
  completedAt?: string;
  /** The review as last seen (the review service holds it in memory): a resumed case brings it back. */
  review?: ReviewView;
  /** A divorce application's case: the application the centre recorded and the receipt printed for it. */
  divorceApplication?: { applicationId: string; receiptJobId: string };
  /** A record certificate's case: the number the centre issued it under. */
  recordCertificate?: { number: string };
}

export interface PaperView {
  paper: SignedPaper;
  required: boolean;
  /** The desk prints it (a document kind exists for it); otherwise it is the couple's own. */
  printable: boolean;
  pages: string[];
}

export interface RegistryCaseView {
  id: string;
  business: RegistryBusiness;
  state: 'open' | 'completed';
  /** The parties with the identity document each identified with. */
  parties: CasePartyView[];
  papers: PaperView[];
  /** The supporting documents each party brings (passport copy, certificate of no spouse, marriage certificate …). */
  documents: DocumentView[];
  /** The required documents with no page captured yet, party by party (keys). */
  missingDocuments: DocumentRef[];
  /** The required papers not captured yet, in signing order (keys: the screen names them). */
  missing: SignedPaper[];
  /** What else keeps the case from completing: its business's outcome not yet recorded (review, number in force, receipt). */
  outstanding: OutstandingItem[];
  /** The parties' ID numbers: the screen starts a new case when other parties are identified. */
  partyIdNumbers: string[];
  photos: { key: PhotoKey; captureId: string }[];
  certificateNumbers: string[];
  openedAt: string;
  completedAt?: string;
  /** What was captured but is no longer on the terminal and must be captured again (keys). */
  recapture: RecaptureItem[];
  reviewId?: string;
  /** The override's supporting document is gone: scan it again (the reason stands). */
  overrideDocumentMissing: boolean;
}

/** A page going to the archive: its bytes, or a page the store already keeps (its file is taken over as it is). */
export type MaterialOut = { materialKey: string; fileName: string } & ({ mimeType: string; data: Uint8Array } | { keptPageId: string });

/** Where open cases and their pages are kept (sync's store, sealed and encrypted at rest). */
export interface RegistryCaseStore {
  save(caseId: string, state: unknown): void;
  load(): unknown[];
  keepPage(caseId: string, pageId: string, page: Capture): Promise<void>;
  page(pageId: string): { mimeType: string } | undefined;
  readPage(pageId: string): Promise<Capture | undefined>;
  dropPage(pageId: string): void;
  /**
   * Removes the case's state and its pages, recording the abandonment in the audit chain and as a desk event (its
   * appointment, if any, goes back to checked in) in one transaction.
   */
  abandon(caseId: string, details: { business: RegistryBusiness; reason: string; openedAt: string; voidedNumbers: string[]; appointmentId?: string }): void;
}

export interface RegistryCaseDeps {
  captures: { get(ids: readonly string[]): Capture[]; discard(ids: readonly string[]): void };
  review(reviewId: string): ReviewView | undefined;
  store: RegistryCaseStore;
  /** A resumed case hands its review back to the review service (the certificate guard asks it). */
  adoptReview(view: ReviewView): void;
  /** Commits the archive record and its materials together (sync.submitRegistryCase). */
  submit(caseId: string, payload: Record<string, unknown>, materials: MaterialOut[]): Promise<void>;
  deskEvent(kind: 'started' | 'done', business: RegistryBusiness, appointmentId?: string): void;
  /** Today's appointment of a party for the business, if any: the desk's list then shows it in progress and done. */
  appointmentFor(idNumbers: readonly string[], business: RegistryBusiness): string | undefined;
  printDocument(printerId: string, kind: string, data: unknown): Promise<PrintJobRecord>;
  /** A certificate number's state in the terminal's lease store (an abandoned case must hold none still issued). */
  numberState(number: string): 'issued' | 'void' | undefined;
  /** The audit chain: an override's supporting document is recorded as archived with its case. */
  audit(action: string, subject: string, details: Record<string, unknown>): void;
  /** The review form and hand-over receipt show today's Beijing date and the registry. */
  today(): string;
  registryName(): string | undefined;
  /** What the desk looked up at the centre (a divorce application, a replacement's original): the papers name it. */
  records?: KnownRecords;
  /** Problems of a party's document as the terminal last read it (expired card, failed passport zone). */
  documentProblems?: DocumentProblemsOf;
  now?: () => number;
}
