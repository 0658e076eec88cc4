import { createPrivateKey, createPublicKey, generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sm2Sign, sm2Verify } from '../crypto';
import { SigningError } from './errors';
import { generateTerminalKeyPair, rawSm2Key, sm2PublicKeyHex } from './sm2-key';

const spkiPoint = (pem: string): string => createPublicKey(pem).export({ type: 'spki', format: 'der' }).subarray(-65).toString('hex');

describe('SM2 keys in PKCS#8 / SPKI without node:crypto', () => {
  it('reads keys OpenSSL wrote (keys already on a terminal) to the same scalar and point', () => {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'SM2' });
    const privatePem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const publicPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const raw = rawSm2Key(privatePem);
    // The point is computed from the scalar read, so equal points mean the scalar was read right.
    expect(raw.publicKeyHex).toBe(spkiPoint(publicPem));
    expect(sm2PublicKeyHex(publicPem)).toBe(raw.publicKeyHex);
  });

  it('writes keys OpenSSL reads back to the same point, and that sign and verify', () => {
    const pair = generateTerminalKeyPair();
    const raw = rawSm2Key(pair.privateKeyPem);
    expect(spkiPoint(pair.publicKeyPem)).toBe(raw.publicKeyHex);
    expect(createPublicKey(createPrivateKey(pair.privateKeyPem)).export({ type: 'spki', format: 'der' }).subarray(-65).toString('hex')).toBe(raw.publicKeyHex);
    const signature = sm2Sign('message digest', { privateKey: raw.privateKeyHex, publicKey: raw.publicKeyHex });
    expect(sm2Verify('message digest', signature, sm2PublicKeyHex(pair.publicKeyPem))).toBe(true);
  });

  it('refuses what is not an SM2 key with a coded error', () => {
    const code = (action: () => unknown): string | undefined => {
      try {
        action();
      } catch (error) {
        return error instanceof SigningError ? error.code : 'other';
      }
      return undefined;
    };
    const pair = generateTerminalKeyPair();
    expect(code(() => rawSm2Key(pair.publicKeyPem))).toBe('signing-key-invalid');
    expect(code(() => sm2PublicKeyHex(pair.privateKeyPem))).toBe('signing-key-invalid');
    expect(code(() => sm2PublicKeyHex('-----BEGIN PUBLIC KEY-----\n!!!!\n-----END PUBLIC KEY-----\n'))).toBe('signing-key-invalid');
    const offCurve = pair.publicKeyPem.replace(/-----[A-Z ]+-----|\s/g, '');
    const der = Buffer.from(offCurve, 'base64');
    der[der.length - 1] = der[der.length - 1]! ^ 1;
    expect(code(() => sm2PublicKeyHex(new Uint8Array(der)))).toBe('signing-key-invalid');
    const p256 = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ type: 'spki', format: 'pem' }).toString();
    expect(code(() => sm2PublicKeyHex(p256))).toBe('signing-key-not-sm2');
  });
});
