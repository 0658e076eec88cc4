/**
 * Circuit breaker shared by every call to the backend. After `threshold`
 * consecutive failures it opens and calls fail fast without touching the
 * network; once the open period passes, one probe is let through
 * (half-open). Each failed probe doubles the open period up to `maxOpenMs`.
 */
export type BreakerState = 'closed' | 'open' | 'half-open';

export interface CircuitBreakerOptions {
  threshold?: number;
  openMs?: number;
  maxOpenMs?: number;
  /** Monotonic milliseconds; never the wall clock, which an officer may change. */
  monotonic?: () => number;
}

export class CircuitBreaker {
  readonly #threshold: number;
  readonly #baseOpenMs: number;
  readonly #maxOpenMs: number;
  readonly #monotonic: () => number;
  #failures = 0;
  #state: BreakerState = 'closed';
  #openUntil = 0;
  #openMs: number;
  #probeInFlight = false;
  #onChange: ((state: BreakerState) => void) | undefined;

  constructor(options: CircuitBreakerOptions = {}) {
    this.#threshold = options.threshold ?? 5;
    this.#baseOpenMs = options.openMs ?? 5_000;
    this.#maxOpenMs = options.maxOpenMs ?? 300_000;
    this.#monotonic = options.monotonic ?? (() => performance.now());
    this.#openMs = this.#baseOpenMs;
  }

  onChange(listener: (state: BreakerState) => void): void {
    this.#onChange = listener;
  }

  get state(): BreakerState {
    if (this.#state === 'open' && this.#monotonic() >= this.#openUntil) return 'half-open';
    return this.#state;
  }

  /** Milliseconds until a probe is allowed; 0 when calls may go out now. */
  remainingOpenMs(): number {
    if (this.#state !== 'open') return 0;
    return Math.max(0, this.#openUntil - this.#monotonic());
  }

  /** True when a call may go out; in half-open only one probe at a time. */
  tryAcquire(): boolean {
    const state = this.state;
    if (state === 'closed') return true;
    if (state === 'open') return false;
    if (this.#probeInFlight) return false;
    this.#probeInFlight = true;
    return true;
  }

  success(): void {
    const was = this.#state;
    this.#probeInFlight = false;
    this.#failures = 0;
    this.#openMs = this.#baseOpenMs;
    this.#state = 'closed';
    if (was !== 'closed') this.#onChange?.('closed');
  }

  failure(): void {
    const wasProbe = this.#probeInFlight;
    this.#probeInFlight = false;
    this.#failures += 1;
    if (wasProbe) {
      this.#openMs = Math.min(this.#maxOpenMs, this.#openMs * 2);
      this.#open();
    } else if (this.#state === 'closed' && this.#failures >= this.#threshold) {
      this.#open();
    }
  }

  /** The officer's "retry now" and the OS reconnect event skip the wait. */
  reset(): void {
    this.#probeInFlight = false;
    if (this.#state === 'open') this.#openUntil = this.#monotonic();
  }

  #open(): void {
    const was = this.#state;
    this.#state = 'open';
    this.#openUntil = this.#monotonic() + this.#openMs;
    if (was !== 'open') this.#onChange?.('open');
  }
}
