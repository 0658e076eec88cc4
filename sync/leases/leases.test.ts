import { afterEach, describe, expect, it } from 'vitest';
import { startPair, waitFor } from '../testing/harness';

let pair: Awaited<ReturnType<typeof startPair>> | undefined;
afterEach(async () => {
  await pair?.close();
  pair = undefined;
});

describe('certificate number leases', () => {
  it('leases a block on demand, takes numbers in order and reports issue and void to the backend', async () => {
    pair = await startPair({ leasePolicy: { blockSize: 5, lowWater: 2 }, registryCode: '310105' });
    const { sync, backend } = pair;
    const source = sync.certificateNumberSource();
    const year = new Date().getUTCFullYear();
    const first = await source.take('J');
    expect(first).toBe(`J310105-${year}-000001`);
    const second = await source.take('J');
    expect(second).toBe(`J310105-${year}-000002`);
    await source.void(second, 'spoiled');
    await waitFor(() => sync.status().queued === 0, 10_000, 'drained');
    expect(backend.certificateNumbers()).toEqual([
      { number: first, terminalId: sync.terminalId(), state: 'issued', reason: null },
      { number: second, terminalId: sync.terminalId(), state: 'void', reason: 'spoiled' },
    ]);
  });

  it('refills below the low-water mark while online', async () => {
    pair = await startPair({ leasePolicy: { blockSize: 4, lowWater: 2 }, leaseIntervalMs: 50 });
    const { sync, backend } = pair;
    for (let i = 0; i < 3; i += 1) await sync.takeCertificateNumber('L');
    await waitFor(() => backend.leases().length === 2, 5_000, 'second block');
    expect(backend.leases().map((lease) => [lease.firstSerial, lease.lastSerial])).toEqual([
      [1, 4],
      [5, 8],
    ]);
  });

  it('keeps issuing from its block offline, and says plainly when the block is empty', async () => {
    pair = await startPair({ leasePolicy: { blockSize: 3, lowWater: 0 } });
    const { sync, backend } = pair;
    await sync.takeCertificateNumber('BJ');
    await backend.pause();
    await sync.takeCertificateNumber('BJ');
    await sync.takeCertificateNumber('BJ');
    await expect(sync.takeCertificateNumber('BJ')).rejects.toMatchObject({ code: 'certificate-numbers-exhausted' });
    await expect(sync.takeCertificateNumber('XX')).rejects.toMatchObject({ code: 'certificate-type-unknown' });
    await expect(sync.voidCertificateNumber('J310104-2020-000001', 'spoiled')).rejects.toMatchObject({ code: 'certificate-number-unknown' });
    await backend.resume();
    sync.retryNow();
    await waitFor(() => sync.status().queued === 0, 10_000, 'issued numbers reported');
    expect(backend.certificateNumbers().filter((n) => n.state === 'issued')).toHaveLength(3);
  });

  it('voids the unused rest of an expired block through the outbox', async () => {
    pair = await startPair({ leasePolicy: { blockSize: 4, lowWater: 0 }, leaseIntervalMs: 50 }, { leaseTtlMs: 400 });
    const { sync, backend } = pair;
    await sync.takeCertificateNumber('J');
    await waitFor(() => backend.certificateNumbers().filter((n) => n.reason === 'expired').length === 3, 10_000, 'expired numbers voided');
    expect(backend.certificateNumbers().filter((n) => n.state === 'issued')).toHaveLength(1);
  });

  it('does not expire a block early when only the terminal clock jumps ahead', async () => {
    let offset = 0;
    pair = await startPair({ leasePolicy: { blockSize: 4, lowWater: 0 }, leaseIntervalMs: 50, now: () => Date.now() + offset });
    const { sync, backend } = pair;
    await sync.takeCertificateNumber('J');
    offset = 31 * 86_400_000;
    // Lease expiry follows the backend's clock (anchored on its last answer), not the terminal's.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await sync.takeCertificateNumber('J')).toMatch(/-000002$/);
    await waitFor(() => sync.status().queued === 0, 10_000, 'drained');
    expect(backend.certificateNumbers().filter((n) => n.reason === 'expired')).toHaveLength(0);
  });
});
