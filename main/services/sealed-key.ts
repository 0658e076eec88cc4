/**
 * The data key that seals personal data at rest (SM4), wrapped by an
 * operating-system credential store (Electron's safeStorage in production),
 * so a copied disk image does not carry a usable key. Without such a store
 * the key falls back to a file readable by the terminal's user only, and the
 * log says so.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Logger } from '../../domain/logger';
import { FileKeyProvider, type KeyProvider } from '../../sync';

export interface KeySealer {
  available(): boolean;
  seal(plain: string): Buffer;
  open(sealed: Buffer): string;
}

export class SealedKeyProvider implements KeyProvider {
  constructor(
    private readonly sealer: KeySealer,
    private readonly sealedPath: string,
    private readonly plainFallbackPath: string,
    private readonly logger: Logger,
  ) {}

  async loadDataKey(): Promise<Uint8Array> {
    if (!this.sealer.available()) {
      this.logger.error('no credential store: the data key is protected by file permissions only');
      return new FileKeyProvider(this.plainFallbackPath).loadDataKey();
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
    writeFileSync(`${this.sealedPath}.tmp`, this.sealer.seal(key.toString('hex')), { mode: 0o600 });
    renameSync(`${this.sealedPath}.tmp`, this.sealedPath);
    return key;
  }
}
