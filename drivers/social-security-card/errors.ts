/**
 * Error codes of the social security card driver; the officer-facing text is
 * in messages.ts, `detail` is for the log only.
 */
import { CodedError } from '../../domain/coded-error';

export const SSC_ERROR_CODES = [
  /** No PC/SC service (pcscd on Linux, the Smart Card service on Windows). */
  'ssc-pcsc-unavailable',
  /** The service runs but no (configured) reader is attached. */
  'ssc-reader-not-found',
  /** The reader was attached and went away. */
  'ssc-reader-removed',
  /** Another program holds the card exclusively. */
  'ssc-reader-busy',
  /** Waited, no card was inserted. */
  'ssc-no-card',
  /** The card left the reader (or lost power) before every file was read. */
  'ssc-card-removed',
  /** The card has no social security application (another kind of card). */
  'ssc-not-social-security-card',
  /** The card refused a step of the read (a status word other than 90 00). */
  'ssc-card-refused',
  /** The card answered, but its data does not follow the specification. */
  'ssc-data-invalid',
  'ssc-reader-stopped',
] as const;

export type SscErrorCode = (typeof SSC_ERROR_CODES)[number];

export class SocialSecurityCardError extends CodedError<SscErrorCode> {
  override readonly name = 'SocialSecurityCardError';
  /** The card's status word when the card reported the problem. */
  readonly sw: number | undefined;

  constructor(code: SscErrorCode, detail: string, sw?: number) {
    super(code, detail);
    this.sw = sw;
  }
}

export function isSocialSecurityCardError(value: unknown): value is SocialSecurityCardError {
  return value instanceof SocialSecurityCardError;
}
