/**
 * Typed errors of the sync layer. Each carries a kebab-case `code` the
 * renderer translates (see messages.ts) and a short English detail for logs.
 */
import { isStorageFull } from '../domain/coded-error';

export const SYNC_ERROR_CODES = [
  'backend-unreachable',
  'backend-timeout',
  'backend-server-error',
  'backend-rate-limited',
  'backend-circuit-open',
  'backend-clock-skew',
  'backend-signature-refused',
  'backend-terminal-unknown',
  'backend-terminal-conflict',
  'backend-bad-response',
  'request-rejected',
  'feed-cursor-invalid',
  'submission-rejected',
  'case-not-found',
  'outbox-item-not-dead-lettered',
  'certificate-numbers-exhausted',
  'certificate-number-unknown',
  'certificate-type-unknown',
  'upload-checksum-mismatch',
  'upload-file-missing',
  'upload-refused',
  'upload-too-large',
  'upload-bad-id',
  'registry-page-gone',
  'store-key-invalid',
  'store-corrupt',
  'sync-not-started',
] as const;

export type SyncErrorCode = (typeof SYNC_ERROR_CODES)[number];

export class SyncError extends Error {
  readonly code: SyncErrorCode;
  readonly params?: Record<string, string | number>;
  /** For backend-rate-limited and server errors: how long the server asked us to wait. */
  readonly retryAfterMs?: number;

  constructor(code: SyncErrorCode, detail: string, options: { params?: Record<string, string | number>; retryAfterMs?: number; cause?: unknown } = {}) {
    super(detail, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'SyncError';
    this.code = code;
    if (options.params) this.params = options.params;
    if (options.retryAfterMs !== undefined) this.retryAfterMs = options.retryAfterMs;
  }
}

/** Temporary: worth retrying later. Anything else is a permanent answer. */
export function isTransient(error: unknown): boolean {
  if (!(error instanceof SyncError)) return true;
  return (
    error.code === 'backend-unreachable' ||
    error.code === 'backend-timeout' ||
    error.code === 'backend-server-error' ||
    error.code === 'backend-rate-limited' ||
    error.code === 'backend-circuit-open' ||
    error.code === 'backend-clock-skew' ||
    error.code === 'backend-terminal-unknown' ||
    error.code === 'backend-bad-response'
  );
}

/** The code a failed loop step reports in the sync status. */
export function errorCode(error: unknown): string {
  if (error instanceof SyncError) return error.code;
  return isStorageFull(error) ? 'storage-full' : 'internal-error';
}
