import { afterEach, describe, expect, it } from 'vitest';
import type { SyncStatus } from '../domain/sync-status';
import { sampleDraft, startPair, waitFor } from './testing/harness';

let pair: Awaited<ReturnType<typeof startPair>> | undefined;
afterEach(async () => {
  await pair?.close();
  pair = undefined;
});

describe('sync service against the reference backend', () => {
  it('registers, pulls the catalogue and delivers a case exactly once', async () => {
    pair = await startPair();
    const { sync, backend } = pair;
    await sync.pullNow();
    expect(sync.catalogue().map((item) => item.id)).toContain('meal-assistance');
    expect(backend.terminals().map((terminal) => terminal.id)).toEqual([sync.terminalId()]);

    const record = sync.createCase(sampleDraft(1));
    expect(record.syncState).toBe('queued');
    await waitFor(() => sync.getCase(record.id)?.syncState === 'synced', 10_000, 'case synced');
    expect(backend.cases().map((c) => c.id)).toEqual([record.id]);
    expect(backend.cases()[0]!.applicantName).toBe('测试居民1');
    expect(sync.status()).toMatchObject({ backend: 'online', queued: 0, failed: 0, deadLettered: 0 });
  });

  it('keeps cases queued and says offline while the backend is down, then drains to one copy each', async () => {
    pair = await startPair();
    const { sync, backend } = pair;
    const seen: SyncStatus[] = [];
    sync.on('status', (status) => seen.push(status));
    await backend.pause();
    const records = [sync.createCase(sampleDraft(1)), sync.createCase(sampleDraft(2))];
    const offline = await waitFor(() => seen.find((status) => status.backend === 'offline' && status.queued === 2), 10_000, 'offline status');
    expect(offline.lastError).toMatch(/^backend-/);
    expect(records.every((record) => ['queued', 'failed'].includes(sync.getCase(record.id)!.syncState))).toBe(true);

    await backend.resume();
    sync.retryNow();
    await waitFor(() => sync.status().queued === 0, 10_000, 'queue drained');
    const ids = backend.cases().map((c) => c.id).sort();
    expect(ids).toEqual(records.map((r) => r.id).sort());
    expect(sync.status().backend).toBe('online');
  });

  it('answers createCase without waiting on a slow backend', async () => {
    pair = await startPair();
    pair.backend.setFaults({ latencyMs: 2_000 });
    const started = performance.now();
    for (let i = 0; i < 20; i += 1) pair.sync.createCase(sampleDraft(i));
    // Not a timing assertion on speed: the call is synchronous, so it cannot have awaited the network.
    expect(pair.sync.status().queued).toBe(20);
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});
