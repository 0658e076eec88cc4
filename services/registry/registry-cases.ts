/**
 * A registration at the desk as one case: its parties and review, the papers
 * signed by hand (printed here, captured back by scanner or camera), the
 * photos, and the certificate numbers issued under it. The case completes
 * only when every paper its business requires has been captured; then its
 * archive record and every captured page go to the backend in one
 * transaction (sync's outbox and uploads), exactly once.
 *
 * The terminal never loses a case: an open case is saved (sealed) in the
 * local store on every change, with the review it went through, and each
 * page captured into it is kept encrypted on disk, not only in the capture
 * cache, until the completed case's outbox item takes the file over. A
 * restart of the services resumes it. A page that is nonetheless gone is
 * named for capturing again, never a bare `capture-not-found`.
 */
import { randomUUID } from 'node:crypto';
import { TerminalError } from '../../contract/errors';
import { BUSINESS_TITLES, type RegistryBusiness } from '../../domain/registry/business';
import { documentKindOf, type SupportingDocument } from '../../domain/registry/supporting-documents';
import { isPrintedByDesk, missingPapers, requiredPapers, SIGNED_PAPERS, type SignedPaper } from '../../domain/registry/signed-papers';
import type { PrintJobRecord } from '../../domain/printing';
import type { Capture } from '../material-captures';
import type { ReviewView } from './national-review';
import { documentKind, paperData } from './case-papers';
import { namesOf, type RecaptureItem } from './case-words';
import { documentArchiveEntries, documentKeyFor, documentPages, documentViews, lostDocuments, missingDocuments, partyViews } from './case-documents';
import type { CaseParty, MaterialOut, OpenCase, PhotoKey, RegistryCaseDeps, RegistryCaseView } from './registry-case-types';

export { PHOTO_KEYS, type CaseParty, type MaterialOut, type PaperView, type PhotoKey, type RegistryCaseDeps, type RegistryCaseStore, type RegistryCaseView } from './registry-case-types';
import { refuseUnfitParties, sameIdNumber } from './case-parties';
import { CERTIFICATE_TYPE_OF, outstanding, OUTSTANDING_NAMES } from './case-wholeness';
import type { OutstandingItem } from '../../domain/registry/outstanding';

/** Which businesses a certificate type is issued in. */
const BUSINESS_OF_TYPE = Object.fromEntries(Object.entries(CERTIFICATE_TYPE_OF).map(([business, type]) => [type, business])) as Record<'J' | 'L' | 'BJ' | 'BL', RegistryBusiness>;

const extension = (mimeType: string): string => (mimeType === 'image/jpeg' ? 'jpg' : mimeType === 'image/png' ? 'png' : mimeType === 'image/tiff' ? 'tif' : 'bin');

export class RegistryCases {
  readonly #cases = new Map<string, OpenCase>();
  /** Completions in flight, so a double click cannot submit twice. */
  readonly #completing = new Map<string, Promise<RegistryCaseView>>();
  /** Certificates being issued in a case: it cannot complete under a number about to change. */
  readonly #issuing = new Map<string, number>();

  constructor(private readonly deps: RegistryCaseDeps) {
    for (const state of deps.store.load()) {
      const found = state as OpenCase;
      if (typeof found?.id !== 'string' || !found.papers || !Array.isArray(found.photos)) continue;
      this.#cases.set(found.id, found);
      if (found.review) deps.adoptReview(found.review);
    }
  }

  /** The open cases, oldest first: after a restart the desk shows them again. */
  openCases(): RegistryCaseView[] {
    return [...this.#cases.values()].filter((found) => !found.completedAt).map((found) => this.view(found.id));
  }

  /**
   * Whether an open case of this business names one of these parties: a step done inside it (a receipt, a record
   * certificate) is counted by the case's own started/done events, not a second time.
   */
  hasOpenCase(business: RegistryBusiness, idNumbers: readonly string[]): boolean {
    const wanted = new Set(idNumbers.map((idNumber) => idNumber.trim().toUpperCase()));
    return [...this.#cases.values()].some((found) => !found.completedAt && found.business === business && found.parties.some((party) => wanted.has(party.idNumber.trim().toUpperCase())));
  }

  #save(found: OpenCase): void {
    // A completed case is the outbox's now: saving it again would bring it back as open after a restart.
    if (found.completedAt) return;
    const review = found.reviewId ? (this.deps.review(found.reviewId) ?? found.review) : undefined;
    if (review) found.review = review;
    this.deps.store.save(found.id, found);
  }

  /** The page is still on the terminal: kept in the store, or at least in the capture cache. */
  #held(captureId: string): boolean {
    if (this.deps.store.page(captureId)) return true;
    try {
      this.deps.captures.get([captureId]);
      return true;
    } catch {
      return false;
    }
  }

