/**
 * A registration's papers signed by hand, from the registrar's side: each
 * required paper printed (ippeveprinter), signed on paper, captured back by
 * the SANE test scanner or Chromium's test camera; the case refuses to
 * complete while a paper is missing and says which; once complete the
 * backend holds the case and each captured paper exactly once.
 */
import { execFileSync } from 'node:child_process';
import type { Page } from '@playwright/test';
import { sampleCards } from '../../fixtures/id-card-reader/sample-cards';
import type { IdCardReaderSimulator } from '../../fixtures/id-card-reader/simulator';
import type { IdentityCard } from '../../domain/identity-card';
import { expect, test } from './harness';

test.use({ profile: 'registry-desk' });

type ArchivedCase = {
  caseId: string;
  business: string;
  certificateNumbers: string[];
  parties: { name: string }[];
  materials: { key: string; fileName: string; uploads: number; uploaded: boolean }[];
  review?: { hit: boolean; override?: { reason: string; fileName: string } };
};

async function archivedCases(url: string): Promise<ArchivedCase[]> {
  return ((await (await fetch(`${url}/admin/registry/cases`)).json()) as { cases: ArchivedCase[] }).cases;
}

async function readBothCards(app: Page, reader: IdCardReaderSimulator, first: IdentityCard, second: IdentityCard): Promise<void> {
  await app.getByTestId('nav-certificate').click();
  reader.placeCard(first);
  await expect(app.getByTestId('party-0-name')).toHaveValue(first.name);
  reader.removeCard();
  await app.waitForTimeout(1500);
  reader.placeCard(second);
  await expect(app.getByTestId('party-1-name')).toHaveValue(second.name);
}

/** The spooled PDF whose text contains `title`, as text without spaces. */
async function spooledText(printer: { spooledPdfs(): Promise<string[]> }, title: string): Promise<string> {
  for (const file of await printer.spooledPdfs()) {
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    if (text.includes(title)) return text;
  }
  throw new Error(`no spooled PDF with ${title}`);
}

test('a marriage completes only once its signed papers are captured back; the backend holds the case and each paper once', async ({ app, reader, printer, backend }, testInfo) => {
  await readBothCards(app, reader, sampleCards.resident, sampleCards.residentLongTerm);
  await expect(app.getByTestId('review')).toHaveAttribute('data-state', 'clear');
  const panel = app.getByTestId('registry-case');
  await expect(app.getByTestId('registry-case-business')).toHaveValue('marriage');
  await app.getByTestId('registry-case-open').click();
  await expect(panel).toHaveAttribute('data-state', 'open');
  await expect(app.getByTestId('papers-missing')).toHaveText('尚缺签字材料：申请结婚登记声明书、结婚登记审查处理表、证件领取签收单');

  // The declaration: printed, signed on paper, scanned back.
  await app.getByTestId('paper-print-declaration').click();
  await expect(app.getByTestId('paper-job-declaration')).toHaveAttribute('data-state', 'completed', { timeout: 30_000 });
  expect(await spooledText(printer, '申请结婚登记声明书')).toContain(sampleCards.resident.name);
  await app.getByTestId('paper-scan-declaration').click();
  await expect(app.getByTestId('paper-declaration')).toHaveAttribute('data-pages', '1', { timeout: 30_000 });
  await expect(app.getByTestId('papers-missing')).toHaveText('尚缺签字材料：结婚登记审查处理表、证件领取签收单');

  // Not complete yet: the desk says which papers are missing, and nothing reaches the backend.
  await app.getByTestId('registry-case-complete').click();
  await expect(app.getByTestId('registry-case-error')).toHaveText('还有 2 份签字材料未扫描归档：结婚登记审查处理表、证件领取签收单。请当事人签名按指纹后扫描或拍摄，再办结。');
  await expect(panel).toHaveAttribute('data-state', 'open');

  // The certificate is issued under the case; the review form and the hand-over receipt carry its number.
  await app.getByTestId('certificate-print').click();
  await expect(app.getByTestId('certificate-job-state')).toHaveAttribute('data-state', 'completed', { timeout: 30_000 });
  const number = (await app.getByTestId('certificate-number').textContent())!;
  await expect(app.getByTestId('registry-case-numbers')).toHaveText(number);
  await app.getByTestId('paper-print-review-form').click();
  await expect(app.getByTestId('paper-job-review-form')).toHaveAttribute('data-state', 'completed', { timeout: 30_000 });
  const reviewForm = await spooledText(printer, '结婚登记审查处理表');
  expect(reviewForm).toContain('未发现在婚记录');
  expect(reviewForm).toContain(number);
  await app.getByTestId('paper-print-handover-receipt').click();
  await expect(app.getByTestId('paper-job-handover-receipt')).toHaveAttribute('data-state', 'completed', { timeout: 30_000 });
  const receipt = await spooledText(printer, '证件领取签收单');
  expect(receipt).toContain(number);
  expect(receipt).toContain(sampleCards.residentLongTerm.name);

  // Captured back: the review form on the scanner, the receipt with the document camera.
  await app.getByTestId('paper-scan-review-form').click();
  await expect(app.getByTestId('paper-review-form')).toHaveAttribute('data-pages', '1', { timeout: 30_000 });
  await app.getByTestId('paper-photo-handover-receipt').click();
  await expect(app.getByTestId('document-camera')).toHaveAttribute('data-live', 'true');
  await app.getByTestId('camera-take').click();
  await expect(app.getByTestId('paper-handover-receipt')).toHaveAttribute('data-pages', '1');
  await expect(app.getByTestId('papers-missing')).toHaveCount(0);
  await app.screenshot({ path: testInfo.outputPath('registry-papers.png'), fullPage: true });

  await app.getByTestId('registry-case-complete').click();
  await expect(panel).toHaveAttribute('data-state', 'completed');
  await expect(app.getByTestId('registry-case-completed')).toBeVisible();

  await expect
    .poll(async () => (await archivedCases(backend.url)).flatMap((entry) => entry.materials.filter((material) => material.uploaded)).length, { timeout: 30_000 })
    .toBe(3);
  const cases = await archivedCases(backend.url);
  expect(cases).toHaveLength(1);
  const [archived] = cases;
  expect(archived!.business).toBe('marriage');
  expect(archived!.certificateNumbers).toEqual([number]);
  expect(archived!.parties.map((party) => party.name)).toEqual([sampleCards.resident.name, sampleCards.residentLongTerm.name]);
  expect(archived!.materials.map((material) => [material.key, material.uploads, material.uploaded])).toEqual([
    ['paper:declaration', 1, true],
    ['paper:review-form', 1, true],
    ['paper:handover-receipt', 1, true],
  ]);
  // Exactly the case's three papers arrived for it, nothing twice.
  expect(backend.uploads().filter((upload) => upload.caseId === archived!.caseId && upload.completed)).toHaveLength(3);
});
