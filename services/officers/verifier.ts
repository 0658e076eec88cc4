/**
 * The offline verifier of an officer's password: salted scrypt, made at each
 * successful online sign-in and kept sealed in the terminal's store. scrypt
 * is in Electron's BoringSSL (unlike the SM algorithms), so this runs the
 * same in the shipped build as in tests.
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

export interface PasswordVerifier {
  salt: string;
  hash: string;
  N: number;
  r: number;
  p: number;
}

/** 16 MiB of memory per check: slow for a thief with the store, quick enough at the counter. */
const PARAMS = { N: 16384, r: 8, p: 1 } as const;
const KEY_BYTES = 32;

function derive(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, KEY_BYTES, { ...options, maxmem: 64 * 1024 * 1024 }, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

export async function makeVerifier(password: string): Promise<PasswordVerifier> {
  const salt = randomBytes(16);
  const hash = await derive(password, salt, PARAMS);
  return { salt: salt.toString('hex'), hash: hash.toString('hex'), ...PARAMS };
}

export async function checkVerifier(password: string, verifier: PasswordVerifier): Promise<boolean> {
  const expected = Buffer.from(verifier.hash, 'hex');
  if (expected.length !== KEY_BYTES) return false;
  const actual = await derive(password, Buffer.from(verifier.salt, 'hex'), { N: verifier.N, r: verifier.r, p: verifier.p });
  return timingSafeEqual(actual, expected);
}
