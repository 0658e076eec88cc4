/**
 * A registration's papers signed by hand, from the registrar's side: each
 * required paper printed (ippeveprinter), signed on paper, captured back by
 * the SANE test scanner or Chromium's test camera; the case refuses to
 * complete while a paper is missing and says which; once complete the
 * backend holds the case and each captured paper exactly once. The parties'
 * supporting documents likewise (a HK/Macao/Taiwan resident's notarised
 * declaration, a foreigner's certificate of no spouse, each party's marriage
 * certificate for a divorce).
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
  appointmentId?: string;
  business: string;
  certificateNumbers: string[];
  parties: { name: string }[];
  materials: { key: string; fileName: string; uploads: number; uploaded: boolean }[];
  review?: { hit: boolean; override?: { reason: string; fileName: string } };
  divorceApplicationId?: string;
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

/** The spooled PDF whose text contains `title`. */
async function spooledFile(printer: { spooledPdfs(): Promise<string[]> }, title: string): Promise<string> {
  for (const file of await printer.spooledPdfs()) {
    if (execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '').includes(title)) return file;
  }
  throw new Error(`no spooled PDF with ${title}`);
}

/** Its text without spaces. */
async function spooledText(printer: { spooledPdfs(): Promise<string[]> }, title: string): Promise<string> {
  return execFileSync('pdftotext', [await spooledFile(printer, title), '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
}

/** The images of a PDF as poppler's pdfimages lists them. */
async function pdfImages(file: string): Promise<{ width: number; height: number; encoding: string }[]> {
  const lines = execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' }).trim().split('\n').slice(2);
  return lines.map((line) => {
    const columns = line.trim().split(/\s+/);
    return { width: Number(columns[3]), height: Number(columns[4]), encoding: columns[8]! };
  });
}

test('a marriage completes only once its signed papers are captured back; the backend holds the case and each paper once', async ({ app, reader, printer, backend }, testInfo) => {
  await readBothCards(app, reader, sampleCards.resident, sampleCards.residentLongTerm);
  await expect(app.getByTestId('review')).toHaveAttribute('data-state', 'clear');
  const panel = app.getByTestId('registry-case');
  await expect(app.getByTestId('registry-case-business')).toHaveValue('marriage');
  await app.getByTestId('registry-case-open').click();
  await expect(panel).toHaveAttribute('data-state', 'open');
  // Whole means the papers signed and the certificate issued under the case (the review is clear already).
  await expect(app.getByTestId('papers-missing')).toHaveText('尚未办齐：申请结婚登记声明书、结婚登记审查处理表、证件领取签收单、结婚证（J 字号未签发）');

  // The declaration: printed, signed on paper, scanned back.
  await app.getByTestId('paper-print-declaration').click();
  await expect(app.getByTestId('paper-job-declaration')).toHaveAttribute('data-state', 'completed', { timeout: 30_000 });
  expect(await spooledText(printer, '申请结婚登记声明书')).toContain(sampleCards.resident.name);
  await app.getByTestId('paper-scan-declaration').click();
  await expect(app.getByTestId('paper-declaration')).toHaveAttribute('data-pages', '1', { timeout: 30_000 });
  await expect(app.getByTestId('papers-missing')).toHaveText('尚未办齐：结婚登记审查处理表、证件领取签收单、结婚证（J 字号未签发）');

  // Not complete yet: the desk says what is missing, and nothing reaches the backend.
  await app.getByTestId('registry-case-complete').click();
  await expect(app.getByTestId('registry-case-error')).toHaveText('本办件尚未办齐，不能办结：结婚登记审查处理表、证件领取签收单、结婚证（J 字号未签发）。请补齐后再办结。');
  await expect(panel).toHaveAttribute('data-state', 'open');

  // The certificate is issued under the case; the review form and the hand-over receipt carry its number.
  await app.getByTestId('certificate-print').click();
  await expect(app.getByTestId('certificate-job-state')).toHaveAttribute('data-state', 'completed', { timeout: 30_000 });
  const number = (await app.getByTestId('certificate-number').textContent())!;
  await expect(app.getByTestId('registry-case-numbers')).toHaveText(number);
  await expect(app.getByTestId('papers-missing')).toHaveText('尚未办齐：结婚登记审查处理表、证件领取签收单');
  // The couple's joint photo from the document camera, cut to the on-screen 2-inch guide; it prints on the review form.
  await app.getByTestId('photo-take-joint').click();
  await expect(app.getByTestId('document-camera')).toHaveAttribute('data-live', 'true');
  await expect(app.getByTestId('camera-guide')).toContainText('2 寸合影取景框');
  await app.getByTestId('camera-take').click();
  await expect(app.getByTestId('photo-joint')).toHaveAttribute('data-taken', 'true');
  await app.getByTestId('paper-print-review-form').click();
  await expect(app.getByTestId('paper-job-review-form')).toHaveAttribute('data-state', 'completed', { timeout: 30_000 });
  const reviewForm = await spooledText(printer, '结婚登记审查处理表');
  expect(reviewForm).toContain('未发现在婚记录');
  expect(reviewForm).toContain(number);
  expect(reviewForm).toContain('双方合影');
  const [image, ...otherImages] = await pdfImages(await spooledFile(printer, '结婚登记审查处理表'));
  expect(otherImages).toHaveLength(0);
  expect(image!.encoding).toBe('jpeg');
  // The guide's shape (53 × 35 mm), not the camera's 16:9 or 4:3 picture.
  expect(image!.width / image!.height).toBeCloseTo(53 / 35, 1);
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
  // Archived with its number: the screen offers no reprint under it any more.
  await expect(app.getByTestId('certificate-reprint')).toHaveCount(0);

  await expect
    .poll(async () => (await archivedCases(backend.url)).flatMap((entry) => entry.materials.filter((material) => material.uploaded)).length, { timeout: 30_000 })
    .toBe(4);
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
    ['photo:joint', 1, true],
  ]);
  // Exactly the case's three papers and its photo arrived for it, nothing twice.
  expect(backend.uploads().filter((upload) => upload.caseId === archived!.caseId && upload.completed)).toHaveLength(4);

  // The couple's 09:00 appointment went in progress when the case opened and is done now, on the desk and at the centre.
  await app.getByTestId('nav-registry').click();
  const appointment = app.locator('[data-testid^="appointment-reg-"]').first();
  await expect(appointment).toHaveAttribute('data-state', 'done');
  const appointmentId = (await appointment.getAttribute('data-testid'))!.replace('appointment-', '');
  expect(archived!.appointmentId).toBe(appointmentId);
  await expect
    .poll(async () => ((await (await fetch(`${backend.url}/admin/registry/desk-events`)).json()) as { events: { kind: string; appointmentId?: string }[] }).events.filter((event) => event.kind !== 'no-show').map((event) => [event.kind, event.appointmentId]), {
      timeout: 30_000,
    })
    .toEqual([
      ['started', appointmentId],
      ['done', appointmentId],
    ]);
});

