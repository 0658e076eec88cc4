import { createHash, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hkdfSm3, hmacSm3, sm3, sm3Hex } from './sm3';
import { hex, openssl } from './testing/oracle';

describe('SM3 (GB/T 32905)', () => {
  it('matches the standard’s examples (appendix A)', () => {
    expect(sm3Hex('abc')).toBe('66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0');
    expect(sm3Hex('abcd'.repeat(16))).toBe('debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732');
    expect(hex(sm3(new TextEncoder().encode('abc')))).toBe('66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0');
  });

  it('agrees with node:crypto (OpenSSL) on any input, strings as UTF-8', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 1000 }), fc.string({ unit: 'grapheme', maxLength: 40 }), (data, text) => {
        expect(sm3Hex(data)).toBe(createHash('sm3').update(data).digest('hex'));
        expect(sm3Hex(text)).toBe(createHash('sm3').update(text, 'utf8').digest('hex'));
      }),
      { numRuns: 300 },
    );
    const big = randomBytes(3 * 1024 * 1024 + 7);
    expect(sm3Hex(big)).toBe(createHash('sm3').update(big).digest('hex'));
  });

  it('agrees with the openssl CLI', () => {
    const data = randomBytes(100_003);
    expect(openssl(['dgst', '-sm3', '-r'], data).toString().split(' ')[0]).toBe(sm3Hex(data));
  });
});

describe('HMAC-SM3 and HKDF-SM3', () => {
  it('agree with node:crypto for keys shorter and longer than a block', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 100 }), fc.uint8Array({ maxLength: 300 }), (key, data) => {
        expect(hex(hmacSm3(key, data))).toBe(createHmac('sm3', key).update(data).digest('hex'));
      }),
      { numRuns: 200 },
    );
  });

  it('agrees with the openssl CLI', () => {
    const key = randomBytes(32);
    const data = randomBytes(5000);
    const out = openssl(['mac', '-digest', 'SM3', '-macopt', `hexkey:${key.toString('hex')}`, 'HMAC'], data).toString().trim();
    expect(out.toLowerCase()).toBe(hex(hmacSm3(key, data)));
  });

  it('derives the same keys as node:crypto’s hkdfSync, so data keys of existing stores still fit', () => {
    for (const info of ['window-terminal/sm4-enc', 'window-terminal/hmac-sm3', 'window-terminal/material-sm4-ctr']) {
      const ikm = randomBytes(32);
      for (const length of [16, 32]) {
        expect(hex(hkdfSm3(ikm, info, length))).toBe(Buffer.from(hkdfSync('sm3', ikm, Buffer.alloc(0), info, length)).toString('hex'));
      }
    }
  });
});
