export { createSyncService, type SyncService, type SyncServiceOptions } from './sync-service';
export { SyncError, SYNC_ERROR_CODES, type SyncErrorCode } from './errors';
export { FileKeyProvider, type KeyProvider } from './crypto/key-provider';
export { SYNC_MESSAGES } from './messages';
