/**
 * Commercial cryptography primitives. SM3 and SM4 come from Node's OpenSSL
 * (native, fast); SM2 signatures (GB/T 32918 with the Z value over the
 * default signer ID) come from sm-crypto-v2, because OpenSSL through Node
 * only offers ECDSA on the SM2 curve, which is not the SM2 signature scheme.
 */
import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';
import { sm2 } from 'sm-crypto-v2';

export function sm3(data: Uint8Array | string): Buffer {
  return createHash('sm3').update(data).digest();
}

export function sm3Hex(data: Uint8Array | string): string {
  return createHash('sm3').update(data).digest('hex');
}

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

/** DER-encoded SM2 signature (hex) over SM3(Z || message). */
export function sm2Sign(message: string | Uint8Array, keys: Sm2KeyPair): string {
  return sm2.doSignature(message, keys.privateKey, { hash: true, der: true, publicKey: keys.publicKey });
}

export function sm2Verify(message: string | Uint8Array, signatureHex: string, publicKey: string): boolean {
  try {
    return sm2.doVerifySignature(message, signatureHex, publicKey, { hash: true, der: true });
  } catch {
    return false;
  }
}

const BOX_VERSION = 1;
const IV_BYTES = 16;
const TAG_BYTES = 32;

/**
 * Authenticated encryption with SM4: SM4-CBC, then HMAC-SM3 over
 * version || iv || ciphertext (encrypt-then-MAC). OpenSSL 3.0 has no SM4-GCM
 * through Node, so integrity comes from the MAC. Both keys derive from one
 * 32-byte data key with HKDF-SM3 so the key provider guards a single secret.
 */
export class Sm4Box {
  readonly #encKey: Buffer;
  readonly #macKey: Buffer;

  constructor(dataKey: Uint8Array) {
    if (dataKey.length !== 32) throw new Error('data key must be 32 bytes');
    this.#encKey = Buffer.from(hkdfSync('sm3', dataKey, Buffer.alloc(0), 'window-terminal/sm4-enc', 16));
    this.#macKey = Buffer.from(hkdfSync('sm3', dataKey, Buffer.alloc(0), 'window-terminal/hmac-sm3', 32));
  }

  seal(plaintext: Uint8Array | string): Buffer {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('sm4-cbc', this.#encKey, iv);
    const body = Buffer.concat([Buffer.from([BOX_VERSION]), iv, cipher.update(plaintext), cipher.final()]);
    const tag = createHmac('sm3', this.#macKey).update(body).digest();
    return Buffer.concat([body, tag]);
  }

  /** Throws on a wrong key or any tampering. */
  open(sealed: Uint8Array): Buffer {
    const box = Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength);
    if (box.length < 1 + IV_BYTES + 16 + TAG_BYTES || box[0] !== BOX_VERSION) throw new Error('not a sealed box');
    const body = box.subarray(0, box.length - TAG_BYTES);
    const tag = box.subarray(box.length - TAG_BYTES);
    const expected = createHmac('sm3', this.#macKey).update(body).digest();
    if (!timingSafeEqual(tag, expected)) throw new Error('sealed box failed authentication');
    const iv = body.subarray(1, 1 + IV_BYTES);
    const decipher = createDecipheriv('sm4-cbc', this.#encKey, iv);
    return Buffer.concat([decipher.update(body.subarray(1 + IV_BYTES)), decipher.final()]);
  }

  sealJson(value: unknown): Buffer {
    return this.seal(JSON.stringify(value));
  }

  openJson<T>(sealed: Uint8Array): T {
    return JSON.parse(this.open(sealed).toString('utf8')) as T;
  }
}
