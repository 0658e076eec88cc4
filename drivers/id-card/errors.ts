/**
 * Error codes of the ID card reader driver. The renderer translates them
 * (see messages.ts for the officer-facing text); `detail` is for the log only.
 */

/** Codes the reader itself reports in SW3, from GA/T 467. */
import { CodedError } from '../../domain/coded-error';
export const SW3_ERROR_CODES = {
  0x10: 'id-card-reader-command-checksum',
  0x11: 'id-card-reader-command-length',
  0x21: 'id-card-reader-command-unknown',
  0x23: 'id-card-reader-unauthorized',
  0x24: 'id-card-reader-internal-error',
  0x31: 'id-card-card-rejected-reader',
  0x32: 'id-card-reader-rejected-card',
  0x33: 'id-card-verification-failed',
  0x40: 'id-card-unknown-card-type',
  0x41: 'id-card-read-failed',
  0x47: 'id-card-random-failed',
  0x60: 'id-card-sam-self-test-failed',
  0x66: 'id-card-sam-unauthorized',
  0x80: 'id-card-not-found',
  0x81: 'id-card-select-failed',
  0x91: 'id-card-no-content',
} as const satisfies Record<number, string>;

export type Sw3ErrorCode = (typeof SW3_ERROR_CODES)[keyof typeof SW3_ERROR_CODES];

/** Codes the driver raises from what it sees on the line and the port. */
export const LINK_ERROR_CODES = [
  'id-card-reader-not-found',
  'id-card-reader-busy',
  'id-card-reader-permission',
  'id-card-reader-unplugged',
  'id-card-reader-no-response',
  'id-card-reader-protocol',
  'id-card-reader-checksum',
  'id-card-reader-status-unknown',
  'id-card-no-card',
  'id-card-data-invalid',
  'id-card-reader-stopped',
] as const;

export type LinkErrorCode = (typeof LINK_ERROR_CODES)[number];
export type IdCardErrorCode = Sw3ErrorCode | LinkErrorCode;

export const ID_CARD_ERROR_CODES: readonly IdCardErrorCode[] = [
  ...(Object.values(SW3_ERROR_CODES) as Sw3ErrorCode[]),
  ...LINK_ERROR_CODES,
];

export class IdCardReaderError extends CodedError<IdCardErrorCode> {
  override readonly name = 'IdCardReaderError';
  /** The reader's SW3 byte when the reader reported the problem. */
  readonly sw3: number | undefined;

  constructor(code: IdCardErrorCode, detail: string, sw3?: number) {
    super(code, detail);
    this.sw3 = sw3;
  }
}

export function errorForSw3(sw3: number, during: string): IdCardReaderError {
  const code = (SW3_ERROR_CODES as Record<number, Sw3ErrorCode>)[sw3];
  const hex = `0x${sw3.toString(16).padStart(2, '0')}`;
  if (code) return new IdCardReaderError(code, `reader answered SW3=${hex} to ${during}`, sw3);
  return new IdCardReaderError('id-card-reader-status-unknown', `reader answered unknown SW3=${hex} to ${during}`, sw3);
}

export function isIdCardReaderError(value: unknown): value is IdCardReaderError {
  return value instanceof IdCardReaderError;
}
