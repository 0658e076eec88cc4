/**
 * Printing a certificate, and reprinting after a spoiled print. Every
 * certificate carries a number taken from the terminal's leased block; a
 * spoiled print voids its number (the void is reported to the backend by the
 * number source) and the reprint takes a fresh one, so no number is ever
 * printed twice and none goes missing.
 *
 * The sync capability implements CertificateNumberSource with real number
 * leases (taking a number in the same transaction that records the issue);
 * this flow only relies on the interface.
 */
import { PrinterError, asPrinterError } from './errors';
import type { PrintRequest, PrintService } from './print-service';
import type { PrintJobRecord } from './types';

export interface CertificateNumberSource {
  /** Takes the next number of this certificate type ("J", "L", "BJ", "BL") from the leased block. */
  take(type: string): Promise<string>;
  /** Records the number as void, with the reason, for reporting to the backend. */
  void(number: string, reason: string): Promise<void>;
}

export interface CertificatePrintFlowOptions {
  printing: Pick<PrintService, 'print' | 'waitForJob' | 'jobs' | 'cancel'>;
  numbers: CertificateNumberSource;
  /** Renders the certificate overlay carrying this number (documents engine, with the printer's calibration). */
  render: (number: string, printerId: string) => Promise<Uint8Array>;
  /** How long to wait for the printer to finish (default 120 s). */
  jobTimeoutMs?: number;
}

export interface CertificatePrintRequest {
  type: string;
  printerId: string;
  caseId?: string;
}

export interface CertificatePrintOutcome {
  number: string;
  job: PrintJobRecord;
}

export class CertificatePrintFlow {
  private readonly jobTimeoutMs: number;

  constructor(private readonly options: CertificatePrintFlowOptions) {
    this.jobTimeoutMs = options.jobTimeoutMs ?? 120_000;
  }

  /**
   * Takes a number, renders and prints the certificate, and waits for the
   * printer. Resolves with the job in its final state (completed, aborted,
   * canceled, or held when the printer refused it): a job that did not
   * complete is what the officer reprints with reprintAfterSpoil. Rejects
   * with a PrinterError carrying `number` and `jobId` when the job could not
   * even be sent (it then waits in the queue).
   */
  async printCertificate(request: CertificatePrintRequest): Promise<CertificatePrintOutcome> {
    let number: string;
    try {
      number = await this.options.numbers.take(request.type);
    } catch (error) {
      throw new PrinterError('certificate-number-unavailable', `no ${request.type} certificate number: ${error instanceof Error ? error.message : String(error)}`, {
        type: request.type,
      });
    }
    let document: Uint8Array;
    try {
      document = await this.options.render(number, request.printerId);
    } catch (error) {
      // Taken but never printed: void it so the block has no gap nobody can explain.
      await this.voidQuietly(number, 'not printed: the certificate could not be generated');
      throw new PrinterError('certificate-print-failed', `rendering certificate ${number} failed: ${error instanceof Error ? error.message : String(error)}`, { number });
    }
    const print: PrintRequest = {
      printerId: request.printerId,
      document,
      documentName: `certificate-${request.type}`,
      purpose: 'certificate',
      certificateNumber: number,
    };
    if (request.caseId) print.caseId = request.caseId;
    let submitted: PrintJobRecord;
    try {
      submitted = await this.options.printing.print(print);
    } catch (error) {
      const printerError = asPrinterError(error, 'certificate-print-failed', 'printing the certificate');
      // Refused before anything was queued (bad PDF, wrong size): the number was not used.
      if (printerError.params?.jobId === undefined) await this.voidQuietly(number, `not printed: ${printerError.code}`);
      throw printerError.withParams({ number });
    }
    const job = await this.options.printing.waitForJob(submitted.id, this.jobTimeoutMs);
    return { number, job };
  }

  /**
   * The officer reports the print of `spoiledNumber` as spoiled (jammed,
   * misaligned, torn): any job still queued for it is removed so it cannot
   * print later, the number is voided with the reason, and the certificate is
   * printed again under a new number.
   */
  async reprintAfterSpoil(request: CertificatePrintRequest & { spoiledNumber: string; reason: string }): Promise<CertificatePrintOutcome & { voided: string }> {
    for (const job of await this.options.printing.jobs()) {
      if (job.certificateNumber === request.spoiledNumber) {
        await this.options.printing.cancel(job.id);
      }
    }
    try {
      await this.options.numbers.void(request.spoiledNumber, `spoiled: ${request.reason}`);
    } catch (error) {
      // Without a recorded void we must not hand out a replacement number.
      throw new PrinterError('certificate-void-failed', `could not void ${request.spoiledNumber}: ${error instanceof Error ? error.message : String(error)}`, {
        number: request.spoiledNumber,
      });
    }
    const outcome = await this.printCertificate(request);
    return { ...outcome, voided: request.spoiledNumber };
  }

  private async voidQuietly(number: string, reason: string): Promise<void> {
    // The caller already fails with the first problem; should this void fail too, the number stays taken and shows in the lease.
    await this.options.numbers.void(number, reason).catch(() => undefined);
  }
}
