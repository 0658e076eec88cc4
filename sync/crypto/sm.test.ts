import { execFileSync } from 'node:child_process';
import { createCipheriv } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateSm2KeyPair, sm2Sign, sm2Verify, sm3Hex, Sm4Box } from './sm';

/** SubjectPublicKeyInfo for an SM2 point: id-ecPublicKey with the SM2 curve OID 1.2.156.10197.1.301. */
function sm2PublicKeyPem(publicKeyHex: string): string {
  const der = Buffer.concat([Buffer.from('3059301306072a8648ce3d020106082a811ccf5501822d034200', 'hex'), Buffer.from(publicKeyHex, 'hex')]);
  return `-----BEGIN PUBLIC KEY-----\n${der.toString('base64').match(/.{1,64}/g)!.join('\n')}\n-----END PUBLIC KEY-----\n`;
}

describe('SM3', () => {
  it('matches the GB/T 32905 example "abc"', () => {
    expect(sm3Hex('abc')).toBe('66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0');
  });
});

describe('SM4', () => {
  it('matches the GB/T 32907 example', () => {
    const key = Buffer.from('0123456789abcdeffedcba9876543210', 'hex');
    const cipher = createCipheriv('sm4-ecb', key, null).setAutoPadding(false);
    expect(Buffer.concat([cipher.update(key), cipher.final()]).toString('hex')).toBe('681edf34d206965e86b3e94f536e4246');
  });

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
});

describe('SM2 signatures', () => {
  it('verify what they sign and nothing else', () => {
    const keys = generateSm2KeyPair();
    const signature = sm2Sign('POST\n/v1/submissions', keys);
    expect(sm2Verify('POST\n/v1/submissions', signature, keys.publicKey)).toBe(true);
    expect(sm2Verify('POST\n/v1/submissionz', signature, keys.publicKey)).toBe(false);
    expect(sm2Verify('POST\n/v1/submissions', signature, generateSm2KeyPair().publicKey)).toBe(false);
  });

  it('are real SM2 (GB/T 32918, default ID): OpenSSL verifies them', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sm2-'));
    try {
      const keys = generateSm2KeyPair();
      const message = 'GET\n/v1/feeds/catalogue\nabc\n1700000000000\n00ff\nwt-1';
      writeFileSync(join(dir, 'pub.pem'), sm2PublicKeyPem(keys.publicKey));
      writeFileSync(join(dir, 'msg'), message);
      writeFileSync(join(dir, 'sig'), Buffer.from(sm2Sign(message, keys), 'hex'));
      const verify = (file: string) =>
        execFileSync('openssl', ['pkeyutl', '-verify', '-pubin', '-inkey', join(dir, 'pub.pem'), '-rawin', '-digest', 'sm3', '-pkeyopt', 'distid:1234567812345678', '-in', join(dir, file), '-sigfile', join(dir, 'sig')], {
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'pipe'],
        });
      expect(verify('msg')).toMatch(/Signature Verified Successfully/);
      writeFileSync(join(dir, 'other'), message + 'x');
      expect(() => verify('other')).toThrow();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
