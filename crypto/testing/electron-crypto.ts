/**
 * node:crypto as it is inside Electron, whose BoringSSL has no SM2, SM3 or
 * SM4 (electron/electron#35857, #34925): `getHashes()` without sm3,
 * `getCiphers()` without sm4, `getCurves()` without SM2, and every call that
 * names them throws as Electron does ("Digest method not supported",
 * "Unknown cipher", unsupported SM2 keys and curve).
 *
 * Used as the setup file of the `electron-crypto` Vitest project (before any
 * test module loads) and, through SOURCE_WORKER_IMPORTS_ENV, as an
 * `--import` preload of the SM worker thread. Calls made directly by tests,
 * fixtures (the reference backend is another machine with OpenSSL) and test
 * helpers keep the real algorithms: they are the oracle.
 */
import { createRequire, syncBuiltinESMExports } from 'node:module';
import { fileURLToPath } from 'node:url';
import { SOURCE_WORKER_IMPORTS_ENV } from '../worker/protocol';

const here = fileURLToPath(import.meta.url);
const nodeCrypto = createRequire(import.meta.url)('node:crypto') as Record<string, unknown> & typeof import('node:crypto');
const patchedMark = Symbol.for('window-terminal/electron-crypto');

const SM_NAME = /^(sm[234]|.*-sm3)($|-)/i;
/** The SM2 curve OID 1.2.156.10197.1.301 as DER content bytes. */
const SM2_OID = Buffer.from('2a811ccf5501822d', 'hex');

/** True when the nearest caller outside this file and Node's internals is a test, a fixture or a test helper. */
function calledByOracle(): boolean {
  for (const frame of (new Error().stack ?? '').split('\n').slice(1)) {
    if (frame.includes(here) || frame.includes('node:') || !frame.includes('/')) continue;
    return /\.test\.ts|\/fixtures\/|\/testing\/|\/tests\//.test(frame);
  }
  return false;
}

function electronError(message: string, code: string): Error {
  return Object.assign(new Error(message), { code });
}

const isSm = (name: unknown): boolean => typeof name === 'string' && SM_NAME.test(name);

function holdsSm2Key(key: unknown): boolean {
  const material = typeof key === 'object' && key !== null && 'key' in key ? (key as { key: unknown }).key : key;
  if (typeof material === 'string') {
    const body = /-----BEGIN [A-Z ]+-----([\s\S]*?)-----END/.exec(material)?.[1];
    return body !== undefined && Buffer.from(body.replace(/\s+/g, ''), 'base64').includes(SM2_OID);
  }
  if (material instanceof Uint8Array) return Buffer.from(material).includes(SM2_OID);
  if (typeof material === 'object' && material !== null && (material as { crv?: string }).crv === 'SM2') return true;
  return false;
}

type Guard = (args: unknown[]) => Error | undefined;
const digestAt = (index: number): Guard => (args) => (isSm(args[index]) ? electronError('Digest method not supported', 'ERR_CRYPTO_INVALID_DIGEST') : undefined);
const cipherAt = (index: number): Guard => (args) => (isSm(args[index]) ? electronError('Unknown cipher', 'ERR_CRYPTO_UNKNOWN_CIPHER') : undefined);
const keyAt = (index: number): Guard => (args) => (holdsSm2Key(args[index]) ? electronError('Unsupported key type: SM2 curve', 'ERR_OSSL_EVP_UNSUPPORTED_ALGORITHM') : undefined);
const curve: Guard = ([type, options]) => {
  const named = (options as { namedCurve?: unknown } | undefined)?.namedCurve;
  return (typeof type === 'string' && /^sm2$/i.test(type)) || (typeof named === 'string' && /^sm2$/i.test(named)) ? electronError('Invalid EC curve name', 'ERR_CRYPTO_INVALID_CURVE') : undefined;
};

const guards: Record<string, Guard[]> = {
  createHash: [digestAt(0)],
  createHmac: [digestAt(0)],
  hash: [digestAt(0)],
  hkdf: [digestAt(0)],
  hkdfSync: [digestAt(0)],
  pbkdf2: [digestAt(4)],
  pbkdf2Sync: [digestAt(4)],
  createSign: [digestAt(0)],
  createVerify: [digestAt(0)],
  sign: [digestAt(0), keyAt(2)],
  verify: [digestAt(0), keyAt(2)],
  createCipheriv: [cipherAt(0)],
  createDecipheriv: [cipherAt(0)],
  createPrivateKey: [keyAt(0)],
  createPublicKey: [keyAt(0)],
  generateKeyPair: [curve],
  generateKeyPairSync: [curve],
};

if (!nodeCrypto[patchedMark as unknown as string]) {
  for (const [name, checks] of Object.entries(guards)) {
    const original = nodeCrypto[name] as (...args: unknown[]) => unknown;
    if (typeof original !== 'function') continue;
    nodeCrypto[name] = function electronLike(this: unknown, ...args: unknown[]) {
      for (const check of checks) {
        const error = check(args);
        if (error && !calledByOracle()) throw error;
      }
      return original.apply(this, args);
    };
  }
  const getHashes = nodeCrypto.getHashes;
  const getCiphers = nodeCrypto.getCiphers;
  const getCurves = nodeCrypto.getCurves;
  nodeCrypto.getHashes = () => getHashes().filter((name) => !/sm3/i.test(name));
  nodeCrypto.getCiphers = () => getCiphers().filter((name) => !/sm4/i.test(name));
  nodeCrypto.getCurves = () => getCurves().filter((name) => !/sm2/i.test(name));
  nodeCrypto[patchedMark as unknown as string] = true;
  // Named imports (`import { createHash } from 'node:crypto'`) see the patched functions.
  syncBuiltinESMExports();
  // Source-run SM worker threads load this file first too.
  process.env[SOURCE_WORKER_IMPORTS_ENV] = here;
}
