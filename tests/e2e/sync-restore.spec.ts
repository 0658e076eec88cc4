/**
 * The centre is restored from a backup taken before the officer's last case: the terminal notices the new
 * epoch on its next request, sends the case and its archived form again, and the sync screen says so.
 */
import { loadSampleCatalogue } from '../../fixtures/backend/server';
import { sampleCards } from '../../fixtures/id-card-reader/sample-cards';
import { expect, test } from './harness';
import { fillFormAndSign, readCard } from './steps';

const resident = sampleCards.resident;
const item = loadSampleCatalogue().serviceItems[0]!;

test('after the centre is restored from a backup the sync screen shows what was sent again', async ({ app, reader, backend }) => {
  await expect(app.getByTestId('backend-status')).toHaveAttribute('data-state', 'online');
  const backupId = backend.backup();

  await readCard(app, reader, resident);
  await fillFormAndSign(app, item);
  await app.getByTestId('submit-case').click();
  await expect(app.getByTestId('case-sync-state')).toHaveText('已同步');
  await expect.poll(() => backend.uploads().filter((upload) => upload.completed).length, { timeout: 60_000 }).toBe(1);
  await expect(app.getByTestId('upload-status')).toBeHidden({ timeout: 30_000 });

  backend.restore(backupId);
  expect(backend.cases()).toHaveLength(0);
  expect(backend.uploads()).toHaveLength(0);

  await app.getByTestId('nav-sync').click();
  await app.getByTestId('sync-retry-now').click();
  const report = app.getByTestId('sync-resent-after-restore');
  await expect(report).toHaveAttribute('data-materials', '1', { timeout: 60_000 });
  await expect(report).toHaveAttribute('data-cases', '1');
  await expect(report).toContainText('市级系统从备份恢复后，本机已重新上报 1 件办件、1 份材料');

  await expect.poll(() => backend.uploads().filter((upload) => upload.completed).length, { timeout: 60_000 }).toBe(1);
  const received = backend.cases().filter((c) => c.idNumber === resident.idNumber);
  expect(received).toHaveLength(1);
  expect(backend.uploads()).toEqual([expect.objectContaining({ caseId: received[0]!.id, completed: true })]);
  await expect(app.getByTestId('outbox-status')).toHaveAttribute('data-queued', '0');
});
