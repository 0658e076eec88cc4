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
  /** Materials not yet fully uploaded, and how far the active ones are. */
  uploadsPending?: number;
  uploadBytesSent?: number;
  uploadBytesTotal?: number;
  /** After the centre was restored from a backup: what this terminal sent again (cases at once, materials as they go up). */
  resentAfterRestore?: { at: string; cases: number; materials: number };
  /** Uploaded materials kept on this disk until the centre confirms them archived, and the budget for them. */
  keptMaterialBytes?: number;
  materialBudgetBytes?: number;
}

/** One outbox item as the sync screen lists it. */
export interface SyncItemView {
  seq: number;
  kind: 'case' | 'certificate-issued' | 'certificate-void' | 'desk-event' | 'registry-case' | 'registry-day-report';
  /** Case id, or certificate number. */
  refId: string;
  state: 'queued' | 'failed' | 'dead-letter';
  attempts: number;
  /** Error code of the last temporary failure. */
  lastError?: string;
  /** The backend's reason for a permanent rejection. */
  deadReason?: string;
  createdAt: string;
}

/** One material upload as the sync screen lists it. */
export interface UploadView {
  materialId: string;
  caseId: string;
  fileName: string;
  size: number;
  /** Bytes the backend has confirmed. */
  sentBytes: number;
  state: 'queued' | 'uploading' | 'done' | 'dead-letter';
  lastError?: string;
}

/** Everything the officer's sync screen shows. */
export interface SyncScreen {
  status: SyncStatus;
  items: SyncItemView[];
  uploads: UploadView[];
}
