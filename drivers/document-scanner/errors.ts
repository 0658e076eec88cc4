/**
 * Error codes of the document-scanner driver. The renderer translates them
 * (see messages.ts); `detail` is English for the log only.
 */
import { CodedError } from '../../domain/coded-error';

export const DOCUMENT_SCANNER_ERROR_CODES = [
  'document-scanner-not-configured',
  'document-scanner-not-installed',
  'document-scanner-not-found',
  'document-scanner-busy',
  'document-scanner-jammed',
  'document-scanner-no-paper',
  'document-scanner-cover-open',
  'document-scanner-access-denied',
  'document-scanner-timeout',
  'document-scanner-too-large',
  'document-scanner-failed',
  'document-scanner-batch-jammed',
  'document-scanner-no-feeder',
  'document-scanner-no-duplex',
  'document-scanner-batch-not-running',
] as const;

export type DocumentScannerErrorCode = (typeof DOCUMENT_SCANNER_ERROR_CODES)[number];

export class DocumentScannerError extends CodedError<DocumentScannerErrorCode> {
  override readonly name = 'DocumentScannerError';
}
