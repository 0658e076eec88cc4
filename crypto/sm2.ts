/**
 * SM2 signatures (GB/T 32918.2 with SM3) from sm-crypto-v2: the signed digest
 * is SM3(Z || message), Z over the standard signer ID "1234567812345678"
 * (GM/T 0009), which is what the backend, OpenSSL (`distid:`) and archive
 * verifiers expect. Signatures are DER (SEQUENCE of r, s) in hex.
 * Keys are hex: a 32-byte private scalar and the uncompressed point 04||X||Y.
 */
import { sm2 } from 'sm-crypto-v2';

export const SM2_DEFAULT_ID = '1234567812345678';

export interface Sm2KeyPair {
  /** 64 hex chars. */
  privateKey: string;
  /** Uncompressed point, 130 hex chars starting with 04. */
  publicKey: string;
}

export function generateSm2KeyPair(): Sm2KeyPair {
  const pair = sm2.generateKeyPairHex();
  return { privateKey: pair.privateKey, publicKey: pair.publicKey };
}

/** The uncompressed public point (hex) of a private scalar (hex). */
export function sm2PublicKeyOf(privateKeyHex: string): string {
  return sm2.getPublicKeyFromPrivateKey(privateKeyHex);
}

/** True when `publicKeyHex` is an uncompressed point on the SM2 curve. */
export function isSm2PublicKey(publicKeyHex: string): boolean {
  if (!/^04[0-9a-f]{128}$/i.test(publicKeyHex)) return false;
  try {
    return sm2.verifyPublicKey(publicKeyHex);
  } catch {
    return false;
  }
}

/** DER-encoded SM2 signature (hex) over SM3(Z || message), Z with the standard ID. */
export function sm2Sign(message: string | Uint8Array, keys: Sm2KeyPair): string {
  return sm2.doSignature(message, keys.privateKey, { hash: true, der: true, publicKey: keys.publicKey, userId: SM2_DEFAULT_ID });
}

/** False (never a throw) for a malformed signature or key. */
export function sm2Verify(message: string | Uint8Array, signatureHex: string, publicKey: string): boolean {
  try {
    return sm2.doVerifySignature(message, signatureHex, publicKey, { hash: true, der: true, userId: SM2_DEFAULT_ID });
  } catch {
    return false;
  }
}
