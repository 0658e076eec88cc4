/**
 * `Sm4Box`: how the store seals personal data and the terminal's keys at
 * rest. The primitives come from the one crypto module (crypto/, pure
 * JavaScript, so this runs inside Electron, whose BoringSSL has no SM3/SM4).
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { hkdfSm3, hmacSm3, sm4CbcDecrypt, sm4CbcEncrypt } from '../../crypto';

/** The same functions as crypto/ (not copies), for imports written before it existed; new code imports crypto/. */
export { generateSm2KeyPair, sm2Sign, sm2Verify, sm3Hex, type Sm2KeyPair } from '../../crypto';

const BOX_VERSION = 1;
const IV_BYTES = 16;
const TAG_BYTES = 32;

/**
 * Authenticated encryption with SM4: SM4-CBC, then HMAC-SM3 over
 * version || iv || ciphertext (encrypt-then-MAC). Both keys derive from one
 * 32-byte data key with HKDF-SM3 so the key provider guards a single secret.
 * The format is the one boxes were written in when node:crypto (OpenSSL)
 * computed it, so existing stores open unchanged (a test keeps it so).
 */
export class Sm4Box {
  readonly #encKey: Uint8Array;
  readonly #macKey: Uint8Array;

  constructor(dataKey: Uint8Array) {
    if (dataKey.length !== 32) throw new Error('data key must be 32 bytes');
    this.#encKey = hkdfSm3(dataKey, 'window-terminal/sm4-enc', 16);
    this.#macKey = hkdfSm3(dataKey, 'window-terminal/hmac-sm3', 32);
  }

  seal(plaintext: Uint8Array | string): Buffer {
    const iv = randomBytes(IV_BYTES);
    const data = typeof plaintext === 'string' ? Buffer.from(plaintext, 'utf8') : plaintext;
    const body = Buffer.concat([Buffer.from([BOX_VERSION]), iv, sm4CbcEncrypt(this.#encKey, iv, data)]);
    return Buffer.concat([body, hmacSm3(this.#macKey, body)]);
  }

  /** Throws on a wrong key or any tampering. */
  open(sealed: Uint8Array): Buffer {
    const box = Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength);
    if (box.length < 1 + IV_BYTES + 16 + TAG_BYTES || box[0] !== BOX_VERSION) throw new Error('not a sealed box');
    const body = box.subarray(0, box.length - TAG_BYTES);
    const tag = box.subarray(box.length - TAG_BYTES);
    if (!timingSafeEqual(tag, hmacSm3(this.#macKey, body))) throw new Error('sealed box failed authentication');
    const iv = body.subarray(1, 1 + IV_BYTES);
    return Buffer.from(sm4CbcDecrypt(this.#encKey, iv, body.subarray(1 + IV_BYTES)));
  }

  sealJson(value: unknown): Buffer {
    return this.seal(JSON.stringify(value));
  }

  openJson<T>(sealed: Uint8Array): T {
    return JSON.parse(this.open(sealed).toString('utf8')) as T;
  }
}
