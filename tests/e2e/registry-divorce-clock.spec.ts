/**
 * A divorce from the registrar's side across the cooling-off period: the joint application received at this desk,
 * registration refused while the cooling-off runs, then the clock moved past it into the certificate window and the
 * same application registered. Both clocks move: the reference backend's (its `now`, used for its day, its working
 * days and its signed-request freshness check) and the terminal's processes' (libfaketime; the browser's stays).
 * Real peers: the reader simulator, the reference backend (contract-checked), ippeveprinter read back by pdftotext.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { IdentityCard } from '../../domain/identity-card';
import { beijingDate } from '../../domain/legal-date';
import { startReferenceBackend } from '../../fixtures/backend/server';
import { sampleCards } from '../../fixtures/id-card-reader/sample-cards';
import type { IdCardReaderSimulator } from '../../fixtures/id-card-reader/simulator';
import { expect, test as base } from './harness';
import { captureAndComplete, expectArchivedOnce, expectNumbersOnce, paperKeys, pdfText, readCards } from './registry-steps';

const DAY_MS = 24 * 3600_000;
/** How far both clocks are ahead of the real one; the test moves it. */
let shiftMs = 0;

const test = base.extend<{ moveClock: (days: number) => void }>({
  backend: async ({ dataDir }, use) => {
    const backend = await startReferenceBackend({ dataDir: join(dataDir, 'backend'), port: 0, contract: true, now: () => Date.now() + shiftMs });
    await use(backend);
    const violations = backend.contractViolations();
    await backend.close();
    if (violations.length > 0) throw new Error(`contract violations (openapi.yaml):\n${JSON.stringify(violations.slice(0, 10), null, 1)}`);
  },
  terminalClockFile: async ({ dataDir }, use) => {
    const file = join(dataDir, 'terminal-clock');
    writeFileSync(file, '+0d\n');
    await use(file);
  },
  moveClock: async ({ terminalClockFile }, use) => {
    shiftMs = 0;
    await use((days) => {
      shiftMs = days * DAY_MS;
      writeFileSync(terminalClockFile!, `+${days}d\n`);
    });
    shiftMs = 0;
  },
});
test.use({ profile: 'registry-desk' });

interface HeldApplication {
  id: string;
  state: string;
  parties: { idNumber: string }[];
  receivedOn: string;
  registeredOn?: string;
  registryCode: string;
}

async function applicationsOf(url: string, card: IdentityCard): Promise<HeldApplication[]> {
  const { applications } = (await (await fetch(`${url}/admin/registry/divorce-applications`)).json()) as { applications: HeldApplication[] };
  return applications.filter((entry) => entry.parties.some((party) => party.idNumber === card.idNumber));
}

/** The reader empty first: a card left on it from before is not read into the desk. */
async function readCardsAfresh(app: Page, reader: IdCardReaderSimulator, ...cards: IdentityCard[]): Promise<void> {
  reader.removeCard();
  await app.waitForTimeout(1500);
  await readCards(app, reader, ...cards);
}

const chineseDate = (iso: string): string => {
  const [year, month, day] = iso.split('-');
  return `${year}年${month}月${day}日`;
};
const daysBetween = (from: string, to: string): number => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

