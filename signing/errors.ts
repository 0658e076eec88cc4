/** Error codes of signature binding; `detail` is English for the log only. */
export const SIGNING_ERROR_CODES = ['signing-key-invalid', 'signing-key-not-sm2', 'signing-input-invalid'] as const;

export type SigningErrorCode = (typeof SIGNING_ERROR_CODES)[number];

export class SigningError extends Error {
  override readonly name = 'SigningError';
  readonly code: SigningErrorCode;
  readonly detail: string;

  constructor(code: SigningErrorCode, detail: string) {
    super(`${code}: ${detail}`);
    this.code = code;
    this.detail = detail;
  }
}
