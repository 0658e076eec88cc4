/**
 * The terminal's service process for the crash test: it creates cases and
 * materials as fast as an eager officer, drains and uploads concurrently,
 * and prints "C <case id>" once each case has been committed (every fourth
 * with a material, in the same transaction).
 * The parent SIGKILLs it at random moments.
 * Env: CRASH_DATA_DIR, CRASH_BACKEND_URL, CRASH_MODE=work|drain.
 */
import { randomBytes } from 'node:crypto';
import { sampleDraft } from '../../sync/testing/harness';
import { createSyncService } from '../../sync/sync-service';

const dataDir = process.env.CRASH_DATA_DIR!;
const backendUrl = process.env.CRASH_BACKEND_URL!;
const mode = process.env.CRASH_MODE ?? 'work';

const sync = createSyncService({
  dataDir,
  backendUrl,
  backoff: { baseMs: 10, capMs: 200 },
  breaker: { threshold: 50, openMs: 50, maxOpenMs: 200 },
  batchSize: 20,
  upload: { chunkBytes: 16 * 1024, parallel: 2 },
  pullIntervalMs: 60_000,
});
await sync.start();
process.stdout.write('READY\n');

if (mode === 'drain') {
  sync.retryNow();
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const status = sync.status();
    if (status.queued === 0 && status.uploadsPending === undefined) break;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const status = sync.status();
  process.stdout.write(`DRAINED ${JSON.stringify(status)}\n`);
  await sync.stop();
  process.exit(status.queued === 0 && status.uploadsPending === undefined ? 0 : 1);
}

let index = 0;
for (;;) {
  // Every fourth case comes with a material, committed with it; the parent checks that none arrives without it.
  // Odd sizes so the last chunk is short; a few chunks each so kills land mid-upload.
  const record =
    index % 4 === 0
      ? await sync.createCaseWithMaterials(sampleDraft(index), [
          { materialKey: 'id-card-copy', fileName: 'copy.pdf', mimeType: 'application/pdf', data: randomBytes(40_000 + (index % 7) * 1_111) },
        ])
      : sync.createCase(sampleDraft(index));
  process.stdout.write(`C ${record.id}\n`);
  index += 1;
  await new Promise((resolve) => setTimeout(resolve, 3));
}
