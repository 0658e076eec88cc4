/**
 * Error codes of the scanner-gun drivers (serial and HID-POS). The renderer
 * translates them (messages.ts); `detail` is English for the log only.
 */

/** What can go wrong on a serial line, whatever device sits on it (scanner gun or passport reader). */
import { classifyOpenFailure, SerialOpenError } from '../serial/port';
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

/** An open failure (serialport's or node-hid's text) as a link problem. */
export function linkErrorFromOpenFailure(error: unknown): LinkError {
  const failure = error instanceof SerialOpenError ? error : classifyOpenFailure(error);
  return new LinkError(failure.kind, failure.message);
}
