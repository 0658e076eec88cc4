import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../domain/logger';
import { SealedKeyProvider, type KeySealer } from './sealed-key';

/** Stands in for the OS credential store: XOR with a secret the disk never sees. */
function xorSealer(secret: number, available = true): KeySealer {
  const flip = (bytes: Buffer) => Buffer.from(bytes.map((b) => b ^ secret));
  return { available: () => available, seal: (plain) => flip(Buffer.from(plain)), open: (sealed) => flip(sealed).toString() };
}

describe('sealed data key', () => {
  it('creates a key once, stores it only sealed, and returns the same key after a restart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sealed-key-'));
    const first = await new SealedKeyProvider(xorSealer(0x5a), join(dir, 'key.sealed'), silentLogger).loadDataKey();
    const again = await new SealedKeyProvider(xorSealer(0x5a), join(dir, 'key.sealed'), silentLogger).loadDataKey();
    expect(first).toHaveLength(32);
    expect(Buffer.from(again!).equals(Buffer.from(first!))).toBe(true);
    expect(readFileSync(join(dir, 'key.sealed'), 'latin1')).not.toContain(Buffer.from(first!).toString('hex'));
  });

  it('refuses a sealed key it cannot open instead of making a new one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sealed-key-'));
    await new SealedKeyProvider(xorSealer(0x5a), join(dir, 'key.sealed'), silentLogger).loadDataKey();
    await expect(new SealedKeyProvider(xorSealer(0x33), join(dir, 'key.sealed'), silentLogger).loadDataKey()).rejects.toThrow();
  });

  it('hands over no key when no credential store exists, so the services keep their private key file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sealed-key-'));
    expect(await new SealedKeyProvider(xorSealer(0, false), join(dir, 'key.sealed'), silentLogger).loadDataKey()).toBeUndefined();
    expect(existsSync(join(dir, 'key.sealed'))).toBe(false);
  });
});
