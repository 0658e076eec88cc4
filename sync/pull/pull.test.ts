import { afterEach, describe, expect, it } from 'vitest';
import { loadSampleCatalogue } from '../../fixtures/backend/server';
import type { ServiceItem } from '../../domain/service-item';
import { sampleDraft, startPair, waitFor } from '../testing/harness';

let pair: Awaited<ReturnType<typeof startPair>> | undefined;
afterEach(async () => {
  await pair?.close();
  pair = undefined;
});

describe('reference data pull', () => {
  it('pulls catalogue, appointments and configuration, then gets 304 while nothing changed', async () => {
    pair = await startPair();
    const { sync, backend } = pair;
    await sync.pullNow();
    expect(sync.catalogue()).toHaveLength(loadSampleCatalogue().serviceItems.length);
    expect(sync.appointments().length).toBeGreaterThan(0);
    expect(sync.configuration().map((entry) => entry.id)).toContain('certificate-lease');
    backend.resetRequestLog();
    await sync.pullNow();
    const feedAnswers = backend.requestLog().filter((entry) => entry.route === '/v1/feeds/{feed}');
    expect(feedAnswers.map((entry) => entry.status)).toEqual([304, 304, 304]);
  });

  it('applies only the changes after its cursor and tells listeners', async () => {
    pair = await startPair();
    const { sync, backend } = pair;
    await sync.pullNow();
    let changed = 0;
    sync.on('catalogueChanged', () => (changed += 1));
    const item = sync.catalogue().find((candidate) => candidate.id === 'meal-assistance')!;
    backend.upsertServiceItem({ ...item, name: '老年人助餐服务申请（新版）', revision: item.revision + 1 });
    backend.retireServiceItem('temporary-assistance');
    await sync.pullNow();
    expect(changed).toBe(1);
    expect(sync.catalogue().find((candidate) => candidate.id === 'meal-assistance')!.name).toBe('老年人助餐服务申请（新版）');
    expect(sync.catalogue().map((candidate) => candidate.id)).not.toContain('temporary-assistance');
  });

  it('refetches everything when the backend is restored from an older backup, and re-sends what it lost', async () => {
    pair = await startPair();
    const { sync, backend } = pair;
    await sync.pullNow();
    const before = sync.createCase(sampleDraft(1));
    await waitFor(() => sync.getCase(before.id)?.syncState === 'synced', 10_000, 'first case');
    const backupId = backend.backup();
    // After the backup: a case and a catalogue change the restore will lose.
    const lost = sync.createCase(sampleDraft(2));
    await waitFor(() => sync.getCase(lost.id)?.syncState === 'synced', 10_000, 'second case');
    const extra: ServiceItem = { ...sync.catalogue()[0]!, id: 'added-after-backup', code: 'X', revision: 1 };
    backend.upsertServiceItem(extra);
    await sync.pullNow();
    expect(sync.catalogue().map((item) => item.id)).toContain('added-after-backup');

    backend.restore(backupId);
    expect(backend.cases().map((c) => c.id)).toEqual([before.id]);
    await sync.pullNow();
    expect(sync.catalogue().map((item) => item.id)).not.toContain('added-after-backup');
    sync.retryNow();
    await waitFor(() => backend.caseCount() === 2, 10_000, 'lost case re-sent');
    expect(backend.cases().map((c) => c.id).sort()).toEqual([before.id, lost.id].sort());
  });

  for (const [label, skewMs] of [
    ['a day ahead', 86_400_000],
    ['a day behind', -86_400_000],
  ] as const) {
    it(`works with the terminal clock ${label}`, async () => {
      pair = await startPair({ now: () => Date.now() + skewMs });
      const { sync, backend } = pair;
      await sync.pullNow();
      expect(sync.catalogue()).toHaveLength(loadSampleCatalogue().serviceItems.length);
      const record = sync.createCase(sampleDraft(1));
      await waitFor(() => sync.getCase(record.id)?.syncState === 'synced', 10_000, 'synced');
      expect(backend.caseCount()).toBe(1);
      const current = sync.catalogue()[0]!;
      backend.upsertServiceItem({ ...current, name: `${current.name}*`, revision: current.revision + 1 });
      await sync.pullNow();
      expect(sync.catalogue()[0]!.name).toBe(`${current.name}*`);
    });
  }
});
