import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../testing/harness';
import { MaterialCipher } from './material-file';

/** The material key as the former node:crypto code derived it. */
const nodeKey = (dataKey: Uint8Array) => Buffer.from(hkdfSync('sm3', dataKey, Buffer.alloc(0), 'window-terminal/material-sm4-ctr', 16));

let cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups) cleanup();
  cleanups = [];
});

describe('MaterialCipher (SM4-CTR at rest, on the SM worker thread)', () => {
  it('writes files OpenSSL decrypts, with the plaintext’s SM3, across several 1 MiB steps', async () => {
    const dir = tempDir('material-file-');
    cleanups.push(() => dir.remove());
    const dataKey = randomBytes(32);
    const plaintext = randomBytes(2 * 1024 * 1024 + 1234);
    const path = join(dir.path, 'm.sm4');
    const sm3 = await new MaterialCipher(dataKey).writeAsync(path, plaintext);
    expect(sm3).toBe(createHash('sm3').update(plaintext).digest('hex'));
    const file = readFileSync(path);
    const decipher = createDecipheriv('sm4-ctr', nodeKey(dataKey), file.subarray(0, 16));
    expect(Buffer.concat([decipher.update(file.subarray(16)), decipher.final()]).equals(plaintext)).toBe(true);
  });

  it('reads files the former node:crypto code wrote (materials already on a terminal), any aligned range with its SM3', async () => {
    const dir = tempDir('material-file-');
    cleanups.push(() => dir.remove());
    const dataKey = randomBytes(32);
    const plaintext = randomBytes(300_001);
    const iv = Buffer.from('00000000000000000000fffffffffff0', 'hex'); // the counter carries inside the file
    const cipher = createCipheriv('sm4-ctr', nodeKey(dataKey), iv);
    const path = join(dir.path, 'old.sm4');
    writeFileSync(path, Buffer.concat([iv, cipher.update(plaintext), cipher.final()]));
    const materials = new MaterialCipher(dataKey);
    expect(materials.plainSize(path)).toBe(plaintext.length);
    // Unaligned offsets too: the server may confirm any byte.
    for (const [offset, length] of [[0, 65_536], [65_536, 65_536], [299_008, 65_536], [16, 1], [70_001, 65_536], [3, 5]] as const) {
      const chunk = await materials.readRange(path, offset, length);
      const expected = plaintext.subarray(offset, offset + length);
      expect(chunk.data.equals(expected)).toBe(true);
      expect(chunk.sm3Hex).toBe(createHash('sm3').update(expected).digest('hex'));
    }
  });
});
