/**
 * The terminal never loses a registry case: the services process is killed
 * (SIGKILL) in the middle of a marriage case and the supervisor restarts it;
 * the desk (reloaded) resumes the open case with the papers captured so far
 * and what is missing, and it completes with each paper held by the backend
 * exactly once. Web host only: the services pid comes from its ready lines.
 */
import type { Page } from '@playwright/test';
import { sampleCards } from '../../fixtures/id-card-reader/sample-cards';
import type { IdCardReaderSimulator } from '../../fixtures/id-card-reader/simulator';
import type { IdentityCard } from '../../domain/identity-card';
import { expect, test } from './harness';

test.use({ profile: 'registry-desk' });
test.skip(({ transport }) => transport !== 'web-host', 'the services pid is read from the web host');
// Scans, a restart of the services and uploads on a shared 2-core machine.
test.setTimeout(120_000);

type ArchivedCase = { parties: { name: string }[]; certificateNumbers: string[]; materials: { key: string; uploads: number; uploaded: boolean }[] };

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

test('services killed mid-case: the desk resumes the open case and completes it, each paper at the backend once', async ({ app, reader, backend, services }, testInfo) => {
  await readBothCards(app, reader, sampleCards.resident, sampleCards.residentLongTerm);
  await expect(app.getByTestId('review')).toHaveAttribute('data-state', 'clear');
  const panel = app.getByTestId('registry-case');
  await app.getByTestId('registry-case-open').click();
  await expect(panel).toHaveAttribute('data-state', 'open');
  await app.getByTestId('paper-scan-declaration').click();
  await expect(app.getByTestId('paper-declaration')).toHaveAttribute('data-pages', '1', { timeout: 30_000 });
  await app.getByTestId('paper-scan-review-form').click();
  await expect(app.getByTestId('paper-review-form')).toHaveAttribute('data-pages', '1', { timeout: 30_000 });
  // A marriage case is whole only with its J in force: issued before the restart, it is still the case's after it.
  await app.getByTestId('certificate-print').click();
  await expect(app.getByTestId('certificate-job-state')).toHaveAttribute('data-state', 'completed', { timeout: 30_000 });
  const number = (await app.getByTestId('certificate-number').textContent())!;
  await expect(app.getByTestId('registry-case-numbers')).toHaveText(number);

  const killed = services.pid!;
  const restarted = services.nextStart();
  process.kill(killed, 'SIGKILL');
  expect(await restarted).not.toBe(killed);
  await expect(app.getByTestId('services-restarting')).toBeHidden();

  // A fresh screen (nothing held by the renderer): the desk resumes the case from the terminal's store.
  await app.reload();
  await app.getByTestId('nav-certificate').click();
  await expect(panel).toHaveAttribute('data-state', 'open');
  await expect(app.getByTestId('registry-case-resumed')).toBeVisible();
  await expect(app.getByTestId('paper-declaration')).toHaveAttribute('data-pages', '1');
  await expect(app.getByTestId('paper-review-form')).toHaveAttribute('data-pages', '1');
  await expect(app.getByTestId('registry-case-numbers')).toHaveText(number);
  await expect(app.getByTestId('papers-missing')).toHaveText('尚未办齐：证件领取签收单');
  await expect(app.getByTestId('papers-recapture')).toHaveCount(0);
  await app.screenshot({ path: testInfo.outputPath('registry-case-resumed.png'), fullPage: true });

  await app.getByTestId('paper-scan-handover-receipt').click();
  await expect(app.getByTestId('paper-handover-receipt')).toHaveAttribute('data-pages', '1', { timeout: 30_000 });
  await app.getByTestId('registry-case-complete').click();
  await expect(panel).toHaveAttribute('data-state', 'completed');

  await expect
    .poll(async () => (await archivedCases(backend.url)).flatMap((entry) => entry.materials.filter((material) => material.uploaded)).length, { timeout: 30_000 })
    .toBe(3);
  const cases = await archivedCases(backend.url);
  expect(cases).toHaveLength(1);
  expect(cases[0]!.parties.map((party) => party.name)).toEqual([sampleCards.resident.name, sampleCards.residentLongTerm.name]);
  expect(cases[0]!.certificateNumbers).toEqual([number]);
  expect(cases[0]!.materials.map((material) => [material.key, material.uploads, material.uploaded])).toEqual([
    ['paper:declaration', 1, true],
    ['paper:review-form', 1, true],
    ['paper:handover-receipt', 1, true],
  ]);
});
