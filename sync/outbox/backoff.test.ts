import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fullJitterDelay, nextDelay, parseRetryAfter } from './backoff';

describe('full-jitter backoff', () => {
  it('stays within [0, min(cap, base * 2^attempt))', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 1, max: 10_000 }), fc.integer({ min: 1, max: 600_000 }), fc.double({ min: 0, max: 0.999999, noNaN: true }), (attempt, base, cap, r) => {
        const delay = fullJitterDelay(attempt, { baseMs: base, capMs: cap, random: () => r });
        expect(delay).toBeGreaterThanOrEqual(0);
        expect(delay).toBeLessThan(Math.max(1, Math.min(cap, base * 2 ** Math.min(attempt, 30))));
      }),
    );
  });

  it('never exceeds 5 minutes with the defaults, however long the outage', () => {
    expect(fullJitterDelay(10_000, { random: () => 0.999999 })).toBeLessThan(300_000);
    expect(fullJitterDelay(10_000, { random: () => 0.999999 })).toBeGreaterThan(299_000);
  });

  it('spreads a fleet: 500 terminals at the cap land in every tenth of the window', () => {
    let seed = 42;
    const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    const buckets = new Array<number>(10).fill(0);
    for (let i = 0; i < 500; i += 1) buckets[Math.floor(fullJitterDelay(20, { random }) / 30_000)]! += 1;
    expect(Math.min(...buckets)).toBeGreaterThan(20);
  });

  it('treats Retry-After as a floor', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 50 }), fc.integer({ min: 0, max: 3_600_000 }), fc.double({ min: 0, max: 0.999999, noNaN: true }), (attempt, retryAfter, r) => {
        expect(nextDelay(attempt, retryAfter, { random: () => r })).toBeGreaterThanOrEqual(retryAfter);
      }),
    );
  });

  it('parses delta-seconds and HTTP dates against the server clock', () => {
    expect(parseRetryAfter('7', undefined)).toBe(7_000);
    const server = Date.parse('Mon, 23 Nov 2026 10:00:00 GMT');
    expect(parseRetryAfter('Mon, 23 Nov 2026 10:00:30 GMT', server)).toBe(30_000);
    expect(parseRetryAfter('soon', server)).toBeUndefined();
    expect(parseRetryAfter(undefined, server)).toBeUndefined();
  });
});
