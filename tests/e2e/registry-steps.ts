/**
 * Steps of the registry desk that its specs share, done as a registrar would
 * (read the cards, print each paper, capture it back, complete the case), and
 * the checks of what the reference backend holds afterwards: the case archived
 * once with each captured paper once, each certificate number issued or voided
 * once in that case, the spooled certificate's text.
 */
import { execFileSync } from 'node:child_process';
import type { Page } from '@playwright/test';
import type { IdentityCard } from '../../domain/identity-card';
import type { SignedPaper } from '../../domain/registry/signed-papers';
import type { ReferenceBackend } from '../../fixtures/backend/server';
import type { IdCardReaderSimulator } from '../../fixtures/id-card-reader/simulator';
import { expect } from './harness';

/** A printer fixture as far as these steps need it: the PDFs it spooled. */
type Spooler = { spooledPdfs(): Promise<string[]> };

/** Each card placed fills the party the certificate desk is on, then the desk moves to the other. */
export async function readCards(app: Page, reader: IdCardReaderSimulator, ...cards: IdentityCard[]): Promise<void> {
  await app.getByTestId('nav-certificate').click();
  for (const [index, card] of cards.entries()) {
    if (index > 0) {
      reader.removeCard();
      // The reader reports a removal only after its poll: the next card must be seen as a new one.
      await app.waitForTimeout(1500);
    }
    reader.placeCard(card);
    await expect(app.getByTestId(`party-${index}-name`)).toHaveValue(card.name);
  }
}

/** A PDF's text as pdftotext reads it, without white space (lines break inside names and numbers). */
export const pdfText = (file: string): string => execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');

/** The text of the one spooled PDF holding `phrase` (several papers print in one test). */
export async function spooledText(printer: Spooler, phrase: string): Promise<string> {
  const found = (await printer.spooledPdfs()).map(pdfText).filter((text) => text.includes(phrase));
  if (found.length !== 1) throw new Error(`${found.length} spooled PDFs hold ${phrase}, expected one`);
  return found[0]!;
}

/** Opens the registration case of `business` on the desk (the panel's choice; it follows the certificate type). */
export async function openCase(app: Page, business?: string): Promise<void> {
  if (business) await app.getByTestId('registry-case-business').selectOption(business);
  await app.getByTestId('registry-case-open').click();
  await expect(app.getByTestId('registry-case')).toHaveAttribute('data-state', 'open');
}

/** Prints the certificate (opening the case if none is) and returns the number the desk shows and the booklet's spooled text. */
export async function printCertificate(app: Page, printer: Spooler): Promise<{ number: string; text: string }> {
  const before = new Set(await printer.spooledPdfs());
  await app.getByTestId('certificate-print').click();
  await expect(app.getByTestId('certificate-job-state')).toHaveAttribute('data-state', 'completed', { timeout: 30_000 });
  const number = (await app.getByTestId('certificate-number').textContent())!.trim();
  const spooled = (await printer.spooledPdfs()).filter((file) => !before.has(file));
  expect(spooled).toHaveLength(1);
  return { number, text: pdfText(spooled[0]!) };
}

/** Prints each paper from the case panel to the A4 printer and waits until each has printed. */
export async function printPapers(app: Page, papers: readonly SignedPaper[]): Promise<void> {
  for (const paper of papers) {
    await app.getByTestId(`paper-print-${paper}`).click();
    await expect(app.getByTestId(`paper-job-${paper}`)).toHaveAttribute('data-state', 'completed', { timeout: 30_000 });
  }
}

/** Scans each paper (signed on paper) back on the SANE scanner, one page more each time. */
export async function scanPapers(app: Page, papers: readonly SignedPaper[]): Promise<void> {
  for (const paper of papers) {
    const row = app.getByTestId(`paper-${paper}`);
    const pages = Number(await row.getAttribute('data-pages'));
    await app.getByTestId(`paper-scan-${paper}`).click();
    await expect(row).toHaveAttribute('data-pages', String(pages + 1), { timeout: 30_000 });
  }
}

/** Scans each party's supporting document (`marriage-certificate-party-1`: the document, then its party) on the SANE scanner. */
export async function scanDocuments(app: Page, documents: readonly string[]): Promise<void> {
  for (const document of documents) {
    await app.getByTestId(`document-scan-${document}`).click();
    await expect(app.getByTestId(`document-${document}`)).toHaveAttribute('data-pages', '1', { timeout: 30_000 });
  }
  await expect(app.getByTestId('documents-missing')).toHaveCount(0);
}

