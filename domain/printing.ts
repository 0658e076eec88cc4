/**
 * Printers and print jobs as the printing service, the contract and the
 * renderer all see them. Error codes are the printer driver's codes.
 */

/** A printer the terminal can send to: an IPP URI, or a CUPS queue printed to with `lp`. */
/** What a configured printer is for: A4 papers (receipts, declarations, forms) or certificate booklets. */
export type PrinterRole = 'a4' | 'certificate';

export type PrinterTarget =
  | { kind: 'ipp'; id: string; name: string; uri: string; role?: PrinterRole }
  | { kind: 'cups'; id: string; name: string; queue: string; role?: PrinterRole };

export type PrinterState = 'idle' | 'processing' | 'stopped' | 'offline' | 'unknown';

export interface PrinterInfo {
  /** Stable id: `ipp:<uri>` or `cups:<queue>`; keys calibration and the queue. */
  id: string;
  name: string;
  source: 'ipp' | 'cups';
  /** IPP URI, or the CUPS queue's device URI when CUPS reports it. */
  uri?: string;
  queue?: string;
  state: PrinterState;
  stateReasons?: string[];
  acceptingJobs?: boolean;
  makeAndModel?: string;
  media?: string[];
  isDefault?: boolean;
  /** Error code when the printer could not be queried. */
  problem?: string;
  detail?: string;
}

export type PrintPurpose = 'document' | 'certificate';

/**
 * queued: kept on this terminal, retried by itself (printer offline, unknown, busy).
 * held: kept on this terminal, waiting for the officer (printer refused it: pick another printer or discard).
 * pending, processing, completed, aborted, canceled: the printer's job states.
 */
export type PrintJobState = 'queued' | 'held' | 'pending' | 'processing' | 'completed' | 'aborted' | 'canceled';

export const TERMINAL_JOB_STATES: ReadonlySet<PrintJobState> = new Set(['completed', 'aborted', 'canceled']);

export interface PrintJobRecord {
  /** Local id, stable across retries and restarts. */
  id: string;
  printerId: string;
  documentName: string;
  purpose: PrintPurpose;
  /** PWG media keyword sent with the job. */
  media: string;
  copies: number;
  pageCount: number;
  state: PrintJobState;
  createdAt: string;
  updatedAt: string;
  attempts: number;
  /** The printer's (or CUPS's) job id once submitted. */
  remoteJobId?: number;
  /** Where to ask about the job: the printer URI, or CUPS's. */
  remotePrinterUri?: string;
  stateReasons?: string[];
  lastError?: { code: string; detail: string };
  /** The certificate number printed by this job, for the void/reprint flow. */
  certificateNumber?: string;
  caseId?: string;
}

export interface PrintJobUpdate {
  job: PrintJobRecord;
  previousState: PrintJobState | undefined;
}
