/**
 * Error codes of the scanner-gun drivers (serial and HID-POS). The renderer
 * translates them (messages.ts); `detail` is English for the log only.
 */

/** What can go wrong on a serial line, whatever device sits on it (scanner gun or passport reader). */
import { CodedError } from '../../domain/coded-error';
export const LINK_PROBLEMS = [
  'not-found',
  'busy',
  'permission-denied',
  'open-failed',
  'unplugged',
  'line-too-long',
  'suffix-missing',
  'garbled',
] as const;
export type LinkProblem = (typeof LINK_PROBLEMS)[number];

export const SCANNER_GUN_ERROR_CODES = [
  ...LINK_PROBLEMS.map((p) => `scanner-gun-${p}` as const),
  'scanner-gun-hid-report-invalid',
  'scanner-gun-incomplete-scan',
] as const;
export type ScannerGunErrorCode = (typeof SCANNER_GUN_ERROR_CODES)[number];

export class ScannerGunError extends CodedError<string> {
  override readonly name = 'ScannerGunError';
}

/** A link-level failure before it is given a device's code prefix. */
export class LinkError extends Error {
  override readonly name = 'LinkError';
  constructor(
    readonly problem: LinkProblem,
    readonly detail: string,
  ) {
    super(`${problem}: ${detail}`);
  }
}

/**
 * serialport reports open failures as plain Errors whose text carries the
 * errno ("Error: No such file or directory, cannot open /dev/ttyUSB0",
 * "Error Resource temporarily unavailable Cannot lock port").
 */
export function linkErrorFromOpenFailure(error: unknown): LinkError {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: unknown })?.code;
  if (code === 'ENOENT' || /no such file|ENOENT|cannot find|not found/i.test(message)) return new LinkError('not-found', message);
  if (code === 'EBUSY' || /busy|cannot lock|temporarily unavailable|EAGAIN|access denied.*in use/i.test(message)) return new LinkError('busy', message);
  if (code === 'EACCES' || /permission denied|EACCES|access is denied/i.test(message)) return new LinkError('permission-denied', message);
  return new LinkError('open-failed', message);
}
