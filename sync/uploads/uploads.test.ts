import { createHash, randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startReferenceBackend } from '../../fixtures/backend/server';
import { createSyncService, type SyncService } from '../sync-service';
import { FAST_SYNC, sampleDraft, startPair, tempDir, waitFor } from '../testing/harness';

const CHUNK = 64 * 1024;
let cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  cleanups = [];
});

function material(caseId: string, size: number, key = 'id-card-copy') {
  return { caseId, materialKey: key, fileName: `${key}.pdf`, mimeType: 'application/pdf', data: randomBytes(size) };
}

describe('material uploads (tus 1.0 + checksum)', () => {
  it('uploads in checksummed chunks and the backend holds identical bytes', async () => {
    const pair = await startPair({ upload: { chunkBytes: CHUNK, parallel: 2 } });
    cleanups.push(() => pair.close());
    const { sync, backend } = pair;
    const record = sync.createCase(sampleDraft(1));
    const inputs = [material(record.id, 300_000), material(record.id, 5, 'photo'), material(record.id, 0, 'empty')];
    // Offline while they are added, so none can finish before the count is read.
    await backend.pause();
    const ids = await Promise.all(inputs.map((input) => sync.addMaterial(input)));
    expect(sync.status().uploadsPending).toBe(3);
    await backend.resume();
    sync.retryNow();
    await waitFor(() => sync.status().uploadsPending === undefined, 10_000, 'uploads done');
    const uploads = backend.uploads();
    expect(uploads.every((upload) => upload.completed)).toBe(true);
    for (const [index, id] of ids.entries()) {
      const upload = uploads.find((candidate) => candidate.materialId === id)!;
      const stored = readFileSync(join(pair.dir, 'backend', 'uploads', `${upload.id}.part`));
      expect(createHash('sha256').update(stored).digest('hex')).toBe(createHash('sha256').update(inputs[index]!.data).digest('hex'));
    }
    expect(uploads.find((upload) => upload.length === 300_000)!.patches).toBe(Math.ceil(300_000 / CHUNK));
  });

  it('keeps materials encrypted at rest', async () => {
    const pair = await startPair({ upload: { chunkBytes: CHUNK } });
    cleanups.push(() => pair.close());
    await pair.backend.pause();
    const input = material('case-x', 4096);
    input.data.write('310101195001010012 张三', 100);
    await pair.sync.addMaterial(input);
    const dir = join(pair.dir, 'terminal', 'materials');
    const [file] = readdirSync(dir);
    const stored = readFileSync(join(dir, file!));
    expect(stored.includes(Buffer.from('310101195001010012'))).toBe(false);
    expect(stored.length).toBe(4096 + 16);
  });

  it('resumes from the server offset after dropped connections, receiving no byte twice', async () => {
    const pair = await startPair({ upload: { chunkBytes: CHUNK, parallel: 1 } });
    cleanups.push(() => pair.close());
    const { sync, backend } = pair;
    backend.setFaults({ dropRate: 0.3, pathPrefix: '/v1/uploads/' });
    await sync.addMaterial(material('case-y', 400_000));
    await waitFor(() => sync.status().uploadsPending === undefined, 20_000, 'upload through drops');
    const [upload] = backend.uploads();
    expect(upload!.completed).toBe(true);
    // Drops happen before the body is stored, so nothing is stored twice; each dropped PATCH costs at most one chunk re-sent.
    expect(upload!.bytesReceived).toBe(400_000);
    const droppedPatches = backend.requestLog().filter((entry) => entry.method === 'PATCH' && entry.route.endsWith('(dropped)')).length;
    expect(upload!.bytesSeen - 400_000).toBeLessThanOrEqual(droppedPatches * CHUNK);
  });

  it('after a restart re-sends at most the one chunk that was in flight', async () => {
    const dir = tempDir('upload-restart-');
    cleanups.push(() => dir.remove());
    const backend = await startReferenceBackend({ dataDir: join(dir.path, 'backend'), port: 0 });
    cleanups.push(() => backend.close());
    const options = { dataDir: join(dir.path, 'terminal'), backendUrl: backend.url, ...FAST_SYNC, upload: { chunkBytes: CHUNK, parallel: 1 } };
    let sync: SyncService = createSyncService(options);
    await sync.start();
    // Slow chunks so the stop lands mid-upload; the lost-answer fault makes the server keep a chunk the terminal never heard about.
    backend.setFaults({ latencyMs: 30, pathPrefix: '/v1/uploads/' });
    const size = 20 * CHUNK + 123;
    await sync.addMaterial(material('case-z', size));
    await waitFor(() => (backend.uploads()[0]?.offset ?? 0) >= 5 * CHUNK, 10_000, 'partly uploaded');
    backend.setFaults({ dropAfterApplyRate: 1, pathPrefix: '/v1/uploads/' });
    await waitFor(() => sync.syncScreen().uploads[0]?.lastError !== undefined, 10_000, 'an unacknowledged chunk');
    await sync.stop();
    backend.clearFaults();
    sync = createSyncService(options);
    await sync.start();
    cleanups.push(() => sync.stop());
    await waitFor(() => backend.uploads()[0]?.completed === true, 20_000, 'completed after restart');
    const [upload] = backend.uploads();
    expect(upload!.bytesReceived).toBe(size);
    // Every byte that arrived, stored or not: at most one chunk more than the file.
    expect(upload!.bytesSeen - size).toBeLessThanOrEqual(CHUNK);
    await waitFor(() => sync.status().uploadsPending === undefined, 5_000, 'terminal marks done');
  });

  it('removes files a crash left behind at the next start', async () => {
    const dir = tempDir('upload-orphans-');
    cleanups.push(() => dir.remove());
    const backend = await startReferenceBackend({ dataDir: join(dir.path, 'backend'), port: 0 });
    cleanups.push(() => backend.close());
    const options = { dataDir: join(dir.path, 'terminal'), backendUrl: backend.url, ...FAST_SYNC };
    let sync: SyncService = createSyncService(options);
    await sync.start();
    await backend.pause();
    const kept = await sync.addMaterial(material('case-o', 1000));
    await sync.stop();
    const materials = join(dir.path, 'terminal', 'materials');
    writeFileSync(join(materials, 'half-written.sm4.tmp'), 'x');
    writeFileSync(join(materials, '00000000-0000-0000-0000-000000000000.sm4'), 'no row');
    sync = createSyncService(options);
    await sync.start();
    cleanups.push(() => sync.stop());
    expect(readdirSync(materials)).toEqual([`${kept}.sm4`]);
  });

  it('commits a case and its materials together, or neither', async () => {
    const pair = await startPair({ upload: { chunkBytes: CHUNK, parallel: 2 } });
    cleanups.push(() => pair.close());
    const { sync, backend } = pair;
    const { caseId: _unused, ...form } = material('-', 100_000, 'signed-application-form');
    const record = await sync.createCaseWithMaterials(sampleDraft(1), [form]);
    await waitFor(() => sync.status().uploadsPending === undefined && sync.status().queued === 0, 10_000, 'delivered');
    expect(backend.cases().map((c) => c.id)).toEqual([record.id]);
    expect(backend.uploads()).toEqual([expect.objectContaining({ caseId: record.id, length: 100_000, completed: true })]);

    // The second material is refused after the first was written: no case, no material, no file left behind.
    const { caseId: _none, ...tooLarge } = material('-', 50 * 1024 * 1024 + 1);
    await expect(sync.createCaseWithMaterials(sampleDraft(2), [form, tooLarge])).rejects.toMatchObject({ code: 'upload-too-large' });
    expect(sync.listCases().map((c) => c.id)).toEqual([record.id]);
    expect(sync.status()).toMatchObject({ queued: 0 });
    expect(sync.status().uploadsPending).toBeUndefined();
    // Only the delivered material's file remains, kept until the centre confirms it archived.
    expect(sync.status().keptMaterialBytes).toBe(100_000);
    expect(readdirSync(join(pair.dir, 'terminal', 'materials'))).toHaveLength(1);
  });
});
