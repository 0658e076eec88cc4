import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../domain/logger';
import { storageLevel, type StorageStatus } from '../domain/storage';
import { startStorageMonitor, type StorageMonitor } from './storage-monitor';

let monitor: StorageMonitor | undefined;
let dir: string | undefined;
afterEach(() => {
  monitor?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('storage monitor', () => {
  it('measures the disk holding the folder and reports the level once until it changes', async () => {
    dir = mkdtempSync(join(tmpdir(), 'storage-monitor-'));
    const reported: StorageStatus[] = [];
    monitor = startStorageMonitor(dir, (status) => reported.push(status), silentLogger, 60_000);
    const status = await monitor.check();
    await monitor.check();
    expect(status.totalBytes).toBeGreaterThan(0);
    expect(status.freeBytes).toBeGreaterThan(0);
    expect(status.freeBytes).toBeLessThanOrEqual(status.totalBytes);
    expect(status.level).toBe(storageLevel(status.freeBytes, status.totalBytes));
    expect(reported.map((entry) => entry.level)).toEqual([status.level]);
  });

  it('rejects a check of a folder that is not there with the platform error, for the log', async () => {
    monitor = startStorageMonitor(join(tmpdir(), 'no-such-folder-for-storage'), () => undefined, silentLogger, 60_000);
    await expect(monitor.check()).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
