/**
 * Full-jitter exponential backoff (AWS Architecture Blog, "Exponential
 * Backoff and Jitter"): sleep = random(0, min(cap, base * 2^attempt)). Full
 * jitter spreads a fleet that failed together so it does not return together.
 */
export interface BackoffOptions {
  baseMs?: number;
  capMs?: number;
  random?: () => number;
}

export const DEFAULT_BACKOFF = { baseMs: 1_000, capMs: 300_000 } as const;

export function fullJitterDelay(attempt: number, options: BackoffOptions = {}): number {
  const base = options.baseMs ?? DEFAULT_BACKOFF.baseMs;
  const cap = options.capMs ?? DEFAULT_BACKOFF.capMs;
  const random = options.random ?? Math.random;
  const ceiling = Math.min(cap, base * 2 ** Math.min(attempt, 30));
  return Math.floor(random() * ceiling);
}

/** The server's Retry-After is a floor; jitter still applies above it so a throttled fleet spreads out. */
export function nextDelay(attempt: number, retryAfterMs: number | undefined, options: BackoffOptions = {}): number {
  const jitter = fullJitterDelay(attempt, options);
  if (retryAfterMs === undefined) return jitter;
  const cap = options.capMs ?? DEFAULT_BACKOFF.capMs;
  return Math.min(Math.max(retryAfterMs, cap), retryAfterMs + jitter);
}

/** Parses Retry-After: delta-seconds or an HTTP date (compared with the server's own Date to ignore our clock). */
export function parseRetryAfter(value: string | undefined, serverDateMs: number | undefined): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return undefined;
  const reference = serverDateMs ?? Date.now();
  return Math.max(0, at - reference);
}
