/**
 * The terminal's SM2 key in standard containers (PKCS#8 / SPKI PEM, as
 * Node, OpenSSL and Java keystores exchange them), read down to the raw
 * scalar and point the SM2 arithmetic needs.
 *
 * Why not sign with node:crypto alone (checked on Node 24.21 / OpenSSL 3.5):
 * - crypto.generateKeyPairSync('sm2') is rejected ("must be a supported key
 *   type"); generateKeyPairSync('ec', { namedCurve: 'SM2' }) works;
 * - crypto.sign('sm3', data, key) with that key computes ECDSA over the SM2
 *   curve, not an SM2 signature (no other implementation verifies it);
 * - with the same key re-imported from PEM, OpenSSL treats it as SM2 but
 *   hashes Z with an empty distinguishing ID, and Node offers no option to
 *   set it (nodejs/node PR #37066 adding sm2Identifier was never merged).
 * Verifiers (backend, archive) expect GB/T 32918.2 / GM/T 0009 signatures
 * with the default ID "1234567812345678". So node:crypto generates and
 * stores keys and computes SM3, and the maintained sm-crypto-v2 library does
 * the SM2 signature itself; OpenSSL cross-checks it in the tests.
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync } from 'node:crypto';
import { SigningError } from './errors';

/** id-ecPublicKey 1.2.840.10045.2.1 and the SM2 curve 1.2.156.10197.1.301, DER-encoded. */
const EC_PUBLIC_KEY_OID = '2a8648ce3d0201';
const SM2_CURVE_OID = '2a811ccf5501822d';

export interface TerminalKeyPair {
  /** PKCS#8 PEM; stays on the terminal (key management belongs to the sync layer). */
  privateKeyPem: string;
  /** SPKI PEM; registered with the backend to verify the terminal's bindings. */
  publicKeyPem: string;
}

export interface RawSm2Key {
  /** 32-byte private scalar, hex. */
  privateKeyHex: string;
  /** Uncompressed point 04||X||Y, hex. */
  publicKeyHex: string;
}

/** A fresh SM2 key pair, for tests and for the sync layer's key enrolment. */
export function generateTerminalKeyPair(): TerminalKeyPair {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'SM2' });
  return {
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}

interface Tlv {
  tag: number;
  value: Uint8Array;
  end: number;
}

/** Reads one DER TLV at `offset` (definite lengths only, as DER requires). */
function readTlv(bytes: Uint8Array, offset: number): Tlv {
  const tag = bytes[offset];
  let length = bytes[offset + 1];
  if (tag === undefined || length === undefined) throw new SigningError('signing-key-invalid', 'key ends inside a DER header');
  let cursor = offset + 2;
  if (length & 0x80) {
    const count = length & 0x7f;
    if (count === 0 || count > 3) throw new SigningError('signing-key-invalid', 'unsupported DER length');
    length = 0;
    for (let i = 0; i < count; i += 1) length = (length << 8) | (bytes[cursor++] ?? 0);
  }
  const end = cursor + length;
  if (end > bytes.length) throw new SigningError('signing-key-invalid', 'DER value runs past the end of the key');
  return { tag, value: bytes.subarray(cursor, end), end };
}

function children(value: Uint8Array): Tlv[] {
  const items: Tlv[] = [];
  for (let offset = 0; offset < value.length; ) {
    const item = readTlv(value, offset);
    items.push(item);
    offset = item.end;
  }
  return items;
}

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');

function checkAlgorithm(algorithm: Tlv | undefined): void {
  const [oid, curve] = algorithm ? children(algorithm.value) : [];
  if (!oid || hex(oid.value) !== EC_PUBLIC_KEY_OID || !curve || hex(curve.value) !== SM2_CURVE_OID) {
    throw new SigningError('signing-key-not-sm2', 'the key is not an elliptic-curve key on the SM2 curve');
  }
}

/** Public point from an SPKI PEM (or DER). */
export function sm2PublicKeyHex(publicKeyPem: string | Uint8Array): string {
  let der: Uint8Array;
  try {
    der = new Uint8Array(createPublicKey(typeof publicKeyPem === 'string' ? publicKeyPem : { key: Buffer.from(publicKeyPem), format: 'der', type: 'spki' }).export({ type: 'spki', format: 'der' }));
  } catch (error) {
    throw new SigningError('signing-key-invalid', `not a public key: ${(error as Error).message}`);
  }
  const [algorithm, bitString] = children(readTlv(der, 0).value);
  checkAlgorithm(algorithm);
  if (!bitString || bitString.tag !== 0x03 || bitString.value[0] !== 0 || bitString.value[1] !== 0x04 || bitString.value.length !== 66) {
    throw new SigningError('signing-key-invalid', 'the public key is not an uncompressed 256-bit point');
  }
  return hex(bitString.value.subarray(1));
}

/** Private scalar and public point from a PKCS#8 PEM. */
export function rawSm2Key(privateKeyPem: string): RawSm2Key {
  let der: Uint8Array;
  let publicKeyHex: string;
  try {
    const key = createPrivateKey(privateKeyPem);
    der = new Uint8Array(key.export({ type: 'pkcs8', format: 'der' }));
    publicKeyHex = sm2PublicKeyHex(new Uint8Array(createPublicKey(key).export({ type: 'spki', format: 'der' })));
  } catch (error) {
    if (error instanceof SigningError) throw error;
    throw new SigningError('signing-key-invalid', `not a private key: ${(error as Error).message}`);
  }
  const [, algorithm, wrapped] = children(readTlv(der, 0).value);
  checkAlgorithm(algorithm);
  if (!wrapped || wrapped.tag !== 0x04) throw new SigningError('signing-key-invalid', 'PKCS#8 without a private key octet string');
  const [, scalar] = children(readTlv(wrapped.value, 0).value);
  if (!scalar || scalar.tag !== 0x04 || scalar.value.length !== 32) throw new SigningError('signing-key-invalid', 'the private scalar is not 32 bytes');
  return { privateKeyHex: hex(scalar.value), publicKeyHex };
}
