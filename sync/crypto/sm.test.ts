import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Sm4Box } from './sm';

/** How boxes were sealed when node:crypto (OpenSSL) computed them: the at-rest format of existing stores. */
function nodeKeys(dataKey: Uint8Array) {
  return {
    enc: Buffer.from(hkdfSync('sm3', dataKey, Buffer.alloc(0), 'window-terminal/sm4-enc', 16)),
    mac: Buffer.from(hkdfSync('sm3', dataKey, Buffer.alloc(0), 'window-terminal/hmac-sm3', 32)),
  };
}

function nodeSeal(dataKey: Uint8Array, plaintext: Uint8Array): Buffer {
  const { enc, mac } = nodeKeys(dataKey);
  const iv = randomBytes(16);
  const cipher = createCipheriv('sm4-cbc', enc, iv);
  const body = Buffer.concat([Buffer.from([1]), iv, cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([body, createHmac('sm3', mac).update(body).digest()]);
}

function nodeOpen(dataKey: Uint8Array, sealed: Buffer): Buffer {
  const { enc, mac } = nodeKeys(dataKey);
  const body = sealed.subarray(0, sealed.length - 32);
  expect(createHmac('sm3', mac).update(body).digest().equals(sealed.subarray(sealed.length - 32))).toBe(true);
  const decipher = createDecipheriv('sm4-cbc', enc, body.subarray(1, 17));
  return Buffer.concat([decipher.update(body.subarray(17)), decipher.final()]);
}

describe('Sm4Box (SM4-CBC + HMAC-SM3)', () => {
  it('round-trips any plaintext and refuses a tampered or foreign box', () => {
    const box = new Sm4Box(Buffer.alloc(32, 1));
    const other = new Sm4Box(Buffer.alloc(32, 2));
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.nat(), (data, flip) => {
        const sealed = box.seal(data);
        expect(Buffer.compare(box.open(sealed), Buffer.from(data))).toBe(0);
        const tampered = Buffer.from(sealed);
        const index = flip % tampered.length;
        tampered[index] = tampered[index]! ^ 0x01;
        expect(() => box.open(tampered)).toThrow();
        expect(() => other.open(sealed)).toThrow();
      }),
      { numRuns: 200 },
    );
  });

  it('opens boxes sealed by the former node:crypto code, and that code opens ours (stores on terminals stay readable)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 32, maxLength: 32 }), fc.uint8Array({ maxLength: 300 }), (dataKey, data) => {
        const box = new Sm4Box(dataKey);
        expect(box.open(nodeSeal(dataKey, data)).toString('hex')).toBe(Buffer.from(data).toString('hex'));
        expect(nodeOpen(dataKey, box.seal(data)).toString('hex')).toBe(Buffer.from(data).toString('hex'));
      }),
      { numRuns: 100 },
    );
  });
});
