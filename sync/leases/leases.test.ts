import { afterEach, describe, expect, it } from 'vitest';
import { beijingDate } from '../../domain/legal-date';
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
    const year = beijingDate().slice(0, 4);
    const first = await source.take('J');
    expect(first).toBe(`J310105-${year}-000001`);
    const second = await source.take('J');
    expect(second).toBe(`J310105-${year}-000002`);
    await source.void(second, 'spoiled');
    await waitFor(() => sync.status().queued === 0, 10_000, 'drained');
    expect(backend.certificateNumbers()).toEqual([
      { number: first, terminalId: sync.terminalId(), state: 'issued', reason: null, caseId: null },
      { number: second, terminalId: sync.terminalId(), state: 'void', reason: 'spoiled', caseId: null },
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

describe("a number's year is the registry's", () => {
  it('numbers in the Beijing year, and leaves a block of last year\'s series unused after midnight on 31 December', async () => {
    // The centre's clock: 20:00 on 31 December in Beijing, then 02:00 on 1 January (still 31 December in UTC).
    const at = (iso: string) => Date.parse(iso) - Date.now();
    let shift = at('2026-12-31T20:00:00+08:00');
    pair = await startPair({ leasePolicy: { blockSize: 4, lowWater: 0 } }, { now: () => Date.now() + shift });
    const { sync, backend } = pair;
    expect(await sync.takeCertificateNumber('BJ')).toBe('BJ310104-2026-000001');

    shift = at('2027-01-01T02:00:00+08:00');
    // Any answer from the centre tells the terminal its clock.
    await sync.backendRequest('GET', '/v1/health');
    expect(beijingDate(sync.serverNow())).toBe('2027-01-01');
    expect(await sync.takeCertificateNumber('BJ')).toBe('BJ310104-2027-000001');
    expect(backend.leases().map((lease) => lease.prefix)).toEqual(['BJ310104-2026-', 'BJ310104-2027-']);
  });
});

describe('every number accounted for', () => {
  it('voiding a blank ahead of its turn skips nothing before it, and the day balances', async () => {
    pair = await startPair({ leasePolicy: { blockSize: 6, lowWater: 0 }, registryCode: '310105' });
    const { sync, backend } = pair;
    const prefix = `J310105-${new Date().getUTCFullYear()}-`;
    expect(await sync.takeCertificateNumber('J')).toBe(`${prefix}000001`);
    // 000003's blank booklet is spoiled before it was printed on; 000002 is still next.
    await sync.voidCertificateNumber(`${prefix}000003`, 'spoiled');
    expect(await sync.takeCertificateNumber('J')).toBe(`${prefix}000002`);
    expect(await sync.takeCertificateNumber('J')).toBe(`${prefix}000004`);
    const day = sync.certificateAccounting();
    expect(day.balanced).toBe(true);
    expect(day.leases).toEqual([expect.objectContaining({ leased: 6, issued: 3, void: 1, available: 2, unaccounted: [] })]);
    await waitFor(() => sync.status().queued === 0, 10_000, 'drained');
    expect(backend.certificateNumbers().map((n) => [n.number.slice(-6), n.state])).toEqual([
      ['000001', 'issued'],
      ['000002', 'issued'],
      ['000003', 'void'],
      ['000004', 'issued'],
    ]);
  });

  it('a lease answer lost in transit, asked again, returns the same block', async () => {
    pair = await startPair({ leasePolicy: { blockSize: 5, lowWater: 0 } });
    const { sync, backend } = pair;
    await sync.pullNow();
    backend.setFaults({ dropAfterApplyRate: 1, pathPrefix: '/v1/certificate-leases' });
    await expect(sync.takeCertificateNumber('L')).rejects.toMatchObject({ code: 'certificate-numbers-exhausted' });
    expect(backend.leases()).toHaveLength(1);
    backend.clearFaults();
    expect(await sync.takeCertificateNumber('L')).toMatch(/-000001$/);
    expect(backend.leases()).toHaveLength(1);
    expect(sync.certificateAccounting()).toMatchObject({ balanced: true, leases: [expect.objectContaining({ leased: 5, issued: 1, available: 4 })] });
  });
});
