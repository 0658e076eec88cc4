import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ctrCounter, sm4CbcDecrypt, sm4CbcEncrypt, sm4Ctr } from './sm4';
import { hex, openssl, unhex } from './testing/oracle';

const node = (name: string, key: Uint8Array, iv: Uint8Array | null, data: Uint8Array, decrypt = false): string => {
  const cipher = decrypt ? createDecipheriv(name, key, iv) : createCipheriv(name, key, iv);
  return Buffer.concat([cipher.update(data), cipher.final()]).toString('hex');
};

describe('SM4 (GB/T 32907)', () => {
  const key = unhex('0123456789abcdeffedcba9876543210');
  const zero = new Uint8Array(16);

  it('matches example 1 of the standard (one block)', () => {
    expect(hex(sm4CbcEncrypt(key, zero, key).subarray(0, 16))).toBe('681edf34d206965e86b3e94f536e4246');
  });

  it('matches example 2 of the standard (the block encrypted 1,000,000 times)', () => {
    // CBC with a zero IV over the block followed by zero blocks chains E(E(…E(p))).
    const chain = new Uint8Array(16 * 1_000_000);
    chain.set(key, 0);
    const out = sm4CbcEncrypt(key, zero, chain);
    expect(hex(out.subarray(16 * 999_999, 16 * 1_000_000))).toBe('595298c7c6fd271f0402f804c33d3f66');
  });
});

describe('SM4-CBC (PKCS#7)', () => {
  it('agrees with node:crypto (OpenSSL) both ways', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 16, maxLength: 16 }), fc.uint8Array({ minLength: 16, maxLength: 16 }), fc.uint8Array({ maxLength: 200 }), (key, iv, data) => {
        const ours = sm4CbcEncrypt(key, iv, data);
        expect(hex(ours)).toBe(node('sm4-cbc', key, iv, data));
        expect(hex(sm4CbcDecrypt(key, iv, ours))).toBe(hex(data));
        expect(node('sm4-cbc', key, iv, ours, true)).toBe(hex(data));
      }),
      { numRuns: 300 },
    );
  });

  it('agrees with the openssl CLI', () => {
    const key = randomBytes(16);
    const iv = randomBytes(16);
    const data = randomBytes(1000);
    const theirs = openssl(['enc', '-sm4-cbc', '-K', key.toString('hex'), '-iv', iv.toString('hex')], data);
    expect(hex(sm4CbcEncrypt(key, iv, data))).toBe(theirs.toString('hex'));
    expect(hex(sm4CbcDecrypt(key, iv, theirs))).toBe(data.toString('hex'));
  });

  it('refuses a ciphertext that is not whole blocks or has broken padding', () => {
    const key = randomBytes(16);
    const iv = randomBytes(16);
    const sealed = sm4CbcEncrypt(key, iv, new TextEncoder().encode('personal data'));
    expect(() => sm4CbcDecrypt(key, iv, sealed.subarray(0, 15))).toThrow(/whole blocks/);
    expect(() => sm4CbcDecrypt(key, iv, new Uint8Array(0))).toThrow(/whole blocks/);
    expect(() => sm4CbcDecrypt(randomBytes(16), iv, sealed)).toThrow(/padding/);
    expect(() => sm4CbcEncrypt(randomBytes(15), iv, sealed)).toThrow(/key/);
  });
});

describe('SM4-CTR', () => {
  it('agrees with node:crypto (OpenSSL) from any block offset, across counter carries', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 16, maxLength: 16 }),
        fc.oneof(fc.uint8Array({ minLength: 16, maxLength: 16 }), fc.constant(unhex('00000000000000ffffffffffffffffff'))),
        fc.uint8Array({ maxLength: 600 }),
        fc.nat(40),
        (key, iv, data, skip) => {
          const whole = node('sm4-ctr', key, iv, data);
          expect(hex(sm4Ctr(key, iv, 0, data))).toBe(whole);
          // A range from block `skip` on, as the uploader reads a chunk.
          const from = Math.min(skip * 16, data.length - (data.length % 16));
          expect(hex(sm4Ctr(key, iv, from / 16, data.subarray(from)))).toBe(whole.slice(from * 2));
          expect(node('sm4-ctr', key, iv, sm4Ctr(key, iv, 0, data), true)).toBe(hex(data));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('agrees with the openssl CLI', () => {
    const key = randomBytes(16);
    const iv = randomBytes(16);
    const data = randomBytes(4099);
    expect(hex(sm4Ctr(key, iv, 0, data))).toBe(openssl(['enc', '-sm4-ctr', '-K', key.toString('hex'), '-iv', iv.toString('hex')], data).toString('hex'));
  });

  it('counts the whole IV as one 128-bit big-endian counter', () => {
    expect(hex(ctrCounter(unhex('ffffffffffffffffffffffffffffffff'), 1))).toBe('00000000000000000000000000000000');
    expect(hex(ctrCounter(unhex('000000000000000000000000fffffffe'), 3))).toBe('00000000000000000000000100000001');
    expect(hex(ctrCounter(new Uint8Array(16), 2 ** 40 + 5))).toBe('00000000000000000000010000000005');
  });
});
