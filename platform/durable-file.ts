/**
 * The one atomic write: after a crash or power cut a file holds either its
 * old or its new content, never a torn mix, and a completed write survives.
 * Temp file beside the target, fsync, rename over the target, fsync the
 * directory so the rename itself is durable. Used for print jobs, printer
 * calibrations, data keys, material files and update slots alike.
 */
import { randomUUID } from 'node:crypto';
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';

export interface DurableWriteOptions {
  /** File mode of a new file (default 0o666 less the umask); 0o600 for keys and personal data. */
  mode?: number;
}

/** A temp path beside `file` (same directory, so the rename is atomic), unique per call. */
export function tempPathFor(file: string): string {
  return `${file}.${randomUUID()}.tmp`;
}

export async function writeFileDurably(file: string, data: Uint8Array | string, options: DurableWriteOptions = {}): Promise<void> {
  const temp = tempPathFor(file);
  try {
    const handle = await open(temp, 'w', options.mode);
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch (error) {
    await rm(temp, { force: true }).catch(() => undefined);
    throw error;
  }
  await commitTempFile(temp, file);
}

export function writeFileDurablySync(file: string, data: Uint8Array | string, options: DurableWriteOptions = {}): void {
  const temp = tempPathFor(file);
  try {
    const fd = openSync(temp, 'w', options.mode);
    try {
      writeSync(fd, typeof data === 'string' ? Buffer.from(data) : data);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
  commitTempFileSync(temp, file);
}

/**
 * For writers that stream into a temp file themselves (and fsynced it):
 * moves it over the target and makes the move durable. The temp file is
 * removed when the move fails.
 */
export async function commitTempFile(temp: string, file: string): Promise<void> {
  try {
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true }).catch(() => undefined);
    throw error;
  }
  await syncDirectory(dirname(file));
}

export function commitTempFileSync(temp: string, file: string): void {
  try {
    renameSync(temp, file);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
  syncDirectorySync(dirname(file));
}

// Windows cannot open a directory, and NTFS journals the rename: there this is a best effort that does nothing.
async function syncDirectory(dir: string): Promise<void> {
  try {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // best effort
  }
}

function syncDirectorySync(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // best effort
  }
}
