/**
 * Outage test (issue 4): the backend is down for a simulated 8 hours while
 * 300 cases with 500 MB of materials are created; after it returns
 * everything arrives, and each interrupted upload re-sends at most one chunk.
 * The first acknowledgement after the return is lost: the backend logs every
 * arriving item, and a case under a second seq (or a seq under a second id)
 * fails the run; the same seq again after a lost acknowledgement is expected.
 *
 * Time is compressed: the terminal runs its real backoff (full jitter, cap
 * 5 min) and breaker with every duration divided by --scale (default 960, so
 * 8 h of outage take 30 s and the 5-minute cap is 312 ms).
 *   npm run sync:outage -- [--scale 960] [--mb 500] [--cases 300]
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { resendReport, startReferenceBackend } from '../../fixtures/backend/server';
import { createSyncService } from '../../sync/sync-service';
import { sampleDraft, tempDir, waitFor } from '../../sync/testing/harness';

const { values } = parseArgs({ options: { scale: { type: 'string', default: '960' }, mb: { type: 'string', default: '500' }, cases: { type: 'string', default: '300' } } });
const scale = Number(values.scale);
const totalBytes = Number(values.mb) * 1024 * 1024;
const caseCount = Number(values.cases);
const CHUNK = 1024 * 1024;
const outageMs = (8 * 3600_000) / scale;

const dir = tempDir('sync-outage-');
const backend = await startReferenceBackend({ dataDir: join(dir.path, 'backend'), port: 0, contract: true });
const sync = createSyncService({
  dataDir: join(dir.path, 'terminal'),
  backendUrl: backend.url,
  backoff: { baseMs: 1_000 / scale, capMs: 300_000 / scale },
  breaker: { threshold: 5, openMs: 5_000 / scale, maxOpenMs: 300_000 / scale },
  upload: { chunkBytes: CHUNK, parallel: 2 },
  pullIntervalMs: 60_000 / scale,
});
await sync.start();
await sync.pullNow();

// Sizes: the first four are large (so the outage cuts two uploads mid-way), a few more big
// scans (up to 50 MB per case), and many small ones, adding up to the target.
const sizes: number[] = [];
const big = Math.max(4, Math.min(8, Math.floor(caseCount / 40)));
for (let i = 0; i < big; i += 1) sizes.push((i < 4 ? 8 : 40) * CHUNK + 12_345 * (i + 1));
const rest = totalBytes - sizes.reduce((a, b) => a + b, 0);
if (rest <= 0) throw new Error('--mb too small for --cases');
for (let i = big; i < caseCount; i += 1) sizes.push(Math.floor(rest / (caseCount - big)) + ((i * 7919) % 1000) - 500);

// Before the outage: the first cases start uploading; the outage cuts some uploads mid-way.
const createdIds: string[] = [];
const materialIds: string[] = [];
async function createWithMaterial(index: number): Promise<void> {
  const record = sync.createCase(sampleDraft(index));
  createdIds.push(record.id);
  materialIds.push(await sync.addMaterial({ caseId: record.id, materialKey: 'scan', fileName: `scan-${index}.pdf`, mimeType: 'application/pdf', data: randomBytes(sizes[index]!) }));
}
const started = performance.now();
// A slow link before the outage, so two uploads are surely mid-way when it starts.
backend.setFaults({ latencyMs: 150, pathPrefix: '/v1/uploads/' });
for (let i = 0; i < 4; i += 1) await createWithMaterial(i);
await waitFor(() => backend.uploads().filter((u) => u.offset > 0 && !u.completed).length >= 2, 60_000, 'uploads under way');
await backend.pause();
backend.clearFaults();
const outageStarted = performance.now();
process.stdout.write(`backend down (simulated 8 h = ${(outageMs / 1000).toFixed(1)} s); creating ${caseCount} cases with ${(totalBytes / 1048576).toFixed(0)} MB of materials\n`);
const interruptedIds = backend
  .uploads()
  .filter((u) => u.offset > 0 && !u.completed)
  .map((u) => u.materialId);
let createMs = 0;
const loopDelay = monitorEventLoopDelay({ resolution: 10 });
loopDelay.enable();
for (let i = 4; i < caseCount; i += 1) {
  const t = performance.now();
  await createWithMaterial(i);
  createMs = Math.max(createMs, performance.now() - t);
}
loopDelay.disable();
const duringOutage = sync.status();
const remaining = outageMs - (performance.now() - outageStarted);
if (remaining > 0) await new Promise((resolve) => setTimeout(resolve, remaining));
const offlineStatus = sync.status();
const arrivedBefore = backend.arrivals().length;
await backend.resume();
// The first acknowledgement after the return is lost: that batch must come again under the same seqs.
backend.setFaults({ dropAfterApplyRate: 1, pathPrefix: '/v1/submissions' });
const resumed = performance.now();
await waitFor(() => backend.arrivals().length > arrivedBefore, 60_000, 'a batch applied');
backend.clearFaults();
// No retryNow(), no new write: the terminal must notice by itself.
await waitFor(() => sync.status().queued === 0 && sync.status().uploadsPending === undefined, 20 * 60_000, 'everything delivered');
const drainSeconds = (performance.now() - resumed) / 1000;
const resends = resendReport(backend.arrivals());

const uploads = backend.uploads();
const byMaterial = new Map(uploads.map((u) => [u.materialId, u]));
const complete = materialIds.filter((id) => byMaterial.get(id)?.completed).length;
const resentPer = materialIds.map((id) => {
  const upload = byMaterial.get(id);
  return upload ? upload.bytesSeen - upload.length : Number.POSITIVE_INFINITY;
});
const maxResent = Math.max(...resentPer);
const interruptedResent = interruptedIds.map((id) => byMaterial.get(id)!.bytesSeen - byMaterial.get(id)!.length);
const backendIds = backend.cases().map((c) => c.id);
const duplicates = backendIds.length - new Set(backendIds).size;
const missing = createdIds.filter((id) => !backendIds.includes(id)).length;
const mb = uploads.reduce((sum, u) => sum + u.length, 0) / 1048576;

process.stdout.write(
  [
    `status during the outage: backend=${offlineStatus.backend}, queued=${offlineStatus.queued}, uploads pending=${offlineStatus.uploadsPending} (right after creating: queued=${duringOutage.queued})`,
    `slowest createCase + addMaterial (awaited) during the outage: ${createMs.toFixed(0)} ms (largest material ${(Math.max(...sizes) / 1048576).toFixed(1)} MB); event loop delay while creating: p99 ${(loopDelay.percentile(99) / 1e6).toFixed(0)} ms, max ${(loopDelay.max / 1e6).toFixed(0)} ms`,
    `after the backend returned: everything delivered in ${drainSeconds.toFixed(1)} s (${(mb / drainSeconds).toFixed(1)} MB/s over loopback)`,
    `cases: ${createdIds.length} created, ${backendIds.length} at the backend, ${duplicates} duplicates, ${missing} missing`,
    `materials: ${materialIds.length} created, ${complete} complete (${mb.toFixed(0)} MB); interrupted uploads: ${interruptedIds.length}, bytes each re-sent: [${interruptedResent.join(', ')}] (chunk ${CHUNK}); most re-sent by any upload: ${maxResent}`,
    `items arrived at the backend: ${resends.items}; the same (terminal, seq) again after a lost acknowledgement: ${resends.resentSameSeq}; a case under a second seq: ${resends.casesUnderSecondSeq}; a seq under a second id: ${resends.seqsUnderSecondId}`,
    `total wall time ${((performance.now() - started) / 1000).toFixed(1)} s`,
  ].join('\n') + '\n',
);
await sync.stop();
await backend.close();
dir.remove();
const violations = backend.contractViolations();
process.stdout.write(`requests and answers against openapi.yaml: ${violations.length} violations${violations.length ? `\n${JSON.stringify(violations.slice(0, 5))}` : ''}\n`);
const ok = violations.length === 0 && resends.resentSameSeq > 0 && resends.casesUnderSecondSeq === 0 && resends.seqsUnderSecondId === 0 && missing === 0 && duplicates === 0 && complete === materialIds.length && maxResent <= CHUNK && interruptedIds.length > 0 && offlineStatus.backend === 'offline';
process.stdout.write(ok ? 'PASS\n' : 'FAIL\n');
process.exit(ok ? 0 : 1);
