/**
 * Uploads against a centre that does not behave like ours: permanent refusals, a checksum it keeps refusing,
 * offsets that are not a multiple of the cipher block, every RFC 3986 form of `Location`, a deployment prefix,
 * and answers without `Upload-Offset`.
 */
import { createHash, randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Faults } from '../../fixtures/backend/faults';
import { sampleDraft, startPair, waitFor } from '../testing/harness';

const CHUNK = 16 * 1024;
let pair: Awaited<ReturnType<typeof startPair>> | undefined;
afterEach(async () => {
  await pair?.close();
  pair = undefined;
});

const file = (name: string, size: number) => ({ materialKey: name, fileName: name, mimeType: 'application/pdf', data: randomBytes(size) });
const sha = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

async function uploadWith(faults: Partial<Faults>, sizes: number[], backendOptions: { pathPrefix?: string } = {}) {
  pair = await startPair({ upload: { chunkBytes: CHUNK, parallel: 2 } }, backendOptions);
  pair.backend.setFaults({ ...faults, pathPrefix: '/' });
  const files = sizes.map((size, index) => file(`m${index}.pdf`, size));
  const record = await pair.sync.createCaseWithMaterials(sampleDraft(1), files);
  return { ...pair, files, record };
}

function expectStored(dir: string, uploads: { id: string; caseId: string; completed: boolean }[], files: { data: Uint8Array }[]): void {
  expect(uploads.filter((upload) => upload.completed)).toHaveLength(files.length);
  const stored = uploads.map((upload) => sha(readFileSync(join(dir, 'backend', 'uploads', `${upload.id}.part`)))).sort();
  expect(stored).toEqual(files.map((f) => sha(f.data)).sort());
}

describe('uploads that cannot succeed, and centres that answer differently', () => {
  for (const status of [403, 404, 409, 413]) {
    it(`dead-letters a creation refused with ${status}, with the centre's reason, and the others go on`, async () => {
      const { sync, backend } = await uploadWith({ tusRefuseFileName: 'm0.pdf', tusRefuseStatus: status }, [30_000, 20_000, 10_000]);
      await waitFor(() => backend.uploads().filter((u) => u.completed).length === 2 && sync.status().uploadsPending === undefined, 10_000, 'the others uploaded');
      const [dead] = sync.syncScreen().uploads;
      expect(sync.syncScreen().uploads).toHaveLength(1);
      expect(dead).toMatchObject({ fileName: 'm0.pdf', state: 'dead-letter', lastError: 'upload-refused:upload-refused-by-policy' });
      // Not retried: exactly one creation attempt for it.
      expect(backend.requestLog().filter((e) => e.method === 'POST' && e.route === '/v1/uploads' && e.status === status)).toHaveLength(1);
    });
  }

  it('dead-letters an upload whose chunks the centre keeps refusing for their checksum, and the others go on', async () => {
    const { sync, backend } = await uploadWith({ tusChecksumRefuseFileName: 'm0.pdf' }, [30_000, 20_000, 10_000]);
    await waitFor(() => sync.syncScreen().uploads.some((u) => u.state === 'dead-letter'), 10_000, 'given up');
    await waitFor(() => backend.uploads().filter((u) => u.completed).length === 2 && sync.status().uploadsPending === undefined, 10_000, 'the others uploaded');
    expect(sync.syncScreen().uploads).toEqual([expect.objectContaining({ fileName: 'm0.pdf', state: 'dead-letter', lastError: 'upload-refused:checksum-mismatch' })]);
  });

  it('two stuck uploads do not hold up the ones behind them', async () => {
    // parallel is 2, and the two oldest fail at every attempt (a temporary fault, so they are retried).
    const { sync, backend } = await uploadWith({ tusUnavailableFileNames: ['m0.pdf', 'm1.pdf'] }, [30_000, 20_000, 10_000, 5_000]);
    await waitFor(() => backend.uploads().filter((u) => u.completed).length === 2 && sync.syncScreen().uploads.length === 2, 10_000, 'the two behind them uploaded');
    expect(sync.syncScreen().uploads.map((u) => [u.fileName, u.state])).toEqual([
      ['m0.pdf', 'queued'],
      ['m1.pdf', 'queued'],
    ]);
    backend.clearFaults();
    sync.retryNow();
    await waitFor(() => sync.status().uploadsPending === undefined, 15_000, 'all uploaded once the fault clears');
  });

  it('treats a missing Upload-Offset as an error: never done, the file never deleted', async () => {
    const { sync, backend, files } = await uploadWith({ tusOmitOffset: true }, [40_000]);
    await waitFor(() => sync.syncScreen().uploads[0]?.lastError === 'backend-bad-response', 10_000, 'the error');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(sync.status().uploadsPending).toBe(1);
    expect(readdirSync(join(pair!.dir, 'terminal', 'materials'))).toHaveLength(1);
    backend.clearFaults();
    sync.retryNow();
    await waitFor(() => sync.status().uploadsPending === undefined, 10_000, 'done once the centre answers properly');
    expectStored(pair!.dir, backend.uploads(), files);
  });

  it('resumes from server offsets that are not a multiple of the cipher block', async () => {
    const { sync, backend, files } = await uploadWith({ tusStoreMultipleOf: 700 }, [70_001, 33_333]);
    await waitFor(() => sync.status().uploadsPending === undefined, 15_000, 'uploaded');
    // Each chunk was kept only up to a multiple of 700: the next one starts mid cipher block, and the bytes beyond were sent again.
    expect(backend.uploads().every((u) => u.bytesSeen > u.length)).toBe(true);
    expectStored(pair!.dir, backend.uploads(), files);
  });

  for (const [form, prefix] of [
    ['absolute-path', ''],
    ['absolute-url', ''],
    ['relative', ''],
    ['absolute-path', '/api'],
    ['absolute-url', '/api'],
    ['relative', '/api'],
  ] as const) {
    it(`follows a ${form} Location${prefix ? ` behind the path prefix ${prefix}` : ''}`, async () => {
      const { sync, backend, files } = await uploadWith({ tusLocation: form }, [50_000], prefix ? { pathPrefix: prefix } : {});
      await waitFor(() => sync.status().uploadsPending === undefined, 10_000, 'uploaded');
      expectStored(pair!.dir, backend.uploads(), files);
      expect(backend.requestLog().filter((e) => e.method === 'PATCH' && e.status === 204)).toHaveLength(Math.ceil(50_000 / CHUNK));
    });
  }

  it('registers once at start-up, not once per loop', async () => {
    pair = await startPair();
    await pair.sync.createCaseWithMaterials(sampleDraft(1), [file('x.pdf', 100)]);
    await waitFor(() => pair!.sync.status().queued === 0 && pair!.sync.status().uploadsPending === undefined, 10_000, 'delivered');
    await pair.sync.pullNow();
    expect(pair.backend.requestLog().filter((e) => e.method === 'POST' && e.route === '/v1/terminals')).toHaveLength(1);
  });
});