  async #capture(captureId: string): Promise<Capture> {
    const kept = await this.deps.store.readPage(captureId);
    return kept ?? this.deps.captures.get([captureId])[0]!;
  }

  #overrideOf(found: OpenCase): ReviewView['override'] {
    return (found.reviewId ? (this.deps.review(found.reviewId) ?? found.review) : undefined)?.override;
  }

  /** The review changed (answered, overridden): cases under it save it, and keep an override's document. */
  async reviewChanged(view: ReviewView): Promise<void> {
    for (const found of this.#cases.values()) {
      if (found.completedAt || found.reviewId !== view.id) continue;
      found.review = structuredClone(view);
      const document = view.override?.captureId;
      if (document && !this.deps.store.page(document)) {
        const [capture] = this.deps.captures.get([document]);
        await this.deps.store.keepPage(found.id, document, capture!);
      }
      this.#save(found);
    }
  }

  #iso(): string {
    return new Date((this.deps.now ?? Date.now)()).toISOString();
  }

  #get(caseId: string): OpenCase {
    const found = this.#cases.get(caseId);
    if (!found) throw new TerminalError('registry-case-unknown', `no registry case ${caseId}`);
    return found;
  }

  #open(caseId: string): OpenCase {
    const found = this.#get(caseId);
    if (found.completedAt) throw new TerminalError('registry-case-completed', `registry case ${caseId} is completed`);
    return found;
  }

  open(business: RegistryBusiness, parties: CaseParty[], reviewId?: string): RegistryCaseView {
    refuseUnfitParties(business, parties, this.deps.documentProblems);
    const id = randomUUID();
    const papers = Object.fromEntries(SIGNED_PAPERS.map((paper) => [paper, [] as string[]])) as Record<SignedPaper, string[]>;
    const appointmentId = this.deps.appointmentFor(
      parties.map((party) => party.idNumber),
      business,
    );
    this.#cases.set(id, {
      id,
      business,
      // Each party's document kind as identified (or as their number shows): it decides the documents the case needs.
      parties: parties.map((party) => ({ ...structuredClone(party), documentType: documentKindOf(party) })),
      ...(reviewId ? { reviewId } : {}),
      ...(appointmentId ? { appointmentId } : {}),
      openedAt: this.#iso(),
      papers,
      photos: [],
      documents: {},
      certificateNumbers: [],
    });
    this.#save(this.#cases.get(id)!);
    this.deps.deskEvent('started', business, appointmentId);
    return this.view(id);
  }

  view(caseId: string): RegistryCaseView {
    const found = this.#get(caseId);
    const required = requiredPapers(found.business);
    const open = !found.completedAt;
    const lost = (captureId: string): boolean => open && !this.#held(captureId);
    const counts = Object.fromEntries(SIGNED_PAPERS.map((paper) => [paper, found.papers[paper].filter((id) => !lost(id)).length]));
    const override = open ? this.#overrideOf(found) : undefined;
    const overrideDocumentMissing = override !== undefined && lost(override.captureId);
    const recapture: RecaptureItem[] = [
      ...SIGNED_PAPERS.filter((paper) => found.papers[paper].some(lost)).map((paper) => ({ kind: 'paper' as const, paper })),
      ...lostDocuments(found, lost).map((document) => ({ kind: 'document' as const, ...document })),
      ...found.photos.filter((photo) => lost(photo.captureId)).map((photo) => ({ kind: 'photo' as const, key: photo.key })),
      ...(overrideDocumentMissing ? [{ kind: 'override-document' as const }] : []),
    ];
    return {
      id: found.id,
      business: found.business,
      state: found.completedAt ? 'completed' : 'open',
      parties: partyViews(found),
      papers: SIGNED_PAPERS.filter((paper) => required.includes(paper) || found.papers[paper].length > 0).map((paper) => ({
        paper,
        required: required.includes(paper),
        printable: isPrintedByDesk(paper) && documentKind(found.business, paper) !== undefined,
        pages: [...found.papers[paper]],
      })),
      missing: missingPapers(found.business, counts),
      documents: documentViews(found),
      missingDocuments: missingDocuments(found, lost),
      outstanding: this.#outstanding(found),
      partyIdNumbers: found.parties.map((party) => party.idNumber),
      photos: found.photos.map((photo) => ({ ...photo })),
      certificateNumbers: [...found.certificateNumbers],
      openedAt: found.openedAt,
      ...(found.completedAt ? { completedAt: found.completedAt } : {}),
      recapture,
      ...(found.reviewId ? { reviewId: found.reviewId } : {}),
      overrideDocumentMissing,
    };
  }

  /** A signed page captured back (scanner or camera): refused unless the terminal holds the capture. */
  async capturePaper(caseId: string, paper: SignedPaper, captureId: string): Promise<RegistryCaseView> {
    this.#open(caseId);
    const [capture] = this.deps.captures.get([captureId]);
    await this.deps.store.keepPage(caseId, captureId, capture!);
    const found = this.#open(caseId);
    // A page captured again replaces those of the paper that are gone.
    found.papers[paper] = found.papers[paper].filter((id) => this.#held(id));
    if (!found.papers[paper].includes(captureId)) found.papers[paper].push(captureId);
    this.#save(found);
    return this.view(caseId);
  }

  /**
   * A page of a party's supporting document (scanner or camera): refused when the case does not need that document of
   * that party, or the terminal does not hold the capture; nothing is recorded then.
   */
  async captureDocument(caseId: string, document: SupportingDocument, party: number, captureId: string): Promise<RegistryCaseView> {
    documentKeyFor(this.#open(caseId), document, party);
    const [capture] = this.deps.captures.get([captureId]);
    await this.deps.store.keepPage(caseId, captureId, capture!);
    const found = this.#open(caseId);
    const key = documentKeyFor(found, document, party);
    const documents = (found.documents ??= {});
    // A page captured again replaces those of the document that are gone.
    const pages = (documents[key] ?? []).filter((id) => this.#held(id));
    documents[key] = pages.includes(captureId) ? pages : [...pages, captureId];
    this.#save(found);
    return this.view(caseId);
  }

  /** A photo for the certificate and the review form: the couple's joint photo, or each party's for a divorce. */
  async addPhoto(caseId: string, key: PhotoKey, captureId: string): Promise<RegistryCaseView> {
    this.#open(caseId);
    const [capture] = this.deps.captures.get([captureId]);
    if (capture!.mimeType !== 'image/jpeg') throw new TerminalError('registry-photo-not-jpeg', 'a photo must be a JPEG');
    await this.deps.store.keepPage(caseId, captureId, capture!);
    const found = this.#open(caseId);
    // One photo per key: a new one replaces the previous take.
    const previous = found.photos.filter((photo) => photo.key === key && photo.captureId !== captureId).map((photo) => photo.captureId);
    found.photos = [...found.photos.filter((photo) => photo.key !== key), { key, captureId }];
    this.#save(found);
    this.deps.captures.discard(previous);
    for (const id of previous) this.deps.store.dropPage(id);
    return this.view(caseId);
  }

  discardPage(caseId: string, captureId: string): RegistryCaseView {
    const found = this.#open(caseId);
    for (const paper of SIGNED_PAPERS) found.papers[paper] = found.papers[paper].filter((id) => id !== captureId);
    for (const [key, pages] of Object.entries(found.documents ?? {})) found.documents![key] = (pages ?? []).filter((id) => id !== captureId);
    found.photos = found.photos.filter((photo) => photo.captureId !== captureId);
    this.#save(found);
    this.deps.captures.discard([captureId]);
    this.deps.store.dropPage(captureId);
    return this.view(caseId);
  }

  /** What the case's business still lacks beyond its papers (case-wholeness.ts); nothing once completed. */
  #outstanding(found: OpenCase): OutstandingItem[] {
    if (found.completedAt) return [];
    const review = found.reviewId ? (this.deps.review(found.reviewId) ?? found.review) : undefined;
    return outstanding(found, { review, numberState: (number) => this.deps.numberState(number) });
  }

  /**
   * Before a certificate is issued in a case: the case is one of this terminal's registry cases, still open, of the
   * business the certificate type ends, and its parties are on the certificate (by ID number). Returns a release to
   * call once the number is recorded (or the print failed): the case cannot complete in between.
   */
  holdForCertificate(caseId: string, type: 'J' | 'L' | 'BJ' | 'BL', certificateIdNumbers: readonly string[]): () => void {
    const found = this.#cases.get(caseId);
    if (!found) throw new TerminalError('certificate-case-unknown', `no registry case ${caseId} on this terminal`);
    if (found.completedAt || this.#completing.has(caseId)) throw new TerminalError('certificate-case-completed', `registry case ${caseId} is completed`);
    const business = BUSINESS_OF_TYPE[type];
    if (found.business !== business) throw new TerminalError('certificate-case-business', `a ${type} certificate is not issued in a ${found.business} case`, { type, business: BUSINESS_TITLES[found.business] });
    const onCertificate = (party: CaseParty): boolean => certificateIdNumbers.some((number) => sameIdNumber(number, party.idNumber));
    // Two-party businesses: the very couple; a replacement: its applicant is one of the two on the certificate.
    const same = found.parties.every(onCertificate) && (found.parties.length === 1 || certificateIdNumbers.length === found.parties.length);
    if (!same) throw new TerminalError('certificate-case-parties', `the certificate's parties are not those of case ${caseId}`);
    this.#issuing.set(caseId, (this.#issuing.get(caseId) ?? 0) + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.#issuing.get(caseId) ?? 1) - 1;
      if (left > 0) this.#issuing.set(caseId, left);
      else this.#issuing.delete(caseId);
    };
  }

  /** Called by the certificate print with the case it was printed for (held open by holdForCertificate). */
  certificateIssued(caseId: string, number: string, voided?: string): void {
    const found = this.#open(caseId);
    found.certificateNumbers = [...found.certificateNumbers.filter((entry) => entry !== voided), number];
    this.#save(found);
  }

  /** Before a divorce application is received for a case: the case is open, a divorce application, of these parties. */
  refuseReceiptFor(caseId: string, idNumbers: readonly string[]): void {
    const found = this.#open(caseId);
    if (found.business !== 'divorce-application') throw new TerminalError('registry-case-business-mismatch', `case ${caseId} is a ${found.business}`, { business: BUSINESS_TITLES[found.business] });
    const same = idNumbers.length === found.parties.length && found.parties.every((party) => idNumbers.some((number) => sameIdNumber(number, party.idNumber)));
    if (!same) throw new TerminalError('registry-case-parties-mismatch', `the parties are not those of case ${caseId}`);
  }

  /** The centre recorded the divorce application and its receipt printed: the application case is whole once signed. */
  divorceApplicationReceived(caseId: string, applicationId: string, receiptJobId: string): void {
    const found = this.#open(caseId);
    found.divorceApplication = { applicationId, receiptJobId };
    this.#save(found);
  }

  /** Before a record certificate is issued for a case: the case is open, a record certificate's, of this person. */
  refuseRecordCertificateFor(caseId: string, idNumber: string): void {
    const found = this.#open(caseId);
    if (found.business !== 'record-certificate') throw new TerminalError('registry-case-business-mismatch', `case ${caseId} is a ${found.business}`, { business: BUSINESS_TITLES[found.business] });
    if (!found.parties.some((party) => sameIdNumber(party.idNumber, idNumber))) throw new TerminalError('registry-case-parties-mismatch', `the person is not the party of case ${caseId}`);
  }

  /** The record certificate the centre issued for the case's party. */
  recordCertificateIssued(caseId: string, number: string): void {
    const found = this.#open(caseId);
    found.recordCertificate = { number };
    this.#save(found);
  }

  async printPaper(caseId: string, paper: SignedPaper, printerId: string): Promise<PrintJobRecord> {
    const found = this.#open(caseId);
    const kind = documentKind(found.business, paper);
    if (!kind) throw new TerminalError('registry-paper-not-printable', `the desk does not print ${paper} for ${found.business}`, namesOf(found, [{ kind: 'paper', paper }], 'paper'));
    const data = await paperData(found, kind, {
      today: () => this.deps.today(),
      registryName: () => this.deps.registryName(),
      review: found.reviewId ? (this.deps.review(found.reviewId) ?? found.review) : undefined,
      readPhotos: () => this.#readPhotos(found),
      records: this.deps.records,
    });
    return this.deps.printDocument(printerId, kind, data);
  }

  /** The case's photos, in its order; refuses (naming what to capture again) when a page is gone. */
  async #readPhotos(found: OpenCase): Promise<Capture[]> {
    this.#refuseLost(found);
    const out: Capture[] = [];
    for (const photo of found.photos) out.push(await this.#capture(photo.captureId));
    return out;
  }

  /** Names what must be captured again (in both languages of the officer messages), instead of failing on a capture that is gone. */
  #refuseLost(found: OpenCase): void {
    const { recapture } = this.view(found.id);
    if (recapture.length > 0) throw new TerminalError('registry-recapture-needed', 'captured pages are gone', { ...namesOf(found, recapture, 'names'), count: recapture.length });
  }

  /**
   * Refuses while the case is not whole: a required paper missing, or its business's outcome not recorded (the
   * review, the certificate number in force, the receipt), named in the officer message; otherwise archives the case once.
   */
  complete(caseId: string): Promise<RegistryCaseView> {
    const found = this.#get(caseId);
    if (found.completedAt) return Promise.resolve(this.view(caseId));
    const inFlight = this.#completing.get(caseId);
    if (inFlight) return inFlight;
    if (this.#issuing.has(caseId)) throw new TerminalError('registry-case-issuing', `a certificate is being issued in case ${caseId}`);
    this.#refuseLost(found);
    const view = this.view(caseId);
    // The papers still unsigned and the documents the couple must still produce, named together.
    const absent: RecaptureItem[] = [...view.missing.map((paper) => ({ kind: 'paper' as const, paper })), ...view.missingDocuments.map((document) => ({ kind: 'document' as const, ...document }))];
    if (view.outstanding.length > 0) {
      const named = namesOf(found, absent);
      const names = (language: 0 | 1) => view.outstanding.map((item) => OUTSTANDING_NAMES[item][language]);
      throw new TerminalError('registry-case-incomplete', 'the case is not whole', {
        missing: [named.missing, ...names(0)].filter(Boolean).join('、'),
        missingEn: [named.missingEn, ...names(1)].filter(Boolean).join(', '),
        count: absent.length + view.outstanding.length,
      });
    }
    if (view.missingDocuments.length > 0) throw new TerminalError('registry-documents-missing', 'required documents are not captured', { ...namesOf(found, absent), count: absent.length });
    if (view.missing.length > 0) throw new TerminalError('registry-papers-missing', 'required signed papers are not captured', { ...namesOf(found, absent), count: view.missing.length });
    const completion = this.#archive(found).finally(() => this.#completing.delete(caseId));
    this.#completing.set(caseId, completion);
    return completion;
  }

  /**
   * Abandons an open case that will never complete (the couple left, a wrong business was opened): nothing of it
   * stays on the terminal (its sealed state, its kept pages, the capture cache), and the audit chain records who
   * abandoned it and why. A certificate number issued in it must be voided first: a booklet printed under it would
   * otherwise be unaccounted for.
   */
  abandon(caseId: string, reason: string): { id: string; abandonedAt: string } {
    const found = this.#open(caseId);
    if (this.#completing.has(caseId)) throw new TerminalError('registry-case-completing', `registry case ${caseId} is being archived`);
    const why = reason.trim();
    if (why.length < 2) throw new TerminalError('registry-case-abandon-reason', 'a reason is required');
    const unvoided = found.certificateNumbers.filter((number) => this.deps.numberState(number) !== 'void');
    if (unvoided.length > 0) throw new TerminalError('registry-case-abandon-issued', 'certificate numbers issued in the case are not voided', { numbers: unvoided.join('、'), count: unvoided.length });
    const abandonedAt = this.#iso();
    const captureIds = [...SIGNED_PAPERS.flatMap((paper) => found.papers[paper]), ...documentPages(found), ...found.photos.map((photo) => photo.captureId)];
    // Only what identifies the case, never the parties: the audit chain outlives the case's personal data.
    this.deps.store.abandon(caseId, {
      business: found.business,
      reason: why.slice(0, 500),
      openedAt: found.openedAt,
      voidedNumbers: [...found.certificateNumbers],
      ...(found.appointmentId ? { appointmentId: found.appointmentId } : {}),
    });
    this.#cases.delete(caseId);
    this.deps.captures.discard(captureIds);
    return { id: caseId, abandonedAt };
  }

  async #archive(found: OpenCase): Promise<RegistryCaseView> {
    const entries: { key: string; captureId: string }[] = [
      ...SIGNED_PAPERS.flatMap((paper) => found.papers[paper].map((captureId) => ({ key: `paper:${paper}`, captureId }))),
      ...documentArchiveEntries(found),
      ...found.photos.map((photo) => ({ key: `photo:${photo.key}`, captureId: photo.captureId })),
    ];
    const review = found.reviewId ? (this.deps.review(found.reviewId) ?? found.review) : undefined;
    const overrideCapture = review?.override?.captureId;
    if (overrideCapture) entries.push({ key: 'override-document', captureId: overrideCapture });
    const pageOf = new Map<string, number>();
    const materials: MaterialOut[] = entries.map((entry) => {
      const page = (pageOf.get(entry.key) ?? 0) + 1;
      pageOf.set(entry.key, page);
      // A kept page goes as its file; only one the store never took (it failed to) is written from the cache.
      const kept = this.deps.store.page(entry.captureId);
      const capture = kept ? undefined : this.deps.captures.get([entry.captureId])[0]!;
      const fileName = `${entry.key.replaceAll(':', '-')}-${page}.${extension(kept?.mimeType ?? capture!.mimeType)}`;
      return kept ? { materialKey: entry.key, fileName, keptPageId: entry.captureId } : { materialKey: entry.key, fileName, mimeType: capture!.mimeType, data: capture!.data };
    });
    const completedAt = this.#iso();
    const payload = {
      business: found.business,
      // An older case's parties carry the kind their numbers show, as the desk required their documents by it.
      parties: found.parties.map((party) => ({ ...party, documentType: documentKindOf(party) })),
      materials: materials.map((material) => ({ key: material.materialKey, fileName: material.fileName, mimeType: 'mimeType' in material ? material.mimeType : this.deps.store.page(material.keptPageId)!.mimeType })),
      certificateNumbers: found.certificateNumbers,
      ...(found.divorceApplication ? { divorceApplicationId: found.divorceApplication.applicationId } : {}),
      ...(found.recordCertificate ? { recordCertificateNumber: found.recordCertificate.number } : {}),
      ...(review && review.state === 'answered'
        ? {
            review: {
              reviewId: review.id,
              hit: review.hit,
              ...(review.override ? { override: { reason: review.override.reason, fileName: materials.find((m) => m.materialKey === 'override-document')!.fileName, at: review.override.at } } : {}),
            },
          }
        : {}),
      ...(found.appointmentId ? { appointmentId: found.appointmentId } : {}),
      openedAt: found.openedAt,
      completedAt,
    };
    await this.deps.submit(found.id, payload, materials);
    if (review?.override && payload.review?.override) {
      this.deps.audit('registry.override-document-archived', review.id, { caseId: found.id, captureId: review.override.captureId, fileName: payload.review.override.fileName });
    }
    found.completedAt = completedAt;
    this.deps.deskEvent('done', found.business, found.appointmentId);
    this.deps.captures.discard(entries.map((entry) => entry.captureId));
    return this.view(found.id);
  }
}
