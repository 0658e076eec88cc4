import { describe, expect, it } from 'vitest';
import { CircuitBreaker } from './circuit-breaker';

describe('CircuitBreaker', () => {
  it('opens after the threshold, lets one probe through after the open period, and closes on success', () => {
    let now = 0;
    const changes: string[] = [];
    const breaker = new CircuitBreaker({ threshold: 3, openMs: 1_000, maxOpenMs: 4_000, monotonic: () => now });
    breaker.onChange((state) => changes.push(state));
    for (let i = 0; i < 3; i += 1) {
      expect(breaker.tryAcquire()).toBe(true);
      breaker.failure();
    }
    expect(breaker.state).toBe('open');
    expect(breaker.tryAcquire()).toBe(false);
    now = 1_000;
    expect(breaker.state).toBe('half-open');
    expect(breaker.tryAcquire()).toBe(true);
    expect(breaker.tryAcquire()).toBe(false); // only one probe
    breaker.failure();
    expect(breaker.remainingOpenMs()).toBe(2_000); // doubled
    now = 3_000;
    expect(breaker.tryAcquire()).toBe(true);
    breaker.success();
    expect(breaker.state).toBe('closed');
    expect(changes).toEqual(['open', 'closed']);
  });

  it('caps the open period and lets reset() skip the wait', () => {
    let now = 0;
    const breaker = new CircuitBreaker({ threshold: 1, openMs: 1_000, maxOpenMs: 2_000, monotonic: () => now });
    breaker.failure();
    for (let i = 0; i < 5; i += 1) {
      now += 10_000;
      expect(breaker.tryAcquire()).toBe(true);
      breaker.failure();
    }
    expect(breaker.remainingOpenMs()).toBe(2_000);
    breaker.reset();
    expect(breaker.tryAcquire()).toBe(true);
  });
});
