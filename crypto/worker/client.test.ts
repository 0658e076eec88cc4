import { createHash, createCipheriv, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createSmWorker } from './client';

describe('the SM worker thread', () => {
  it('seals in steps what OpenSSL seals in one go, and hashes the whole', async () => {
    const worker = createSmWorker();
    try {
      const key = randomBytes(16);
      const iv = randomBytes(16);
      const plaintext = randomBytes(200_003);
      const sealing = await worker.beginSealing(plaintext.length);
      const parts: Uint8Array[] = [];
      for (let offset = 0; offset < plaintext.length; offset += 65_536) parts.push(await sealing.step(key, iv, offset, plaintext.subarray(offset, offset + 65_536)));
      expect(await sealing.end()).toBe(createHash('sm3').update(plaintext).digest('hex'));
      expect(Buffer.concat(parts).equals(createCipheriv('sm4-ctr', key, iv).update(plaintext))).toBe(true);
      // The caller's buffer is copied, never moved to the thread.
      expect(plaintext.length).toBe(200_003);
    } finally {
      await worker.close();
    }
  });

  it('refuses a sealing that did not receive every byte, and a step out of range', async () => {
    const worker = createSmWorker();
    try {
      const sealing = await worker.beginSealing(32);
      await expect(sealing.step(randomBytes(16), randomBytes(16), 8, new Uint8Array(16))).rejects.toThrow(/out of range/);
      await sealing.step(randomBytes(16), randomBytes(16), 0, new Uint8Array(16));
      await expect(sealing.end()).rejects.toThrow(/before all its steps/);
    } finally {
      await worker.close();
    }
  });

  it('fails calls in flight when the thread dies, and starts a new one for the next call', async () => {
    const worker = createSmWorker();
    try {
      const pending = worker.sm3Hex(randomBytes(8 * 1024 * 1024));
      await worker.close();
      await expect(pending).rejects.toThrow(/SM worker/);
      expect(await worker.sm3Hex(new TextEncoder().encode('abc'))).toBe('66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0');
    } finally {
      await worker.close();
    }
  });
});