/** Prints the desk's papers and captures every required paper back: nothing is missing afterwards. */
export async function printAndCapturePapers(app: Page, papers: readonly SignedPaper[]): Promise<void> {
  await printPapers(app, papers.filter((paper) => paper !== 'divorce-agreement'));
  await scanPapers(app, papers);
  await expect(app.getByTestId('papers-missing')).toHaveCount(0);
}

/** The signed papers a marriage (and a replacement) needs, in the order they are signed. */
export const MARRIAGE_PAPERS = ['declaration', 'review-form', 'handover-receipt'] as const satisfies readonly SignedPaper[];

/** Prints and captures the papers, scans the parties' documents, and completes the case. */
export async function captureAndComplete(app: Page, papers: readonly SignedPaper[], documents: readonly string[] = []): Promise<void> {
  await printAndCapturePapers(app, papers);
  if (documents.length > 0) await scanDocuments(app, documents);
  await completeCase(app);
}

/** Completes the open case; the panel says so and offers no second completion. */
export async function completeCase(app: Page): Promise<void> {
  await app.getByTestId('registry-case-complete').click();
  await expect(app.getByTestId('registry-case')).toHaveAttribute('data-state', 'completed');
  await expect(app.getByTestId('registry-case-complete')).toHaveCount(0);
}

export type ArchivedCase = {
  caseId: string;
  appointmentId?: string;
  business: string;
  certificateNumbers: string[];
  parties: { name: string; nationality: string; idNumber: string }[];
  materials: { key: string; fileName: string; uploads: number; uploaded: boolean }[];
  review?: { hit: boolean; override?: { reason: string; fileName: string } };
};

/** The cases of the backend's e-archive, as its loopback view lists them. */
export async function archivedCases(url: string): Promise<ArchivedCase[]> {
  return ((await (await fetch(`${url}/admin/registry/cases`)).json()) as { cases: ArchivedCase[] }).cases;
}

/** The signed papers' keys in the archive, one per captured page, in signing order. */
export const paperKeys = (...papers: SignedPaper[]): string[] => papers.map((paper) => `paper:${paper}`);

/**
 * The backend holds exactly one case, of `business`, for these parties and certificate numbers, with exactly the
 * materials named (each uploaded once and complete) and no other upload for it. Returns the case.
 */
export async function expectArchivedOnce(
  backend: ReferenceBackend,
  expected: { business: string; parties: string[]; certificateNumbers: string[]; materials: string[] },
): Promise<ArchivedCase> {
  // Waits until the case and its uploads have arrived (the outbox sends the record, then each page).
  await expect
    .poll(async () => (await archivedCases(backend.url)).flatMap((entry) => entry.materials.filter((material) => material.uploaded)).length, { timeout: 30_000 })
    .toBeGreaterThanOrEqual(expected.materials.length);
  const cases = await archivedCases(backend.url);
  expect(cases.map((entry) => entry.business)).toEqual([expected.business]);
  const [archived] = cases;
  expect(archived!.parties.map((party) => party.name)).toEqual(expected.parties);
  expect(archived!.certificateNumbers).toEqual(expected.certificateNumbers);
  expect(archived!.materials.map((material) => [material.key, material.uploads, material.uploaded])).toEqual(expected.materials.map((key) => [key, 1, true]));
  // Nothing arrived twice for it, and nothing it does not list.
  expect(backend.uploads().filter((upload) => upload.caseId === archived!.caseId && upload.completed)).toHaveLength(expected.materials.length);
  return archived!;
}

/** Each number is at the backend once, in `caseId`: the issued ones issued, the voided ones voided; no other number in the case. */
export async function expectNumbersOnce(backend: ReferenceBackend, caseId: string, numbers: { issued: string[]; voided?: string[] }): Promise<void> {
  const voided = numbers.voided ?? [];
  const mine = [...numbers.issued, ...voided];
  await expect
    .poll(() => backend.certificateNumbers().filter((entry) => mine.includes(entry.number) || entry.caseId === caseId).map((entry) => [entry.number, entry.state, entry.caseId]).sort(), { timeout: 30_000 })
    .toEqual([...numbers.issued.map((number) => [number, 'issued', caseId]), ...voided.map((number) => [number, 'void', caseId])].sort());
}

/** The desk events the backend holds (no-shows of the sample day's other appointments left out). */
export async function deskEvents(url: string): Promise<{ kind: string; appointmentId?: string; business?: string }[]> {
  const { events } = (await (await fetch(`${url}/admin/registry/desk-events`)).json()) as { events: { kind: string; appointmentId?: string; business?: string }[] };
  return events.filter((event) => event.kind !== 'no-show');
}
