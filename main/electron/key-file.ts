/**
 * A data key the administrator provisioned as a file (`dataKeyFile`), for
 * counter PCs without a desktop keyring (an extension terminal that logs in
 * by itself has no keyring to unlock). The file is the administrator's
 * responsibility (e.g. on a volume only the terminal's account can read);
 * the terminal only refuses one that is plainly unsafe or malformed, and
 * never says what it holds.
 */
import { readFileSync, statSync } from 'node:fs';
import type { StartupRefusal } from '../startup/messages';

export const DATA_KEY_FILE_SETTING = 'dataKeyFile';

export function readDataKeyFile(path: string, platform: NodeJS.Platform = process.platform): { key: Uint8Array } | { refusal: StartupRefusal } {
  const refuse = (value: string) => ({ refusal: { code: 'data-key-file-invalid' as const, setting: DATA_KEY_FILE_SETTING, value } });
  let text: string;
  try {
    // POSIX modes only: on Windows the file's ACL is the administrator's business.
    if (platform !== 'win32' && (statSync(path).mode & 0o077) !== 0) return refuse(`${path} is readable by other accounts`);
    text = readFileSync(path, 'utf8').trim();
  } catch (error) {
    return refuse(`${path}: ${(error as NodeJS.ErrnoException).code ?? 'unreadable'}`);
  }
  if (!/^[0-9a-fA-F]{64}$/.test(text)) return refuse(`${path} does not hold 64 hex digits`);
  return { key: Buffer.from(text, 'hex') };
}
