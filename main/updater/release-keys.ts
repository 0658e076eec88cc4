/**
 * Release public keys pinned in the shell. A payload is loaded, and an
 * update downloaded, only if its manifest verifies with one of these;
 * changing them takes a shell release (which electron-updater installs only
 * after the same signed manifest check). Two entries allow a key rotation:
 * publish with the new key once every terminal runs a shell that pins both.
 *
 * Where they come from:
 * - build time (production): `RELEASE_PUBLIC_KEYS="04…,04…" npm run build`
 *   bakes them into the shell's bundle (electron.vite.config.ts defines
 *   __RELEASE_KEYS__); the private half stays with the release officer;
 * - run time, development only: the environment variable
 *   TERMINAL_RELEASE_KEYS (same format), for the web host, tests and drills.
 * A packaged shell ignores the environment and, built without keys, refuses
 * to start (fail closed: it would otherwise run without any way to update,
 * or be talked into trusting a key from its surroundings).
 */
import type { StartupRefusal } from '../startup/messages';

declare const __RELEASE_KEYS__: string | undefined;

export const RELEASE_KEYS_ENV = 'TERMINAL_RELEASE_KEYS';
const BUILD_KEYS: string = typeof __RELEASE_KEYS__ === 'string' ? __RELEASE_KEYS__ : '';

/** An uncompressed SM2 public key, hex. */
const PUBLIC_KEY = /^04[0-9a-f]{128}$/;

export function parseReleaseKeys(text: string): { keys: string[] } | { invalid: string } {
  const keys = text
    .split(/[\s,]+/)
    .map((key) => key.trim().toLowerCase())
    .filter(Boolean);
  const bad = keys.find((key) => !PUBLIC_KEY.test(key));
  return bad === undefined ? { keys: [...new Set(keys)] } : { invalid: bad.slice(0, 20) };
}

/**
 * The keys this shell trusts. Packaged: only those built in, and none is a
 * refusal. Development: the environment's, else those built in, else none
 * (then no update is ever accepted; the built-in app runs).
 */
export function pinnedReleaseKeys(env: NodeJS.ProcessEnv, { packaged, built = BUILD_KEYS }: { packaged: boolean; built?: string }): { keys: string[] } | { refusal: StartupRefusal } {
  const source = packaged ? built : (env[RELEASE_KEYS_ENV] ?? built);
  const parsed = parseReleaseKeys(source);
  if ('invalid' in parsed) return { refusal: { code: 'release-keys-invalid', setting: packaged ? 'RELEASE_PUBLIC_KEYS' : RELEASE_KEYS_ENV, value: parsed.invalid } };
  if (packaged && parsed.keys.length === 0) return { refusal: { code: 'release-keys-missing', setting: 'RELEASE_PUBLIC_KEYS' } };
  return parsed;
}
