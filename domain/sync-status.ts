export type BackendReachability = 'online' | 'offline' | 'unknown';

/** What the status bar shows about the link to the central backend. */
export interface SyncStatus {
  backend: BackendReachability;
  /** Items waiting in the outbox (queued or failed, not dead-lettered). */
  queued: number;
  failed: number;
  deadLettered: number;
  lastSyncAt?: string;
  /** Error code of the last failed attempt, for the officer. */
  lastError?: string;
}
