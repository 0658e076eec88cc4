/**
 * One background loop: run `step` until it reports idle, then sleep until
 * woken or `idleMs` passes; after a failure sleep a full-jitter backoff
 * (or the server's Retry-After, or until the circuit breaker allows a probe).
 * An exception is never taken for success: it always counts as a failure.
 */
import type { Logger } from '../../domain/logger';
import type { CircuitBreaker } from '../client/circuit-breaker';
import { isTransient, SyncError } from '../errors';
import { nextDelay, type BackoffOptions } from './backoff';

export type StepResult = 'idle' | 'progress';

export interface LoopOptions {
  name: string;
  step: () => Promise<StepResult>;
  /** Sleep when idle; Infinity waits for wake(). */
  idleMs: number;
  /** Multiplies idleMs by a random factor in [1 - jitter, 1 + jitter] so a fleet does not poll in step. */
  idleJitter?: number;
  backoff?: BackoffOptions;
  breaker?: CircuitBreaker;
  logger: Logger;
  onFailure?: (error: unknown, consecutiveFailures: number, delayMs: number) => void;
  random?: () => number;
}

export class Loop {
  readonly #options: LoopOptions;
  #running = false;
  #done: Promise<void> | undefined;
  #wakeUp: (() => void) | undefined;
  #woken = false;
  #failures = 0;
  #timer: NodeJS.Timeout | undefined;

  constructor(options: LoopOptions) {
    this.#options = options;
  }

  get consecutiveFailures(): number {
    return this.#failures;
  }

  start(): void {
    if (this.#running) return;
    this.#running = true;
    this.#done = this.#run();
  }

  async stop(): Promise<void> {
    this.#running = false;
    this.wake();
    await this.#done;
  }

  /** Run now. `resetBackoff` when the officer or the OS says the network is back. */
  wake(resetBackoff = false): void {
    if (resetBackoff) this.#failures = 0;
    this.#woken = true;
    this.#wakeUp?.();
  }

  /**
   * A new local write: run soon, unless the loop is backing off after
   * failures, where the backoff timer decides (otherwise every write during an
   * outage would hit the backend and undo the jitter).
   */
  nudge(): void {
    if (this.#failures === 0) this.wake();
  }

  async #run(): Promise<void> {
    const { logger, step } = this.#options;
    let delay = 0;
    while (this.#running) {
      if (delay > 0) await this.#sleep(delay);
      if (!this.#running) break;
      this.#woken = false;
      try {
        const result = await step();
        this.#failures = 0;
        delay = result === 'progress' ? 0 : this.#idleDelay();
      } catch (error) {
        this.#failures += 1;
        const retryAfter = error instanceof SyncError ? error.retryAfterMs : undefined;
        delay = Math.max(nextDelay(this.#failures, retryAfter, { ...this.#options.backoff, ...(this.#options.random ? { random: this.#options.random } : {}) }), this.#options.breaker?.remainingOpenMs() ?? 0);
        if (!isTransient(error)) logger.error(`${this.#options.name} step failed unexpectedly`, { detail: String(error), stack: (error as Error).stack });
        else logger.debug(`${this.#options.name} step failed`, { code: (error as SyncError).code, detail: (error as Error).message, delayMs: delay });
        this.#options.onFailure?.(error, this.#failures, delay);
      }
      if (this.#woken) delay = 0;
    }
  }

  #idleDelay(): number {
    const { idleMs, idleJitter = 0 } = this.#options;
    if (!Number.isFinite(idleMs)) return Number.POSITIVE_INFINITY;
    const random = this.#options.random ?? Math.random;
    return Math.max(1, idleMs * (1 - idleJitter + 2 * idleJitter * random()));
  }

  #sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const finish = () => {
        if (this.#timer) clearTimeout(this.#timer);
        this.#timer = undefined;
        this.#wakeUp = undefined;
        resolve();
      };
      this.#wakeUp = finish;
      if (this.#woken) {
        finish();
        return;
      }
      if (Number.isFinite(ms)) this.#timer = setTimeout(finish, Math.min(ms, 2_147_000_000));
    });
  }
}