type DayReport = {
  day: string;
  generatedAt: string;
  businesses: { business: string; started: number; completed: number; abandoned: number }[];
  certificates: { issued: { number: string }[]; voided: { number: string; reason: string }[] };
  booklets: { used: number; issued: number; voided: number; balanced: boolean };
  overrides: { reason: string }[];
  abandoned: { reason: string }[];
};

test("a HK/Macao/Taiwan resident and a foreigner: the case asks for the notarised declaration and the certificate of no spouse; an override's scanned document is archived with the case; the day's report counts it, reconciles the booklets, prints and reaches the backend once", async ({ app, reader, printer, backend }, testInfo) => {
  const reason = '当事人提交香港高等法院离婚判决书，全国系统未录入';
  await readBothCards(app, reader, sampleCards.gatResidence, sampleCards.foreignPermanent2023);
  await expect(app.getByTestId('review')).toHaveAttribute('data-state', 'hit');
  await app.getByTestId('review-override-reason').fill(reason);
  await app.getByTestId('review-override-scan').click();
  await expect(app.getByTestId('review-override-scanned')).toBeVisible({ timeout: 30_000 });
  await app.getByTestId('review-override').click();
  await expect(app.getByTestId('review')).toHaveAttribute('data-state', 'overridden');

  // Before opening, the desk shows each party's document as read from the card.
  await expect(app.getByTestId('registry-case-kind-1')).toHaveValue('gat-residence');
  await expect(app.getByTestId('registry-case-kind-2')).toHaveValue('foreign-permanent-2023');
  await app.getByTestId('registry-case-open').click();
  await expect(app.getByTestId('documents-party-1-identity')).toHaveText('港澳台居民居住证');
  await expect(app.getByTestId('documents-party-2-identity')).toHaveText('外国人永久居留身份证');
  await expect(app.getByTestId('documents-missing')).toHaveText('尚缺证件及证明材料：陈大文经居住地公证的无配偶及无禁婚亲属关系声明、玛丽经认证的无配偶证明');
  // A spoiled booklet: its number is voided and the certificate prints again under a new one.
  await app.getByTestId('certificate-print').click();
  await expect(app.getByTestId('certificate-job-state')).toHaveAttribute('data-state', 'completed', { timeout: 30_000 });
  const spoiled = (await app.getByTestId('certificate-number').textContent())!;
  await app.getByTestId('certificate-reprint').click();
  await expect(app.getByTestId('certificate-voided')).toContainText(spoiled);
  await expect(app.getByTestId('certificate-job-state')).toHaveAttribute('data-state', 'completed', { timeout: 30_000 });
  const issued = (await app.getByTestId('certificate-number').textContent())!;
  expect(issued).not.toBe(spoiled);
  await expect(app.getByTestId('registry-case-numbers')).toHaveText(issued);

  for (const paper of ['declaration', 'review-form', 'handover-receipt']) {
    await app.getByTestId(`paper-scan-${paper}`).click();
    await expect(app.getByTestId(`paper-${paper}`)).toHaveAttribute('data-pages', '1', { timeout: 30_000 });
  }
  await expect(app.getByTestId('papers-missing')).toHaveCount(0);
  // The signed papers are all in, the parties' documents are not: the case refuses and names them.
  await app.getByTestId('registry-case-complete').click();
  await expect(app.getByTestId('registry-case-error')).toHaveText(
    '还有 2 份材料未扫描归档：陈大文经居住地公证的无配偶及无禁婚亲属关系声明、玛丽经认证的无配偶证明。证件和证明材料请核对原件后扫描或拍摄，签字材料请当事人签名按指纹后扫描或拍摄，再办结。',
  );
  await expect(app.getByTestId('registry-case')).toHaveAttribute('data-state', 'open');
  // The declaration on the scanner, the certificate of no spouse with the document camera.
  await app.getByTestId('document-scan-notarised-declaration-party-1').click();
  await expect(app.getByTestId('document-notarised-declaration-party-1')).toHaveAttribute('data-pages', '1', { timeout: 30_000 });
  await expect(app.getByTestId('documents-missing')).toHaveText('尚缺证件及证明材料：玛丽经认证的无配偶证明');
  await app.getByTestId('document-photo-no-spouse-certificate-party-2').click();
  await expect(app.getByTestId('document-camera')).toHaveAttribute('data-live', 'true');
  await app.getByTestId('camera-take').click();
  await expect(app.getByTestId('document-no-spouse-certificate-party-2')).toHaveAttribute('data-pages', '1');
  await expect(app.getByTestId('documents-missing')).toHaveCount(0);
  await app.screenshot({ path: testInfo.outputPath('registry-documents.png'), fullPage: true });
  await app.getByTestId('registry-case-complete').click();
  await expect(app.getByTestId('registry-case')).toHaveAttribute('data-state', 'completed');

  // The override's document and each party's document reached the backend with the case, once.
  await expect.poll(async () => (await archivedCases(backend.url)).flatMap((entry) => entry.materials.filter((material) => material.uploaded)).length, { timeout: 30_000 }).toBe(6);
  const [archived, ...others] = await archivedCases(backend.url);
  expect(others).toHaveLength(0);
  expect(archived!.materials.map((material) => [material.key, material.uploads, material.uploaded])).toEqual([
    ['paper:declaration', 1, true],
    ['paper:review-form', 1, true],
    ['paper:handover-receipt', 1, true],
    ['document:notarised-declaration:party-1', 1, true],
    ['document:no-spouse-certificate:party-2', 1, true],
    ['override-document', 1, true],
  ]);
  expect(backend.uploads().filter((upload) => upload.caseId === archived!.caseId && upload.completed)).toHaveLength(6);
  expect(archived!.certificateNumbers).toEqual([issued]);
  expect(archived!.review).toMatchObject({ hit: true, override: { reason, fileName: 'override-document-1.jpg' } });
  expect(archived!.materials.find((material) => material.key === 'override-document')).toMatchObject({ uploads: 1, uploaded: true });

  // End of day, from the registrar's day screen.
  await app.getByTestId('nav-registry').click();
  await app.getByTestId('day-report-show').click();
  await expect(app.getByTestId('day-report-marriage')).toHaveText('结婚登记110');
  await expect(app.getByTestId('day-report-issued')).toHaveText(`发放证书 1 本：${issued}`);
  await expect(app.getByTestId('day-report-voided')).toHaveText(`作废证号 1 个：${spoiled}`);
  await expect(app.getByTestId('day-report-booklets')).toHaveText('证书簿册核对相符：领用 2 本 = 发放 1 + 作废 1');
  await expect(app.getByTestId('day-report-overrides')).toHaveText('审查结果继续办理 1 件');
  await app.screenshot({ path: testInfo.outputPath('day-report.png'), fullPage: true });

  await app.getByTestId('day-report-print').click();
  await expect(app.getByTestId('day-report-job-state')).toHaveAttribute('data-state', 'completed', { timeout: 30_000 });
  const pdf = await spooledText(printer, '婚姻登记日终报表');
  expect(pdf).toContain('结婚登记受理1件，办结1件');
  expect(pdf).toContain(`发放1本：${issued}`);
  expect(pdf).toContain(`作废1个：${spoiled}（打印损坏）`);
  expect(pdf).toContain('1+1=2本');
  expect(pdf).toContain('相符');
  expect(pdf).toContain('香港高等法院离婚判决书');
  expect(pdf).toContain('放弃的办件');

  await app.getByTestId('day-report-send').click();
  await expect(app.getByTestId('day-report-sent')).toBeVisible();
  await expect.poll(async () => ((await (await fetch(`${backend.url}/admin/registry/day-reports`)).json()) as { reports: DayReport[] }).reports.length, { timeout: 30_000 }).toBe(1);
  const [report] = ((await (await fetch(`${backend.url}/admin/registry/day-reports`)).json()) as { reports: DayReport[] }).reports;
  expect(report!.businesses.find((entry) => entry.business === 'marriage')).toEqual({ business: 'marriage', started: 1, completed: 1, abandoned: 0 });
  expect(report!.abandoned).toEqual([]);
  expect(report!.certificates.issued.map((entry) => entry.number)).toEqual([issued]);
  expect(report!.certificates.voided).toEqual([expect.objectContaining({ number: spoiled, reason: 'spoiled' })]);
  expect(report!.booklets).toEqual({ used: 2, issued: 1, voided: 1, balanced: true });
  expect(report!.overrides.map((entry) => entry.reason)).toEqual([reason]);

  // Sent again later the same day: the desk says it updated the report, and the centre still holds one for the day.
  await expect(app.getByTestId('day-report-sent')).toHaveAttribute('data-updated', 'false');
  await app.getByTestId('day-report-send').click();
  await expect(app.getByTestId('day-report-sent')).toHaveAttribute('data-updated', 'true');
  await expect(app.getByTestId('day-report-sent')).toContainText('已更新');
  await expect
    .poll(async () => ((await (await fetch(`${backend.url}/admin/registry/day-reports`)).json()) as { reports: DayReport[] }).reports.map((entry) => entry.generatedAt !== report!.generatedAt), { timeout: 30_000 })
    .toEqual([true]);
});

