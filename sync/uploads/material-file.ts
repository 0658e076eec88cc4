/**
 * Materials at rest: each file is SM4-CTR encrypted under a key derived from
 * the data key, with a random per-file IV. CTR lets the uploader decrypt any
 * 16-byte-aligned range without reading the whole file. Integrity is checked
 * end to end instead: the backend compares the whole file's SM3 (taken at
 * capture) when the last chunk arrives.
 */
import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto';
import { closeSync, fstatSync, mkdirSync, openSync, readSync } from 'node:fs';
import { open, rename } from 'node:fs/promises';
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { dirname } from 'node:path';

const HEADER = 16;
const STEP = 1024 * 1024;

export class MaterialCipher {
  readonly #key: Buffer;

  constructor(dataKey: Uint8Array) {
    this.#key = Buffer.from(hkdfSync('sm3', dataKey, Buffer.alloc(0), 'window-terminal/material-sm4-ctr', 16));
  }

  /**
   * Writes iv || ciphertext via a temporary name (a crash leaves no half file
   * under the final name), in 1 MiB steps with asynchronous I/O and a yield
   * between steps, so a 50 MB scan does not stall the event loop (and the
   * officer's screen) while it is encrypted and flushed. Returns the
   * plaintext's SM3.
   */
  async writeAsync(path: string, plaintext: Uint8Array): Promise<string> {
    mkdirSync(dirname(path), { recursive: true });
    const iv = randomBytes(HEADER);
    const cipher = createCipheriv('sm4-ctr', this.#key, iv);
    const hash = createHash('sm3');
    const temp = `${path}.tmp`;
    const handle = await open(temp, 'w', 0o600);
    try {
      await handle.write(iv);
      for (let offset = 0; offset < plaintext.length; offset += STEP) {
        const slice = plaintext.subarray(offset, Math.min(plaintext.length, offset + STEP));
        hash.update(slice);
        await handle.write(cipher.update(slice));
        await yieldToLoop();
      }
      const tail = cipher.final();
      if (tail.length > 0) await handle.write(tail);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
    return hash.digest('hex');
  }

  plainSize(path: string): number {
    const fd = openSync(path, 'r');
    try {
      return fstatSync(fd).size - HEADER;
    } finally {
      closeSync(fd);
    }
  }

  /** Plaintext bytes [offset, offset + length); offset must be a multiple of 16. */
  readRange(path: string, offset: number, length: number): Buffer {
    if (offset % 16 !== 0) throw new Error('offset must be 16-byte aligned');
    const fd = openSync(path, 'r');
    try {
      const iv = Buffer.alloc(HEADER);
      readSync(fd, iv, 0, HEADER, 0);
      const cipherText = Buffer.alloc(length);
      const read = readSync(fd, cipherText, 0, length, HEADER + offset);
      const decipher = createDecipheriv('sm4-ctr', this.#key, addToCounter(iv, offset / 16));
      return Buffer.concat([decipher.update(cipherText.subarray(0, read)), decipher.final()]);
    } finally {
      closeSync(fd);
    }
  }
}

/** The 128-bit big-endian counter block advanced by `blocks`. */
function addToCounter(iv: Buffer, blocks: number): Buffer {
  const out = Buffer.from(iv);
  let carry = BigInt(blocks);
  for (let index = 15; index >= 0 && carry > 0n; index -= 1) {
    const sum = BigInt(out[index]!) + (carry & 0xffn);
    out[index] = Number(sum & 0xffn);
    carry = (carry >> 8n) + (sum >> 8n);
  }
  return out;
}
