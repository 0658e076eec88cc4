/**
 * Watches free space on the disk holding the terminal's data and reports when
 * its level (ok, low, critical) changes, so the status bar warns before a
 * save fails for want of room.
 */
import { statfs } from 'node:fs/promises';
import type { Logger } from '../domain/logger';
import { storageLevel, type StorageLevel, type StorageStatus } from '../domain/storage';

export interface StorageMonitor {
  /** Measures now; reports a change of level like the periodic check does. */
  check(): Promise<StorageStatus>;
  close(): void;
}

export function startStorageMonitor(dir: string, onLevelChange: (status: StorageStatus) => void, logger: Logger, intervalMs = 15_000): StorageMonitor {
  let level: StorageLevel | undefined;

  async function check(): Promise<StorageStatus> {
    const stats = await statfs(dir);
    const freeBytes = stats.bavail * stats.bsize;
    const totalBytes = stats.blocks * stats.bsize;
    const status: StorageStatus = { freeBytes, totalBytes, level: storageLevel(freeBytes, totalBytes) };
    if (status.level !== level) {
      if (level !== undefined || status.level !== 'ok') {
        (status.level === 'ok' ? logger.info : logger.warn).call(logger, 'storage level changed', { level: status.level, freeBytes, totalBytes });
      }
      level = status.level;
      onLevelChange(status);
    }
    return status;
  }

  const timer = setInterval(() => {
    check().catch((error: unknown) => logger.warn('storage check failed', { detail: String(error) }));
  }, intervalMs);
  timer.unref();
  void check().catch((error: unknown) => logger.warn('storage check failed', { detail: String(error) }));
  return { check, close: () => clearInterval(timer) };
}