test("a party typed by hand: the case takes the document the registrar picks (a HK travel permit by its number, or a Chinese passport) and asks that person's documents", async ({ app, reader }) => {
  await app.getByTestId('nav-certificate').click();
  reader.placeCard(sampleCards.resident);
  await expect(app.getByTestId('party-0-name')).toHaveValue(sampleCards.resident.name);
  // The other party's document is not one the reader reads: typed from it.
  await app.getByTestId('party-1-name').fill('陈美玲');
  await app.getByTestId('party-1-sex').fill('女');
  await app.getByTestId('party-1-birthDate').fill('1993-05-01');
  await app.getByTestId('party-1-idNumber').fill('H12345678');
  await expect(app.getByTestId('party-1-nationality')).toHaveValue('中国');
  // The desk offers the kind the number shows; the registrar corrects it: she is an overseas Chinese with a Chinese passport.
  await expect(app.getByTestId('registry-case-kind-1')).toHaveValue('resident');
  await expect(app.getByTestId('registry-case-kind-2')).toHaveValue('hk-macao-travel-permit');
  await app.getByTestId('registry-case-kind-2').selectOption('passport');
  await app.getByTestId('registry-case-open').click();
  await expect(app.getByTestId('documents-party-2-identity')).toHaveText('护照');
  await expect(app.getByTestId('documents-party-1')).toContainText('无需另交材料');
  await expect(app.getByTestId('documents-missing')).toHaveText('尚缺证件及证明材料：陈美玲护照（个人资料页）、陈美玲经认证的无配偶及无禁婚亲属关系证明');
});

