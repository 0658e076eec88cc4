/**
 * SM4 (GB/T 32907) in CBC (PKCS#7 padding) and CTR modes, on the block
 * cipher of sm-crypto-v2 (pure JavaScript), so it runs inside Electron, whose
 * BoringSSL has no SM4. The library offers ECB, CBC and GCM; CTR is built
 * here from ECB over the counter blocks (one library call per range, not per
 * block). The counter is the whole 128-bit IV, big-endian, as in OpenSSL's
 * sm4-ctr, so files written by either read back with the other.
 */
import { sm4 } from 'sm-crypto-v2';

export const SM4_BLOCK = 16;

function checkKeyIv(key: Uint8Array, iv: Uint8Array): void {
  if (key.length !== 16) throw new Error('SM4 key must be 16 bytes');
  if (iv.length !== SM4_BLOCK) throw new Error('SM4 IV must be 16 bytes');
}

export function sm4CbcEncrypt(key: Uint8Array, iv: Uint8Array, plaintext: Uint8Array): Uint8Array {
  checkKeyIv(key, iv);
  return sm4.encrypt(plaintext, key, { mode: 'cbc', iv, padding: 'pkcs#7', output: 'array' });
}

/** Throws on a ciphertext that is not whole blocks or whose padding is wrong. */
export function sm4CbcDecrypt(key: Uint8Array, iv: Uint8Array, ciphertext: Uint8Array): Uint8Array {
  checkKeyIv(key, iv);
  if (ciphertext.length === 0 || ciphertext.length % SM4_BLOCK !== 0) throw new Error('SM4-CBC ciphertext is not whole blocks');
  const padded = sm4.decrypt(ciphertext, key, { mode: 'cbc', iv, padding: 'none', output: 'array' });
  const count = padded[padded.length - 1]!;
  if (count < 1 || count > SM4_BLOCK || padded.subarray(padded.length - count).some((byte) => byte !== count)) throw new Error('SM4-CBC padding is invalid');
  return padded.slice(0, padded.length - count);
}

/** The 128-bit big-endian counter block `iv + blocks`. */
export function ctrCounter(iv: Uint8Array, blocks: number): Uint8Array {
  if (!Number.isSafeInteger(blocks) || blocks < 0) throw new Error('counter offset must be a non-negative integer');
  const out = Uint8Array.from(iv);
  let carry = blocks;
  for (let index = 15; index >= 0 && carry > 0; index -= 1) {
    const sum = out[index]! + (carry % 256);
    out[index] = sum & 0xff;
    carry = Math.floor(carry / 256) + (sum >> 8);
  }
  return out;
}

/**
 * SM4-CTR (encryption and decryption are the same): `data` is the stream
 * from block `blocks` on, i.e. byte offset `blocks * 16` of the message.
 */
export function sm4Ctr(key: Uint8Array, iv: Uint8Array, blocks: number, data: Uint8Array): Uint8Array {
  checkKeyIv(key, iv);
  const count = Math.ceil(data.length / SM4_BLOCK);
  const counters = new Uint8Array(count * SM4_BLOCK);
  const counter = ctrCounter(iv, blocks);
  for (let block = 0; block < count; block += 1) {
    counters.set(counter, block * SM4_BLOCK);
    for (let index = 15; index >= 0; index -= 1) {
      counter[index] = (counter[index]! + 1) & 0xff;
      if (counter[index] !== 0) break;
    }
  }
  const stream = sm4.encrypt(counters, key, { padding: 'none', output: 'array' });
  const out = new Uint8Array(data.length);
  for (let index = 0; index < data.length; index += 1) out[index] = data[index]! ^ stream[index]!;
  return out;
}
