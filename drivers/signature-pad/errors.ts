/**
 * Error codes of the signature-pad driver. The renderer translates them (see
 * messages.ts); `detail` is English for the log only.
 */
export const SIGNATURE_PAD_ERROR_CODES = [
  'signature-pad-not-found',
  'signature-pad-unplugged',
  'signature-pad-permission',
  'signature-pad-busy',
  'signature-pad-not-ready',
  'signature-pad-no-response',
  'signature-pad-protocol',
  'signature-pad-screen-failed',
  'signature-pad-no-signature',
  'signature-pad-capture-not-started',
  'signature-screen-render-failed',
] as const;

export type SignaturePadErrorCode = (typeof SIGNATURE_PAD_ERROR_CODES)[number];

export class SignaturePadError extends Error {
  override readonly name = 'SignaturePadError';
  readonly code: SignaturePadErrorCode;
  readonly detail: string;

  constructor(code: SignaturePadErrorCode, detail: string) {
    super(`${code}: ${detail}`);
    this.code = code;
    this.detail = detail;
  }
}

export function isSignaturePadError(value: unknown): value is SignaturePadError {
  return value instanceof SignaturePadError;
}
