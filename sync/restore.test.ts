/**
 * The centre restored from a backup taken before the last cases and materials: whatever request the
 * terminal makes first afterwards (a pull, or a submission), every case and material is back at the
 * centre exactly once, and the status says what was sent again.
 */
import { createHash, randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sampleDraft, startPair, waitFor } from './testing/harness';

const CHUNK = 16 * 1024;
let pair: Awaited<ReturnType<typeof startPair>> | undefined;
afterEach(async () => {
  await pair?.close();
  pair = undefined;
});

function materialFile(size: number, key: string) {
  return { materialKey: key, fileName: `${key}.pdf`, mimeType: 'application/pdf', data: randomBytes(size) };
}

const sm3 = (data: Uint8Array) => createHash('sm3').update(data).digest('hex');

/** K cases with a material each before the backup, N cases and M materials after it; then the restore. */
async function restoreAfterWork(N: number, M: number) {
  pair = await startPair({ upload: { chunkBytes: CHUNK, parallel: 2 } });
  const { sync, backend } = pair;
  await sync.pullNow();
  const files = new Map<string, Uint8Array>();
  const cases: string[] = [];
  const addCase = async (index: number, withMaterial: boolean) => {
    const file = materialFile(20_000 + index * 1_000 + 7, `scan-${index}`);
    const record = await sync.createCaseWithMaterials(sampleDraft(index), withMaterial ? [file] : []);
    if (withMaterial) files.set(record.id, file.data);
    cases.push(record.id);
  };
  for (let index = 0; index < 2; index += 1) await addCase(index, true);
  const settled = () => sync.status().queued === 0 && sync.status().uploadsPending === undefined;
  await waitFor(settled, 10_000, 'first work delivered');
  const backupId = backend.backup();
  // The centre now says the first materials are archived: the terminal may drop those files.
  await sync.pullNow();
  expect(sync.status().keptMaterialBytes).toBeUndefined();
  for (let index = 0; index < N; index += 1) await addCase(100 + index, index < M);
  await waitFor(settled, 10_000, 'later work delivered');
  expect(backend.caseCount()).toBe(2 + N);
  backend.restore(backupId);
  expect(backend.caseCount()).toBe(2);
  backend.resetRequestLog();
  return { sync, backend, cases, files };
}

function expectAllBackOnce(backend: NonNullable<typeof pair>['backend'], cases: string[], files: Map<string, Uint8Array>, dir: string): void {
  const received = backend.cases().map((c) => c.id);
  expect(received.sort()).toEqual([...cases].sort());
  const uploads = backend.uploads();
  expect(uploads.map((upload) => upload.caseId).sort()).toEqual([...files.keys()].sort());
  for (const upload of uploads) {
    expect(upload.completed).toBe(true);
    expect(sm3(readFileSync(join(dir, 'backend', 'uploads', `${upload.id}.part`)))).toBe(sm3(files.get(upload.caseId)!));
  }
}

describe('after the centre is restored from an older backup', () => {
  it('a pull first: re-sends the lost cases and materials, each once, and says so', async () => {
    const { sync, backend, cases, files } = await restoreAfterWork(3, 2);
    await sync.pullNow();
    expect(backend.requestLog()[0]).toMatchObject({ method: 'GET', route: '/v1/feeds/{feed}' });
    await waitFor(() => backend.caseCount() === 5 && backend.uploads().filter((u) => u.completed).length === 4, 15_000, 'lost work back');
    expectAllBackOnce(backend, cases, files, pair!.dir);
    await waitFor(() => sync.status().resentAfterRestore?.materials === 2, 5_000, 'materials counted');
    expect(sync.status().resentAfterRestore).toMatchObject({ cases: 3, materials: 2 });
    expect(sync.status()).toMatchObject({ queued: 0 });
  });

  it('a submission first: the centre refuses it unapplied, the terminal reconciles, and everything arrives once', async () => {
    const { sync, backend, cases, files } = await restoreAfterWork(3, 2);
    const fresh = sync.createCase(sampleDraft(999));
    cases.push(fresh.id);
    await waitFor(() => backend.caseCount() === 6 && backend.uploads().filter((u) => u.completed).length === 4, 15_000, 'lost work back');
    const [first] = backend.requestLog();
    expect(first).toMatchObject({ method: 'POST', route: '/v1/submissions', status: 409 });
    expectAllBackOnce(backend, cases, files, pair!.dir);
    // One row per (terminal, seq), and no case under two seqs.
    const seqs = backend.received(sync.terminalId()).map((row) => row.seq);
    expect(new Set(seqs).size).toBe(seqs.length);
    await waitFor(() => sync.status().resentAfterRestore?.materials === 2, 5_000, 'materials counted');
    expect(sync.status().resentAfterRestore).toMatchObject({ cases: 3, materials: 2 });
    expect(sync.getCase(fresh.id)?.syncState).toBe('synced');
  });

  it('keeps a material until the centre confirms it archived, then releases the file', async () => {
    pair = await startPair({ upload: { chunkBytes: CHUNK } });
    const { sync, backend } = pair;
    const record = await sync.createCaseWithMaterials(sampleDraft(1), [materialFile(30_000, 'form')]);
    await waitFor(() => sync.status().uploadsPending === undefined && sync.status().queued === 0, 10_000, 'delivered');
    const dir = join(pair.dir, 'terminal', 'materials');
    expect(readdirSync(dir)).toHaveLength(1);
    expect(sync.status()).toMatchObject({ keptMaterialBytes: 30_000 });
    await sync.pullNow();
    expect(readdirSync(dir)).toHaveLength(1);
    backend.backup();
    await sync.pullNow();
    expect(readdirSync(dir)).toHaveLength(0);
    expect(sync.status().keptMaterialBytes).toBeUndefined();
    expect(sync.getCase(record.id)?.syncState).toBe('synced');
  });

  it('releases kept materials past the disk budget, oldest first', async () => {
    pair = await startPair({ upload: { chunkBytes: CHUNK }, retention: { materialBudgetBytes: 25_000 } });
    const { sync } = pair;
    await sync.createCaseWithMaterials(sampleDraft(1), [materialFile(10_000, 'a'), materialFile(10_000, 'b'), materialFile(10_000, 'c')]);
    await waitFor(() => sync.status().uploadsPending === undefined, 10_000, 'uploaded');
    await sync.pullNow();
    expect(sync.status()).toMatchObject({ keptMaterialBytes: 20_000, materialBudgetBytes: 25_000 });
  });
});
