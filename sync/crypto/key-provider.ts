/**
 * Where the 32-byte data key comes from. Production (Electron) wraps it with
 * safeStorage in main/; development and tests keep it in a file readable by
 * the terminal's user only.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

export interface KeyProvider {
  /** Returns the same 32 bytes every time for one terminal; creates them on first use. */
  loadDataKey(): Promise<Uint8Array>;
}

export class FileKeyProvider implements KeyProvider {
  constructor(private readonly path: string) {}

  async loadDataKey(): Promise<Uint8Array> {
    try {
      const hex = readFileSync(this.path, 'utf8').trim();
      const key = Buffer.from(hex, 'hex');
      if (key.length !== 32) throw new Error(`key file ${this.path} does not hold 32 bytes`);
      return key;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    const key = randomBytes(32);
    mkdirSync(dirname(this.path), { recursive: true });
    // Write-then-rename so a crash never leaves a half key that would lock the store for good.
    const temp = `${this.path}.${process.pid}.tmp`;
    const fd = openSync(temp, 'w', 0o600);
    try {
      writeSync(fd, key.toString('hex'));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, this.path);
    chmodSync(this.path, 0o600);
    return key;
  }
}
