/**
 * The data key that seals personal data at rest (SM4), wrapped by an
 * operating-system credential store (Electron's safeStorage), so a copied disk
 * image does not carry a usable key. It is unsealed here, in Electron's main
 * process, and handed to the services process over its port. Without such a
 * store there is no sealed key: the services process keeps its key in a file
 * readable by the terminal's user only, and the log says so.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Logger } from '../../domain/logger';
import { writeFileDurablySync } from '../../platform/durable-file';

export interface KeySealer {
  available(): boolean;
  seal(plain: string): Buffer;
  open(sealed: Buffer): string;
}

export class SealedKeyProvider {
  constructor(
    private readonly sealer: KeySealer,
    private readonly sealedPath: string,
    private readonly logger: Logger,
  ) {}

  /** The 32-byte data key, or undefined when no credential store exists (the services fall back to their key file). */
  async loadDataKey(): Promise<Uint8Array | undefined> {
    if (!this.sealer.available()) {
      this.logger.error('no credential store: the data key is protected by file permissions only');
      return undefined;
    }
    try {
      const key = Buffer.from(this.sealer.open(readFileSync(this.sealedPath)), 'hex');
      if (key.length !== 32) throw new Error(`sealed key ${this.sealedPath} does not hold 32 bytes`);
      return key;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    const key = randomBytes(32);
    mkdirSync(dirname(this.sealedPath), { recursive: true });
    // Write-then-rename: a crash never leaves half a key that would lock the store for good.
    writeFileDurablySync(this.sealedPath, this.sealer.seal(key.toString('hex')), { mode: 0o600 });
    return key;
  }
}
