/**
 * The supporting documents of a registry desk case (domain/registry/
 * supporting-documents.ts): what the case needs from each party, the pages
 * captured against each, what is missing or must be captured again, and the
 * archive entries (one material key per document and party). The view
 * carries keys (document, party); the screen names them, refusals name them
 * in both message languages (case-words.ts). The case's lifecycle stays in
 * registry-cases.ts; this file only reads a case's documents and checks a
 * capture against them.
 */
import { TerminalError } from '../../contract/errors';
import type { RegistryBusiness } from '../../domain/registry/business';
import { documentKindOf, documentMaterialKey, requiredDocuments, supportingDocumentName, type DocumentParty, type PartyDocumentKind, type SupportingDocument } from '../../domain/registry/supporting-documents';

/** What of a case its documents need (registry-cases' open case satisfies it). */
export interface DocumentsCase {
  business: RegistryBusiness;
  parties: readonly DocumentParty[];
  /** Pages captured per document and party, keyed by documentMaterialKey; absent in cases saved before documents were recorded. */
  documents?: Partial<Record<string, string[]>>;
}

/** A document of a party, by keys (the screen and the officer messages name it). */
export interface DocumentRef {
  document: SupportingDocument;
  party: 1 | 2;
}

export interface DocumentView extends DocumentRef {
  required: boolean;
  pages: string[];
}

export interface CasePartyView {
  name: string;
  /** The identity document the party identified with (the screen names it: 居民身份证, 护照 …). */
  documentType: PartyDocumentKind;
}

/** Each party with the identity document they identified with (recorded, or inferred for an older case). */
export function partyViews(found: DocumentsCase): CasePartyView[] {
  return found.parties.map((party) => {
    return { name: party.name, documentType: documentKindOf(party) };
  });
}

/** The case's documents, party by party, with the pages captured against each. */
export function documentViews(found: DocumentsCase): DocumentView[] {
  return requiredDocuments(found.business, found.parties).map((required) => ({
    document: required.document,
    party: required.party,
    required: true,
    pages: [...(found.documents?.[documentMaterialKey(required.document, required.party)] ?? [])],
  }));
}

/** The documents with no page still held, in order. */
export function missingDocuments(found: DocumentsCase, lost: (captureId: string) => boolean): DocumentRef[] {
  return documentViews(found)
    .filter((view) => !view.pages.some((page) => !lost(page)))
    .map(({ document, party }) => ({ document, party }));
}

/** The documents a captured page of which is gone from the terminal (to capture again). */
export function lostDocuments(found: DocumentsCase, lost: (captureId: string) => boolean): DocumentRef[] {
  return documentViews(found)
    .filter((view) => view.pages.some(lost))
    .map(({ document, party }) => ({ document, party }));
}

/**
 * The material key a page of `document` of `party` is recorded under; refused (naming the document and the party)
 * when the case does not need that document of that party.
 */
export function documentKeyFor(found: DocumentsCase, document: SupportingDocument, party: number): string {
  const needed = documentViews(found).find((view) => view.document === document && view.party === party);
  if (!needed) {
    const who = found.parties[party - 1]?.name ?? `当事人${party}`;
    throw new TerminalError('registry-document-not-required', `the case does not need ${document} of party ${party}`, {
      document: supportingDocumentName(document),
      documentEn: supportingDocumentName(document, 'en'),
      party: who,
    });
  }
  return documentMaterialKey(document, needed.party);
}

/** The documents' pages for the archive, in the case's order, each under its document's and party's key. */
export function documentArchiveEntries(found: DocumentsCase): { key: string; captureId: string }[] {
  return documentViews(found).flatMap((view) => view.pages.map((captureId) => ({ key: documentMaterialKey(view.document, view.party), captureId })));
}

/** Every page recorded against a document (also under a key no longer required), for discarding and abandoning. */
export function documentPages(found: DocumentsCase): string[] {
  return Object.values(found.documents ?? {}).flatMap((pages) => pages ?? []);
}

