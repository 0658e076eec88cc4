/**
 * Where the 32-byte data key comes from. Production (Electron) wraps it with
 * safeStorage in main/; development and tests keep it in a file readable by
 * the terminal's user only.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { writeFileDurablySync } from '../../platform/durable-file';

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
    writeFileDurablySync(this.path, key.toString('hex'), { mode: 0o600 });
    chmodSync(this.path, 0o600);
    return key;
  }
}
