/**
 * Calls of the registry desk's case archive: a registration opened as a case,
 * its papers signed by hand printed and captured back, its photos, and its
 * completion (refused while a required paper is missing); and the desk's
 * end-of-day report. Spread into the contract's table (api.ts).
 */
import { z } from 'zod';
import { REGISTRY_BUSINESSES } from '../domain/registry/business';
import { SIGNED_PAPERS } from '../domain/registry/signed-papers';
import { PARTY_DOCUMENT_KINDS, SUPPORTING_DOCUMENTS } from '../domain/registry/supporting-documents';
import { OUTSTANDING_ITEMS } from '../domain/registry/outstanding';
import type { PrintJobRecord } from '../domain/printing';

const businessSchema = z.enum(REGISTRY_BUSINESSES);
const paperSchema = z.enum(SIGNED_PAPERS);
const documentSchema = z.enum(SUPPORTING_DOCUMENTS);
const documentKindSchema = z.enum(PARTY_DOCUMENT_KINDS);
const partyNumber = z.union([z.literal(1), z.literal(2)]);
const photoKeySchema = z.enum(['joint', 'party-1', 'party-2']);
const caseId = z.string().min(1).max(64);
const captureId = z.string().min(1).max(64);

/**
 * Something captured into a case that is no longer on the terminal: a signed paper, a photo, or the override's
 * supporting document. Keys, not words: the screen names them in the officer's language.
 */
export const recaptureItemSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('paper'), paper: paperSchema }),
  z.object({ kind: z.literal('document'), document: documentSchema, party: partyNumber }),
  z.object({ kind: z.literal('photo'), key: photoKeySchema }),
  z.object({ kind: z.literal('override-document') }),
]);

/** The case as the desk shows it. Papers and photos are keys (the screen's i18n names them; the printed titles stay Chinese). */
export const registryCaseViewSchema = z.object({
  id: z.string(),
  business: businessSchema,
  state: z.enum(['open', 'completed']),
  /** Each party with the identity document they identified with (the screen names it: 居民身份证, 护照 …). */
  parties: z.array(z.object({ name: z.string(), documentType: documentKindSchema })),
  /** The supporting documents each party brings (a passport copy, a certificate of no spouse, a marriage certificate …). */
  documents: z.array(z.object({ document: documentSchema, party: partyNumber, required: z.boolean(), pages: z.array(z.string()) })),
  /** The required documents with no page captured yet, party by party. */
  missingDocuments: z.array(z.object({ document: documentSchema, party: partyNumber })),
  papers: z.array(z.object({ paper: paperSchema, required: z.boolean(), printable: z.boolean(), pages: z.array(z.string()) })),
  /** The required papers not captured yet, in signing order. */
  missing: z.array(paperSchema),
  /** What else keeps the case from completing: its business's outcome not recorded yet (keys: the screen names them). */
  outstanding: z.array(z.enum(OUTSTANDING_ITEMS)),
  /** The parties' ID numbers (the screen starts a new case when other parties are identified). */
  partyIdNumbers: z.array(z.string()),
  photos: z.array(z.object({ key: photoKeySchema, captureId: z.string() })),
  certificateNumbers: z.array(z.string()),
  openedAt: z.string(),
  completedAt: z.string().optional(),
  /** Captured but no longer on the terminal: to capture again. */
  recapture: z.array(recaptureItemSchema),
  /** The national review the case went through, if any (an override's document is re-scanned under it). */
  reviewId: z.string().optional(),
  overrideDocumentMissing: z.boolean(),
});

const casePartySchema = z.object({ name: z.string().min(1).max(60), sex: z.string().max(8), nationality: z.string().max(40), birthDate: z.string().max(10), idNumber: z.string().min(1).max(40), documentType: documentKindSchema.optional() }).strict();

