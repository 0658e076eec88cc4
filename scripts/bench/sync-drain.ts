/**
 * Drain benchmark (issue 4): 10,000 queued cases drained to the loopback
 * reference backend, batched (the outbox's default batch of 200) against a
 * naive loop sending one request per case (same client, batch size 1), in
 * the same process. Prints medians and the ratio.
 *   npm run bench:sync -- [--cases 10000] [--runs 1] [--batch 200]   (--runs 3 for medians; each naive run takes minutes)
 */
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startReferenceBackend } from '../../fixtures/backend/server';
import { AuditLog } from '../../sync/audit/audit-log';
import { loadOrCreateIdentity } from '../../sync/client/identity';
import { FileKeyProvider } from '../../sync/crypto/key-provider';
import { Sm4Box } from '../../sync/crypto/sm';
import { openDatabase } from '../../sync/store/database';
import { SyncStore } from '../../sync/store/sync-store';
import { createSyncService } from '../../sync/sync-service';
import { sampleDraft, tempDir } from '../../sync/testing/harness';

const { values } = parseArgs({ options: { cases: { type: 'string', default: '10000' }, runs: { type: 'string', default: '1' }, batch: { type: 'string', default: '200' } } });
const caseCount = Number(values.cases);
const runs = Number(values.runs);
const batch = Number(values.batch);
const dir = tempDir('sync-bench-');

// One template terminal with every case queued, copied for each run so each starts from the same state.
const template = join(dir.path, 'template');
{
  const box = new Sm4Box(await new FileKeyProvider(join(template, 'keys', 'data.key')).loadDataKey());
  const db = openDatabase(join(template, 'terminal.sqlite'));
  const audit = new AuditLog(db, Date.now);
  const store = new SyncStore(db, box, audit, Date.now);
  loadOrCreateIdentity(store, audit);
  db.transaction(() => {
    for (let i = 0; i < caseCount; i += 1) store.createCase(sampleDraft(i));
  })();
  db.close();
}

async function drainOnce(run: number, batchSize: number): Promise<number> {
  const terminalDir = join(dir.path, `run-${run}-${batchSize}`);
  cpSync(template, terminalDir, { recursive: true });
  const backend = await startReferenceBackend({ dataDir: join(terminalDir, 'backend'), port: 0 });
  const sync = createSyncService({ dataDir: terminalDir, backendUrl: backend.url, batchSize, pullIntervalMs: 3_600_000 });
  const done = new Promise<void>((resolve) =>
    sync.on('status', (status) => {
      if (status.queued === 0 && status.backend === 'online') resolve();
    }),
  );
  const started = performance.now();
  await sync.start();
  await done;
  const seconds = (performance.now() - started) / 1000;
  const delivered = backend.caseCount();
  await sync.stop();
  await backend.close();
  if (delivered !== caseCount) throw new Error(`run ${run}: backend holds ${delivered} of ${caseCount}`);
  return caseCount / seconds;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const batched: number[] = [];
const naive: number[] = [];
for (let run = 0; run < runs; run += 1) {
  // Alternate the order so neither mode always runs on a warmer process.
  if (run % 2 === 0) {
    batched.push(await drainOnce(run, batch));
    naive.push(await drainOnce(run, 1));
  } else {
    naive.push(await drainOnce(run, 1));
    batched.push(await drainOnce(run, batch));
  }
  process.stdout.write(`run ${run + 1}: batched ${batched.at(-1)!.toFixed(0)} cases/s, one-per-request ${naive.at(-1)!.toFixed(0)} cases/s\n`);
}
dir.remove();
process.stdout.write(
  `drain of ${caseCount} queued cases to the loopback backend, median of ${runs} runs:\n` +
    `  batched (${batch} per request): ${median(batched).toFixed(0)} cases/s\n` +
    `  naive (1 per request):        ${median(naive).toFixed(0)} cases/s\n` +
    `  ratio batched/naive: ${(median(batched) / median(naive)).toFixed(1)}x\n`,
);
