/**
 * Whether the operating system's credential store really protects the data
 * key. On Linux, Electron's safeStorage falls back to the `basic_text`
 * backend when no keyring is reachable: it "encrypts" with a password
 * hard-coded in Chromium, so a copied disk carries a usable key. A packaged
 * terminal refuses that (fail closed); a development run only warns, so
 * `npm start` works on a machine without a desktop keyring.
 *
 * Pure: the caller passes what `safeStorage` reported, so the rule is tested
 * without an Electron binary.
 */
import type { StartupRefusal } from '../startup/messages';

export interface CredentialStoreReport {
  platform: NodeJS.Platform;
  /** `safeStorage.isEncryptionAvailable()` */
  encryptionAvailable: boolean;
  /** `safeStorage.getSelectedStorageBackend()` on Linux (after app ready); ignored elsewhere. */
  linuxBackend?: string;
}

/** Linux backends that keep the key in a real keyring (Electron's names). */
const PROTECTING_LINUX_BACKENDS = new Set(['gnome_libsecret', 'kwallet', 'kwallet5', 'kwallet6']);

export type CredentialStoreVerdict =
  | { verdict: 'protected' }
  | { verdict: 'unprotected'; refusal: StartupRefusal; refuse: boolean };

export function judgeCredentialStore(report: CredentialStoreReport, { packaged }: { packaged: boolean }): CredentialStoreVerdict {
  let found: string | null = null;
  if (!report.encryptionAvailable) found = 'none';
  // 'unknown' (or any name we do not know) is not evidence of protection: fail closed.
  else if (report.platform === 'linux' && !PROTECTING_LINUX_BACKENDS.has(report.linuxBackend ?? 'unknown')) found = report.linuxBackend ?? 'unknown';
  if (found === null) return { verdict: 'protected' };
  return { verdict: 'unprotected', refuse: packaged, refusal: { code: 'credential-store-unprotected', value: found } };
}
