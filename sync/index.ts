export { createSyncService, type CertificateNumberSource, type SyncService, type SyncServiceOptions } from './sync-service';
export { SyncError, SYNC_ERROR_CODES, type SyncErrorCode } from './errors';
export { FileKeyProvider, type KeyProvider } from './crypto/key-provider';
export { SYNC_MESSAGES, splitReason } from './messages';
export { CERTIFICATE_TYPES, VOID_REASONS, type CertificateType, type LeasePolicy, type VoidReason } from './leases/certificate-numbers';
export type { KeptMaterial, MaterialFile, MaterialInput } from './uploads/uploader';
export type { AuditEntry } from './audit/audit-log';
