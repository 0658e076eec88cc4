/**
 * Materials at rest: each file is SM4-CTR encrypted under a key derived from
 * the data key, with a random per-file IV. CTR lets the uploader decrypt any
 * 16-byte-aligned range without reading the whole file. Integrity is checked
 * end to end instead: the backend compares the whole file's SM3 (taken at
 * capture) when the last chunk arrives.
 *
 * The cipher work runs on the SM worker thread (crypto/worker): pure
 * JavaScript SM3 + SM4 of a 40 MB scan take one to several seconds, which on
 * the services' thread would freeze every call and event meanwhile. The format (iv ||
 * ciphertext, the counter being the whole IV) is the one node:crypto's
 * sm4-ctr wrote, so files already on a terminal read back unchanged.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, fstatSync, mkdirSync, openSync, readSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { dirname } from 'node:path';
import { hkdfSm3 } from '../../crypto';
import { smWorker, type SmWorker } from '../../crypto/worker/client';
import { commitTempFile } from '../../platform/durable-file';

const HEADER = 16;
const STEP = 1024 * 1024;

export class MaterialCipher {
  readonly #key: Uint8Array;

  constructor(
    dataKey: Uint8Array,
    private readonly worker: SmWorker = smWorker(),
  ) {
    this.#key = hkdfSm3(dataKey, 'window-terminal/material-sm4-ctr', 16);
  }

  /**
   * Writes iv || ciphertext via a temporary name (a crash leaves no half file
   * under the final name), in 1 MiB steps with asynchronous I/O, each step
   * encrypted on the worker thread, so a 50 MB scan does not stall the event
   * loop (and the officer's screen) while it is encrypted and flushed.
   * Returns the plaintext's SM3.
   */
  async writeAsync(path: string, plaintext: Uint8Array): Promise<string> {
    mkdirSync(dirname(path), { recursive: true });
    const iv = new Uint8Array(randomBytes(HEADER));
    const sealing = await this.worker.beginSealing(plaintext.length);
    const temp = `${path}.tmp`;
    const handle = await open(temp, 'w', 0o600);
    try {
      await handle.write(iv);
      for (let offset = 0; offset < plaintext.length; offset += STEP) {
        const slice = plaintext.subarray(offset, Math.min(plaintext.length, offset + STEP));
        await handle.write(await sealing.step(this.#key, iv, offset, slice));
      }
      await handle.sync();
    } catch (error) {
      await sealing.abort();
      throw error;
    } finally {
      await handle.close();
    }
    const sm3 = await sealing.end();
    await commitTempFile(temp, path);
    return sm3;
  }

  plainSize(path: string): number {
    const fd = openSync(path, 'r');
    try {
      return fstatSync(fd).size - HEADER;
    } finally {
      closeSync(fd);
    }
  }

  /**
   * Plaintext bytes [offset, offset + length) and their SM3 (hex), as the
   * uploader sends a chunk. CTR decrypts whole blocks, so an unaligned offset
   * (a server may confirm any byte) is read from the block before.
   */
  async readRange(path: string, offset: number, length: number): Promise<{ data: Buffer; sm3Hex: string }> {
    const aligned = offset - (offset % 16);
    const iv = new Uint8Array(HEADER);
    const cipherText = new Uint8Array(length + (offset - aligned));
    let read: number;
    const fd = openSync(path, 'r');
    try {
      readSync(fd, iv, 0, HEADER, 0);
      read = readSync(fd, cipherText, 0, cipherText.length, HEADER + aligned);
    } finally {
      closeSync(fd);
    }
    const plain = await this.worker.sm4CtrWithSm3(this.#key, iv, aligned / 16, cipherText.subarray(0, read), offset - aligned);
    return { data: Buffer.from(plain.data.buffer, plain.data.byteOffset, plain.data.byteLength), sm3Hex: plain.sm3Hex };
  }
}
