/**
 * Error codes of the signature-pad driver. The renderer translates them (see
 * messages.ts); `detail` is English for the log only.
 */
import { CodedError } from '../../domain/coded-error';
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

export class SignaturePadError extends CodedError<SignaturePadErrorCode> {
  override readonly name = 'SignaturePadError';
}

export function isSignaturePadError(value: unknown): value is SignaturePadError {
  return value instanceof SignaturePadError;
}