test('a divorce application received here, refused inside the cooling-off period, registered once the clock is past it: the L certificate prints for both, and its case is archived once with its papers', async ({ app, reader, backend, printer, moveClock }, testInfo) => {
  const [husband, wife] = [sampleCards.resident, sampleCards.residentLongTerm];
  await readCardsAfresh(app, reader, husband, wife);
  await app.getByTestId('certificate-type').selectOption('L');
  await app.getByTestId('divorce-receipt-print').click();
  await expect(app.getByTestId('divorce-receipt-job-state')).toHaveAttribute('data-state', 'completed', { timeout: 30_000 });
  const dates = (await app.getByTestId('divorce-receipt-dates').textContent())!;
  const [, receivedOn, coolingOffEnds, windowOpens, windowCloses] = /已受理（(\S+)）：冷静期至 (\S+)；发证期 (\S+) 至 (\S+)。/.exec(dates)!;
  expect(receivedOn).toBe(beijingDate());
  const [receiptPdf] = await printer.spooledPdfs();
  const receipt = pdfText(receiptPdf!);
  expect(receipt).toContain('离婚登记申请受理回执');
  expect(receipt).toContain(`至${chineseDate(coolingOffEnds!)}止`);
  expect(receipt).toContain(`${chineseDate(windowOpens!)}至${chineseDate(windowCloses!)}`);

  // Today is inside the cooling-off period: the desk refuses the registration, with the dates.
  await app.getByTestId('divorce-application-find').click();
  const found = app.getByTestId('divorce-application-found');
  await expect(found).toHaveAttribute('data-verdict', 'cooling-off');
  await expect(app.getByTestId('registry-problems')).toHaveText(`登记日仍在离婚冷静期内（至 ${coolingOffEnds}），${windowOpens} 起方可发证。`);
  await expect(app.getByTestId('certificate-print')).toBeDisabled();
  const [application] = await applicationsOf(backend.url, husband);
  expect(application).toEqual(expect.objectContaining({ state: 'received', receivedOn }));

  // The first day of the certificate window, on both the centre's and the terminal's clocks.
  const shift = daysBetween(receivedOn!, windowOpens!);
  moveClock(shift);
  const today = beijingDate(Date.now() + shift * DAY_MS);
  expect(today).toBe(windowOpens);

  // The couple comes back: the registrar opens the desk afresh and reads both cards again. The officer at work stays
  // signed in: idleness is real time, not a month on the PC clock.
  await app.getByTestId('nav-registry').click();
  // The desk's day answers (a locked screen would refuse it); its date follows the centre's clock at its next answer.
  await expect(app.getByTestId('registry-day')).toBeVisible();
  await expect(app.getByTestId('lock-overlay')).toHaveCount(0);
  await readCardsAfresh(app, reader, husband, wife);
  await app.getByTestId('certificate-type').selectOption('L');
  await app.getByTestId('divorce-application-find').click();
  await expect(found).toHaveCount(1);
  await expect(found).toHaveAttribute('data-verdict', 'within-window');
  await expect(found.getByTestId('divorce-application-verdict')).toHaveText('今日在发证期内，可以办理离婚登记。');
  await expect(app.getByTestId('certificate-date')).toHaveValue(today);
  await expect(app.getByTestId('registry-problems')).toHaveCount(0);
  await app.screenshot({ path: testInfo.outputPath('divorce-after-cooling-off.png'), fullPage: true });

  await app.getByTestId('certificate-print').click();
  await expect(app.getByTestId('certificate-job-state')).toHaveAttribute('data-state', 'completed', { timeout: 30_000 });
  const number = (await app.getByTestId('certificate-number').textContent())!;
  expect(number).toMatch(/^L\d{6}-\d{4}-\d{6}$/);
  const spooled = await printer.spooledPdfs();
  expect(spooled).toHaveLength(2);
  const certificate = pdfText(spooled[1]!);
  expect(certificate).toContain(husband.name);
  expect(certificate).toContain(wife.name);
  expect(certificate).toContain(husband.idNumber);
  expect(certificate).toContain(wife.idNumber);
  expect(certificate).toContain(number);
  expect(certificate).toContain(chineseDate(today));

  await expect(app.getByTestId('lock-overlay')).toHaveCount(0);
  await expect(app.getByTestId('officer-lock')).toBeVisible();

  // The centre holds the same application, registered once on the moved day; one L number, issued within the case.
  expect(await applicationsOf(backend.url, husband)).toEqual([expect.objectContaining({ id: application!.id, state: 'registered', registeredOn: today })]);
  await expect
    .poll(() => backend.certificateNumbers().filter((entry) => entry.number.startsWith('L')), { timeout: 30_000 })
    .toEqual([expect.objectContaining({ number, state: 'issued', caseId: expect.any(String) })]);

  // The registration's papers signed and captured under the moved clock: its case archived once, the L issued once in it.
  await captureAndComplete(app, ['review-form', 'divorce-agreement', 'handover-receipt'], ['marriage-certificate-party-1', 'marriage-certificate-party-2']);
  const archived = await expectArchivedOnce(backend, {
    business: 'divorce-registration',
    parties: [husband.name, wife.name],
    certificateNumbers: [number],
    materials: [...paperKeys('review-form', 'divorce-agreement', 'handover-receipt'), 'document:marriage-certificate:party-1', 'document:marriage-certificate:party-2'],
  });
  await expectNumbersOnce(backend, archived.caseId, { issued: [number] });
});
