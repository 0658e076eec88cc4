import { afterEach, describe, expect, it } from 'vitest';
import { sampleDraft, startPair, waitFor } from '../testing/harness';

let pair: Awaited<ReturnType<typeof startPair>> | undefined;
afterEach(async () => {
  await pair?.close();
  pair = undefined;
});

describe('outbox drain', () => {
  it('dead-letters a permanent rejection with the reason and delivers the items behind it', async () => {
    pair = await startPair();
    const { sync, backend } = pair;
    await sync.pullNow();
    backend.retireServiceItem('senior-allowance');
    const bad = sync.createCase({ ...sampleDraft(1), serviceItemId: 'senior-allowance' });
    const good = sync.createCase(sampleDraft(2));
    await waitFor(() => sync.getCase(good.id)?.syncState === 'synced', 10_000, 'good case synced');
    const dead = sync.getCase(bad.id)!;
    expect(dead.syncState).toBe('dead-letter');
    expect(dead.lastError).toBe('service-item-retired');
    expect(sync.status()).toMatchObject({ queued: 0, deadLettered: 1 });
    const screen = sync.syncScreen();
    expect(screen.items).toEqual([expect.objectContaining({ refId: bad.id, state: 'dead-letter', deadReason: 'service-item-retired' })]);

    // The officer moves the case to the replacement item and sends it again.
    sync.retryDeadLetter(screen.items[0]!.seq, { serviceItemId: 'meal-assistance' });
    await waitFor(() => sync.getCase(bad.id)?.syncState === 'synced', 10_000, 'retried case synced');
    expect(backend.cases().map((c) => c.id).sort()).toEqual([bad.id, good.id].sort());
    expect(sync.getCase(bad.id)!.seq).toBeGreaterThan(good.seq);
    expect(sync.audit().entries().map((entry) => entry.action)).toEqual(expect.arrayContaining(['outbox.dead-lettered', 'outbox.retried']));
  });

  it('reports a missing form field as the reason', async () => {
    pair = await startPair();
    const { sync } = pair;
    const record = sync.createCase({ ...sampleDraft(1), form: { name: 'x' } });
    await waitFor(() => sync.getCase(record.id)?.syncState === 'dead-letter', 10_000, 'dead letter');
    expect(sync.getCase(record.id)!.lastError).toMatch(/^form-field-missing:/);
  });

  it('fetches the catalogue at once when the backend refuses a case over its form', async () => {
    pair = await startPair();
    const { sync, backend } = pair;
    await sync.pullNow();
    const item = sync.catalogue().find((candidate) => candidate.id === 'meal-assistance')!;
    backend.upsertServiceItem({ ...item, formSchema: [...item.formSchema, { key: 'contactPhone', label: '联系电话', type: 'phone', required: true }] });
    const record = sync.createCase(sampleDraft(1));
    await waitFor(() => sync.getCase(record.id)?.syncState === 'dead-letter', 10_000, 'dead letter');
    expect(sync.getCase(record.id)!.lastError).toBe('form-field-missing:contactPhone');
    // The regular pull is a minute away; only the refusal can explain the new field arriving now.
    await waitFor(() => sync.catalogue().some((c) => c.id === item.id && c.formSchema.some((f) => f.key === 'contactPhone')), 5_000, 'catalogue pulled');

    const [dead] = sync.syncScreen().items;
    sync.retryDeadLetter(dead!.seq, { form: { ...record.form, contactPhone: '13800138000' } });
    await waitFor(() => sync.getCase(record.id)?.syncState === 'synced', 10_000, 'corrected case synced');
    expect(backend.cases()).toEqual([expect.objectContaining({ id: record.id, form: expect.objectContaining({ contactPhone: '13800138000' }) })]);
  });

  it('does not duplicate when the acknowledgement is lost after the backend committed', async () => {
    pair = await startPair();
    const { sync, backend } = pair;
    await sync.pullNow();
    backend.setFaults({ dropAfterApplyRate: 1, pathPrefix: '/v1/submissions' });
    const records = Array.from({ length: 5 }, (_, i) => sync.createCase(sampleDraft(i)));
    await waitFor(() => backend.caseCount() === 5, 10_000, 'backend applied');
    await waitFor(() => sync.status().failed > 0, 10_000, 'terminal saw the failure');
    backend.clearFaults();
    await waitFor(() => sync.status().queued === 0, 10_000, 'drained');
    expect(backend.cases().map((c) => c.id).sort()).toEqual(records.map((r) => r.id).sort());
    expect(backend.received().filter((row) => row.kind === 'case')).toHaveLength(5);
  });

  it('honours Retry-After from a 429', async () => {
    pair = await startPair();
    const { sync, backend } = pair;
    await sync.pullNow();
    backend.setFaults({ rateLimitRate: 1, retryAfterSeconds: 1, pathPrefix: '/v1/submissions' });
    backend.resetRequestLog();
    sync.createCase(sampleDraft(1));
    await waitFor(() => backend.requestLog().some((entry) => entry.status === 429), 5_000, 'a 429');
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const attempts = backend.requestLog().filter((entry) => entry.route.startsWith('/v1/submissions'));
    for (let i = 1; i < attempts.length; i += 1) expect(attempts[i]!.at - attempts[i - 1]!.at).toBeGreaterThanOrEqual(990);
    backend.clearFaults();
    await waitFor(() => sync.status().queued === 0, 10_000, 'drained after the wait');
  });

  it('wakes on its own when the backend returns, without a new write or retryNow', async () => {
    pair = await startPair();
    const { sync, backend } = pair;
    await backend.pause();
    const record = sync.createCase(sampleDraft(1));
    await waitFor(() => sync.status().backend === 'offline', 5_000, 'offline');
    await backend.resume();
    await waitFor(() => sync.getCase(record.id)?.syncState === 'synced', 10_000, 'synced after return');
    expect(backend.caseCount()).toBe(1);
  });

  it('survives resets, drops and 5xx with exactly one copy of each case', async () => {
    pair = await startPair({ batchSize: 7 });
    const { sync, backend } = pair;
    await sync.pullNow();
    backend.setFaults({ dropRate: 0.15, resetRate: 0.15, errorRate: 0.15, dropAfterApplyRate: 0.15 });
    const records = Array.from({ length: 60 }, (_, i) => sync.createCase(sampleDraft(i)));
    await waitFor(() => sync.status().queued === 0, 25_000, 'drained through faults');
    backend.clearFaults();
    const ids = backend.cases().map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.sort()).toEqual(records.map((r) => r.id).sort());
  });

  it('keeps per-terminal sequence numbers strictly increasing at the backend', async () => {
    pair = await startPair({ batchSize: 3 });
    const { sync, backend } = pair;
    for (let i = 0; i < 10; i += 1) sync.createCase(sampleDraft(i));
    await waitFor(() => sync.status().queued === 0, 10_000, 'drained');
    const rows = backend.received(sync.terminalId());
    const seqs = rows.map((row) => row.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(new Set(seqs).size).toBe(seqs.length);
  });
});
