/**
 * One printer backend per way of reaching a printer: its own IPP interface
 * (ipp-backend.ts) or a CUPS queue (cups-backend.ts). The print service picks
 * the backend by the target's kind once; everything after that is the same.
 */
import type { IppClient } from './ipp/client';
import type { PrintJobRecord, PrinterInfo, PrinterTarget } from './types';

export interface PrinterBackend<Target extends PrinterTarget = PrinterTarget> {
  /** The printer's state as the officer sees it; a printer that cannot be asked is `offline` with a problem code. */
  describe(target: Target): Promise<PrinterInfo>;
  /** Sends the job; resolves with what the printer reported (remote job id, state), rejects with a PrinterError. */
  submit(target: Target, record: PrintJobRecord, document: Uint8Array): Promise<Partial<PrintJobRecord>>;
  /** Cancels a job the printer holds. */
  cancel(target: Target, job: PrintJobRecord): Promise<void>;
  /** The IPP client that follows this target's jobs (CUPS may listen on a Unix socket). */
  statusClient(target: Target): IppClient;
}

export type IppTarget = Extract<PrinterTarget, { kind: 'ipp' }>;
export type CupsTarget = Extract<PrinterTarget, { kind: 'cups' }>;
