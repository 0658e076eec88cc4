/**
 * Error codes of the passport reader (serial mode) and of MRZ reading from
 * any source. The renderer translates them (messages.ts); `detail` is English
 * for the log only.
 */
import { CodedError } from '../../domain/coded-error';
import type { MrzProblemCode } from '../../domain/mrz';
import { LINK_PROBLEMS } from '../scanner-gun';

export const PASSPORT_READER_LINK_CODES = LINK_PROBLEMS.map((p) => `passport-reader-${p}` as const);

/** MRZ problems keep the domain's codes (`mrz-…`) so typed and read MRZs share one vocabulary. */
export const PASSPORT_READER_ERROR_CODES = [...PASSPORT_READER_LINK_CODES, 'passport-mrz-incomplete', 'passport-document-expired'] as const;
export type PassportReaderErrorCode = (typeof PASSPORT_READER_ERROR_CODES)[number] | MrzProblemCode;

export class PassportReaderError extends CodedError<string> {
  override readonly name = 'PassportReaderError';
}
