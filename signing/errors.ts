/** Error codes of signature binding; `detail` is English for the log only. */
import { CodedError } from '../domain/coded-error';

export const SIGNING_ERROR_CODES = ['signing-key-invalid', 'signing-key-not-sm2', 'signing-input-invalid'] as const;

export type SigningErrorCode = (typeof SIGNING_ERROR_CODES)[number];

export class SigningError extends CodedError<SigningErrorCode> {
  override readonly name = 'SigningError';
}
