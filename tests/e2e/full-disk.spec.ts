/**
 * A full disk, from the officer's side: the terminal's data lives on a small
 * tmpfs that the spec fills to the last byte. Submitting says so in Chinese,
 * saves nothing and keeps what was entered; once space is freed the same
 * submission arrives exactly once. The status bar raises the alarm while the
 * disk is full and drops it once space is back.
 */
import { closeSync, openSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { loadSampleCatalogue } from '../../fixtures/backend/server';
import { sampleCards } from '../../fixtures/id-card-reader/sample-cards';
import { expect, test } from './harness';
import { fillFormAndSign, readCard } from './steps';

const resident = sampleCards.resident;
const item = loadSampleCatalogue().serviceItems[0]!;

test.use({ terminalDiskMiB: 24 });

/** Writes until the file system says ENOSPC; returns the filler's path. */
function fillDisk(dir: string): string {
  const path = join(dir, 'filler.bin');
  const fd = openSync(path, 'w');
  const block = Buffer.alloc(256 * 1024, 0x5a);
  try {
    for (;;) writeSync(fd, block);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
    // The last partial block: fill what is left byte by byte in small steps.
    for (let size = 4096; size >= 1; size = Math.floor(size / 2)) {
      try {
        for (;;) writeSync(fd, block.subarray(0, size));
      } catch {
        // this size no longer fits; try a smaller one
      }
    }
  } finally {
    closeSync(fd);
  }
  return path;
}

test('a full disk refuses the submission in plain words, saves nothing, and the case arrives once after space is freed', async ({ app, reader, backend, terminalDir }, testInfo) => {
  await expect(app.getByTestId('backend-status')).toHaveAttribute('data-state', 'online');
  await readCard(app, reader, resident);
  await fillFormAndSign(app, item);
  await expect(app.getByTestId('storage-status')).toHaveCount(0);

  const filler = fillDisk(terminalDir);
  await app.getByTestId('submit-case').click();
  await expect(app.getByTestId('error')).toContainText('本机磁盘已满');
  await expect(app.getByTestId('storage-status')).toHaveAttribute('data-level', 'critical');
  await expect(app.getByTestId('storage-status')).toContainText('磁盘空间即将用尽（剩余 0 MB）');
  await expect(app.getByTestId('reception')).toHaveAttribute('data-step', 'sign');
  await app.screenshot({ path: testInfo.outputPath('full-disk.png'), fullPage: true });
  expect(backend.cases()).toHaveLength(0);

  rmSync(filler);
  // The periodic check (every 15 s) sees the space come back.
  await expect(app.getByTestId('storage-status')).toHaveCount(0, { timeout: 25_000 });
  await app.getByTestId('submit-case').click();
  await expect(app.getByTestId('case-sync-state')).toHaveText('已同步');
  // Exactly one: had the refused attempt left a case behind, the backend would now hold two.
  const received = backend.cases().filter((c) => c.idNumber === resident.idNumber);
  expect(received).toHaveLength(1);
  await expect.poll(() => backend.uploads().filter((u) => u.caseId === received[0]!.id && u.completed).length, { timeout: 30_000 }).toBe(1);
});
