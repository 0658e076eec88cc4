/**
 * Free space on the disk that holds the terminal's data. A terminal offline
 * for hours keeps every case and material locally, so the officer is warned
 * while there is still room, not when a save fails.
 */
export const STORAGE_LEVELS = ['ok', 'low', 'critical'] as const;
export type StorageLevel = (typeof STORAGE_LEVELS)[number];

export interface StorageStatus {
  freeBytes: number;
  totalBytes: number;
  level: StorageLevel;
}

const MiB = 1024 * 1024;

/**
 * Low below 1 GiB (about two days of a busy window's materials) or 10 % of
 * the disk, whichever is less; critical below 100 MiB or 2 %, whichever is
 * less: one more large scan may not fit. The relative bound keeps small
 * disks (and test disks) from alarming while they are nearly empty.
 */
export function storageLevel(freeBytes: number, totalBytes: number): StorageLevel {
  if (freeBytes < Math.min(100 * MiB, totalBytes * 0.02)) return 'critical';
  if (freeBytes < Math.min(1024 * MiB, totalBytes * 0.1)) return 'low';
  return 'ok';
}