test("a divorce application: the declaration printed and both parties' photos, the couple's agreement captured page by page; archived once", async ({ app, reader, printer, backend }) => {
  await readBothCards(app, reader, sampleCards.resident, sampleCards.residentLongTerm);
  await app.getByTestId('certificate-type').selectOption('L');
  await app.getByTestId('registry-case-business').selectOption('divorce-application');
  await app.getByTestId('registry-case-open').click();
  await expect(app.getByTestId('papers-missing')).toHaveText('尚未办齐：申请离婚登记声明书、离婚协议书、离婚登记申请受理回执（未打印）');
  // Each party's own marriage certificate is presented, stamped and copied into the archive.
  await expect(app.getByTestId('documents-missing')).toHaveText(`尚缺证件及证明材料：${sampleCards.resident.name}持有的结婚证、${sampleCards.residentLongTerm.name}持有的结婚证`);
  // The agreement is the couple's own paper: captured, never printed by the desk.
  await expect(app.getByTestId('paper-print-divorce-agreement')).toHaveCount(0);

  await app.getByTestId('paper-print-declaration').click();
  await expect(app.getByTestId('paper-job-declaration')).toHaveAttribute('data-state', 'completed', { timeout: 30_000 });
  const declaration = await spooledText(printer, '申请离婚登记声明书');
  expect(declaration).toContain(`本人${sampleCards.resident.name}与${sampleCards.residentLongTerm.name}自愿离婚。`);
  await app.getByTestId('paper-scan-declaration').click();
  await expect(app.getByTestId('paper-declaration')).toHaveAttribute('data-pages', '1', { timeout: 30_000 });
  await app.getByTestId('paper-scan-divorce-agreement').click();
  await expect(app.getByTestId('paper-divorce-agreement')).toHaveAttribute('data-pages', '1', { timeout: 30_000 });
  await app.getByTestId('paper-scan-divorce-agreement').click();
  await expect(app.getByTestId('paper-divorce-agreement')).toHaveAttribute('data-pages', '2', { timeout: 30_000 });
  await expect(app.getByTestId('papers-missing')).toHaveText('尚未办齐：离婚登记申请受理回执（未打印）');
  await app.getByTestId('registry-case-complete').click();
  await expect(app.getByTestId('registry-case-error')).toHaveText(
    `本办件尚未办齐，不能办结：${sampleCards.resident.name}持有的结婚证、${sampleCards.residentLongTerm.name}持有的结婚证、离婚登记申请受理回执（未打印）。请补齐后再办结。`,
  );
  // The receipt is printed in the application's case: the case records the application the centre holds.
  await app.getByTestId('divorce-receipt-print').click();
  await expect(app.getByTestId('divorce-receipt-job-state')).toHaveAttribute('data-state', 'completed', { timeout: 30_000 });
  await expect(app.getByTestId('papers-missing')).toHaveCount(0);
  for (const party of [1, 2]) {
    await app.getByTestId(`document-scan-marriage-certificate-party-${party}`).click();
    await expect(app.getByTestId(`document-marriage-certificate-party-${party}`)).toHaveAttribute('data-pages', '1', { timeout: 30_000 });
  }
  await expect(app.getByTestId('documents-missing')).toHaveCount(0);

  // Each party's own photo: one scanned, one from the camera inside the single 2-inch guide.
  await expect(app.getByTestId('photo-joint')).toHaveCount(0);
  await app.getByTestId('photo-scan-party-1').click();
  await expect(app.getByTestId('photo-party-1')).toHaveAttribute('data-taken', 'true', { timeout: 30_000 });
  await app.getByTestId('photo-take-party-2').click();
  await expect(app.getByTestId('camera-guide')).toContainText('2 寸照片取景框');
  await expect(app.getByTestId('document-camera')).toHaveAttribute('data-live', 'true');
  await app.getByTestId('camera-take').click();
  await expect(app.getByTestId('photo-party-2')).toHaveAttribute('data-taken', 'true');

  await app.getByTestId('registry-case-complete').click();
  await expect(app.getByTestId('registry-case')).toHaveAttribute('data-state', 'completed');
  // Completing again (a double click, a retry) archives nothing more.
  await expect(app.getByTestId('registry-case-complete')).toHaveCount(0);

  await expect.poll(async () => (await archivedCases(backend.url)).flatMap((entry) => entry.materials.filter((material) => material.uploaded)).length, { timeout: 30_000 }).toBe(7);
  const [archived, ...others] = await archivedCases(backend.url);
  expect(others).toHaveLength(0);
  expect(archived!.business).toBe('divorce-application');
  const { applications } = (await (await fetch(`${backend.url}/admin/registry/divorce-applications`)).json()) as { applications: { id: string; parties: { idNumber: string }[] }[] };
  const received = applications.filter((entry) => entry.parties.some((party) => party.idNumber === sampleCards.resident.idNumber));
  expect(received).toHaveLength(1);
  expect(archived!.divorceApplicationId).toBe(received[0]!.id);
  expect(archived!.materials.map((material) => [material.key, material.fileName, material.uploads])).toEqual([
    ['paper:declaration', 'paper-declaration-1.jpg', 1],
    ['paper:divorce-agreement', 'paper-divorce-agreement-1.jpg', 1],
    ['paper:divorce-agreement', 'paper-divorce-agreement-2.jpg', 1],
    ['document:marriage-certificate:party-1', 'document-marriage-certificate-party-1-1.jpg', 1],
    ['document:marriage-certificate:party-2', 'document-marriage-certificate-party-2-1.jpg', 1],
    ['photo:party-1', 'photo-party-1-1.jpg', 1],
    ['photo:party-2', 'photo-party-2-1.jpg', 1],
  ]);
});
