/**
 * Error codes of the printing service. The renderer translates them (see
 * messages.ts); `detail` is English for the log only.
 */
import { CodedError } from '../../domain/coded-error';
export const PRINTER_ERROR_CODES = [
  // The printer cannot take the job now; the job waits in the queue and is retried.
  'printer-unknown',
  'printer-offline',
  'printer-busy',
  'printer-not-accepting-jobs',
  'cups-not-installed',
  'cups-not-running',
  // The printer refused the job in a way a retry will not fix; the job is held for the officer.
  'printer-media-unsupported',
  'printer-scaling-unsupported',
  'printer-format-unsupported',
  'printer-authentication-required',
  'printer-rejected-job',
  'printer-protocol-error',
  // What happened to a job after the printer took it.
  'print-job-aborted',
  'print-job-canceled-by-printer',
  'print-job-lost',
  // Bad input from the caller: nothing was queued, the caller still holds the document.
  'print-document-invalid',
  'print-media-mismatch',
  'print-copies-invalid',
  'print-job-not-found',
  'print-job-not-retryable',
  'print-queue-storage-failed',
  // Certificate calibration and the reprint flow.
  'calibration-offset-invalid',
  'calibration-offset-out-of-range',
  'calibration-storage-failed',
  'certificate-number-unavailable',
  'certificate-void-failed',
  'certificate-print-failed',
] as const;

export type PrinterErrorCode = (typeof PRINTER_ERROR_CODES)[number];

/** Codes after which the job stays queued and the service retries by itself. */
export const RETRYABLE_CODES: ReadonlySet<PrinterErrorCode> = new Set<PrinterErrorCode>([
  'printer-unknown',
  'printer-offline',
  'printer-busy',
  'printer-not-accepting-jobs',
  'cups-not-installed',
  'cups-not-running',
]);

export class PrinterError extends CodedError<PrinterErrorCode> {
  override readonly name = 'PrinterError';

  withParams(params: Record<string, string | number>): PrinterError {
    return new PrinterError(this.code, this.detail, { ...this.params, ...params });
  }
}

export function isPrinterError(value: unknown): value is PrinterError {
  return value instanceof PrinterError;
}

/** Wraps anything thrown by a lower layer so that no untyped error leaves the service. */
export function asPrinterError(error: unknown, fallback: PrinterErrorCode, context: string): PrinterError {
  if (isPrinterError(error)) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new PrinterError(fallback, `${context}: ${message}`);
}
