/**
 * SM3 (GB/T 32905), HMAC-SM3 (RFC 2104) and HKDF-SM3 (RFC 5869), all from
 * sm-crypto-v2 (pure JavaScript), so they run inside Electron, whose
 * BoringSSL has no SM3. Strings are hashed as UTF-8.
 */
import { hkdf as smHkdf, sm2, sm3 as smSm3 } from 'sm-crypto-v2';

const utf8 = new TextEncoder();

function bytes(data: Uint8Array | string): Uint8Array {
  return typeof data === 'string' ? utf8.encode(data) : data;
}

export function sm3Hex(data: Uint8Array | string): string {
  return smSm3(bytes(data));
}

export function sm3(data: Uint8Array | string): Uint8Array {
  return sm2.hexToArray(sm3Hex(data));
}

export function hmacSm3(key: Uint8Array, data: Uint8Array | string): Uint8Array {
  // A Uint8Array key is taken as bytes (a string key would be read as hex).
  return sm2.hexToArray(smSm3(bytes(data), { key, mode: 'hmac' }));
}

/** HKDF-SM3 with an empty salt, the same bytes as node:crypto's hkdfSync('sm3', ikm, '', info, length). */
export function hkdfSm3(ikm: Uint8Array, info: string, length: number): Uint8Array {
  return Uint8Array.from(smHkdf(ikm, undefined, utf8.encode(info), length));
}
