import { execFile } from 'node:child_process';
import { createPrivateKey, generateKeyPairSync, sign as nodeSign } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Signature } from '../domain/signature';
import { SigningError } from './errors';
import { sm3Hex } from '../crypto';
import { bindSignature, bindingMessage, canonicalPoints, verifySignatureBinding, type SignatureBinding, type SignatureBindingInput } from './signature-binding';
import { generateTerminalKeyPair, rawSm2Key, type TerminalKeyPair } from './sm2-key';

const execFileAsync = promisify(execFile);

const signature: Signature = {
  points: [
    { x: 0.1, y: 0.8, pressure: 0.2, t: 0 },
    { x: 0.2, y: 0.7, pressure: 0.5, t: 5 },
    { x: 0.3, y: 0.65, pressure: 0, t: 10 },
  ],
  aspectRatio: 1.6,
};

const input = (document = new TextEncoder().encode('%PDF-1.7 declaration of marriage registration')): SignatureBindingInput => ({
  document,
  signature,
  signer: { role: 'party-a', name: '张三' },
  signedAt: '2026-05-10T09:30:00+08:00',
  terminalId: 'terminal-310104-07',
  caseId: 'case-42',
});

let key: TerminalKeyPair;
let dir: string;
beforeAll(async () => {
  key = generateTerminalKeyPair();
  dir = await mkdtemp(path.join(os.tmpdir(), 'sm2-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('SM3 (the one helper in crypto/)', () => {
  it('matches the GB/T 32905-2016 appendix A examples', () => {
    expect(sm3Hex('abc')).toBe('66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0');
    expect(sm3Hex('abcd'.repeat(16))).toBe('debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732');
  });
});

describe('binding a signature to a document', () => {
  it('verifies with the terminal’s registered key', () => {
    const binding = bindSignature(input(), key.privateKeyPem);
    expect(binding).toMatchObject({ version: 'WT-SIGBIND-1', algorithm: 'SM2-SM3', contentSm3: sm3Hex(input().document), signer: { role: 'party-a', name: '张三' } });
    expect(verifySignatureBinding(binding, { document: input().document, signature }, key.publicKeyPem)).toEqual({ valid: true, problems: [] });
  });

  it('names what changed: the document, the points, the facts, or the key', () => {
    const binding = bindSignature(input(), key.privateKeyPem);
    const changedDocument = new TextEncoder().encode('%PDF-1.7 declaration of marriage registratioN');
    expect(verifySignatureBinding(binding, { document: changedDocument, signature }, key.publicKeyPem).problems).toEqual(['content-changed']);

    const moved: Signature = { ...signature, points: signature.points.map((p, i) => (i === 1 ? { ...p, x: p.x + 1e-12 } : p)) };
    expect(verifySignatureBinding(binding, { document: input().document, signature: moved }, key.publicKeyPem).problems).toEqual(['signature-points-changed']);

    const backdated: SignatureBinding = { ...binding, signedAt: '2026-05-09T09:30:00+08:00' };
    expect(verifySignatureBinding(backdated, { document: input().document, signature }, key.publicKeyPem).problems).toEqual(['signature-invalid']);

    const other = generateTerminalKeyPair();
    expect(verifySignatureBinding(binding, { document: input().document, signature }, other.publicKeyPem).problems).toEqual(['key-mismatch', 'signature-invalid']);
  });

  it('is checked by OpenSSL as a standard SM2 signature with the default ID, and verifies OpenSSL’s own', async () => {
    const binding = bindSignature(input(), key.privateKeyPem);
    await writeFile(path.join(dir, 'message'), bindingMessage(binding));
    await writeFile(path.join(dir, 'signature.der'), Buffer.from(binding.signature, 'base64'));
    await writeFile(path.join(dir, 'public.pem'), key.publicKeyPem);
    await writeFile(path.join(dir, 'private.pem'), key.privateKeyPem);
    const verify = await execFileAsync('openssl', [
      'pkeyutl', '-verify', '-rawin', '-digest', 'sm3', '-pubin', '-inkey', path.join(dir, 'public.pem'),
      '-in', path.join(dir, 'message'), '-sigfile', path.join(dir, 'signature.der'), '-pkeyopt', 'distid:1234567812345678',
    ]);
    expect(verify.stdout).toContain('Signature Verified Successfully');

    await execFileAsync('openssl', [
      'pkeyutl', '-sign', '-rawin', '-digest', 'sm3', '-inkey', path.join(dir, 'private.pem'),
      '-in', path.join(dir, 'message'), '-out', path.join(dir, 'openssl.der'), '-pkeyopt', 'distid:1234567812345678',
    ]);
    const signedByOpenssl: SignatureBinding = { ...binding, signature: (await readFile(path.join(dir, 'openssl.der'))).toString('base64') };
    expect(verifySignatureBinding(signedByOpenssl, { document: input().document, signature }, key.publicKeyPem).valid).toBe(true);
  });

  it('documents why node:crypto does not sign: its SM3 signature with this key is not a standard SM2 signature', () => {
    const binding = bindSignature(input(), key.privateKeyPem);
    const viaNode = nodeSign('sm3', bindingMessage(binding), createPrivateKey(key.privateKeyPem)).toString('base64');
    expect(verifySignatureBinding({ ...binding, signature: viaNode }, { document: input().document, signature }, key.publicKeyPem).problems).toEqual(['signature-invalid']);
  });

  it('refuses keys that are not SM2, broken keys and empty or broken input', () => {
    const p256 = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const code = (action: () => unknown): string | undefined => {
      try {
        action();
      } catch (error) {
        return error instanceof SigningError ? error.code : 'other';
      }
      return undefined;
    };
    expect(code(() => bindSignature(input(), p256))).toBe('signing-key-not-sm2');
    expect(code(() => bindSignature(input(), '-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n'))).toBe('signing-key-invalid');
    expect(code(() => bindSignature(input(new Uint8Array(0)), key.privateKeyPem))).toBe('signing-input-invalid');
    expect(code(() => bindSignature({ ...input(), signature: { points: [{ x: Number.NaN, y: 0, pressure: 1, t: 0 }] } }, key.privateKeyPem))).toBe('signing-input-invalid');
    expect(code(() => bindSignature({ ...input(), signedAt: 'yesterday' }, key.privateKeyPem))).toBe('signing-input-invalid');
    expect(rawSm2Key(key.privateKeyPem).privateKeyHex).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('canonical point encoding', () => {
  it('changes when any single value of any point changes', () => {
    const point = fc.record({
      x: fc.double({ min: 0, max: 1, noNaN: true }),
      y: fc.double({ min: 0, max: 1, noNaN: true }),
      pressure: fc.double({ min: 0, max: 1, noNaN: true }),
      t: fc.double({ min: 0, max: 1e6, noNaN: true }),
    });
    fc.assert(
      fc.property(fc.array(point, { minLength: 1, maxLength: 20 }), fc.nat(), fc.constantFrom('x' as const, 'y' as const, 'pressure' as const, 't' as const), (points, which, field) => {
        const index = which % points.length;
        const original = points[index]![field];
        const changed = points.map((p, i) => (i === index ? { ...p, [field]: original === 0 ? Number.MIN_VALUE : original * (1 - Number.EPSILON) } : p));
        fc.pre(changed[index]![field] !== original);
        expect(sm3Hex(canonicalPoints({ points }))).not.toBe(sm3Hex(canonicalPoints({ points: changed })));
      }),
    );
  });
});