export const dayReportSchema = z.object({
  reportId: z.string(),
  day: z.string(),
  registryCode: z.string(),
  businesses: z.array(z.object({ business: businessSchema, started: z.number(), completed: z.number(), abandoned: z.number() })),
  certificates: z.object({
    issued: z.array(z.object({ number: z.string(), type: z.string() })),
    voided: z.array(z.object({ number: z.string(), type: z.string(), reason: z.string() })),
  }),
  booklets: z.object({ used: z.number(), issued: z.number(), voided: z.number(), balanced: z.boolean() }),
  overrides: z.array(z.object({ reviewId: z.string(), reason: z.string(), at: z.string() })),
  abandoned: z.array(z.object({ caseId: z.string(), business: businessSchema, reason: z.string(), at: z.string() })),
  generatedAt: z.string(),
});

function call<I extends z.ZodType, O extends z.ZodType>(input: I, output: O) {
  return { input, output };
}

export const registryArchiveCalls = {
  /** Opens the registration of identified parties as a case (a "started" desk event). */
  'registryCase.open': call(
    z.object({ business: businessSchema, parties: z.array(casePartySchema).min(1).max(2), reviewId: z.string().max(64).optional() }).strict(),
    registryCaseViewSchema,
  ),
  'registryCase.get': call(z.object({ caseId }).strict(), registryCaseViewSchema),
  /** The cases still open (oldest first): after a restart the desk resumes them. */
  'registryCase.openCases': call(z.object({}).strict().optional(), z.array(registryCaseViewSchema)),
  /** Prints a paper of the case (declaration, review form with the photos, hand-over receipt) for signing by hand. */
  'registryCase.printPaper': call(z.object({ caseId, paper: paperSchema, printerId: z.string().min(1).max(512).optional() }).strict(), z.custom<PrintJobRecord>()),
  /** A signed paper captured back (a scan or a document-camera photo already held by the terminal). */
  'registryCase.capturePaper': call(z.object({ caseId, paper: paperSchema, captureId }).strict(), registryCaseViewSchema),
  /** A page of a party's supporting document; refused (`registry-document-not-required`) for one the case does not need of that party. */
  'registryCase.captureDocument': call(z.object({ caseId, document: documentSchema, party: partyNumber, captureId }).strict(), registryCaseViewSchema),
  'registryCase.addPhoto': call(z.object({ caseId, key: photoKeySchema, captureId }).strict(), registryCaseViewSchema),
  'registryCase.discardPage': call(z.object({ caseId, captureId }).strict(), registryCaseViewSchema),
  /**
   * Completes and archives the case; refused while it is not whole: a required paper (`registry-papers-missing`) or a
   * party's supporting document (`registry-documents-missing`) not captured, or its business's outcome not recorded
   * (`registry-case-incomplete`: review, certificate number in force, receipt, record certificate), listing what is missing.
   */
  'registryCase.complete': call(z.object({ caseId }).strict(), registryCaseViewSchema),
  /**
   * Abandons an open case never to be completed: the officer's reason goes to the audit chain, the case's saved state
   * and captured pages are removed. Refused (`registry-case-abandon-issued`) while a number issued in it is not voided.
   */
  'registryCase.abandon': call(z.object({ caseId, reason: z.string().trim().min(2).max(500) }).strict(), z.object({ id: z.string(), abandonedAt: z.string() })),
  /** Today's (Beijing) end-of-day report: cases per business, certificates issued and voided, booklets, overrides. */
  'registryDay.report': call(z.object({}).strict().optional(), dayReportSchema),
  /** The report printed as a PDF on an A4 printer. */
  'registryDay.printReport': call(z.object({ printerId: z.string().min(1).max(512).optional() }).strict(), z.object({ report: dayReportSchema, job: z.custom<PrintJobRecord>() })),
  /**
   * The report sent to the backend (queued in the outbox): one report per terminal and day, a later send replaces the
   * earlier one at the centre; `updated` when this send replaces one sent before.
   */
  'registryDay.sendReport': call(z.object({}).strict().optional(), dayReportSchema.extend({ updated: z.boolean() })),
} as const;
