/**
 * Printers set up as CUPS queues: `lp -o print-scaling=none -o media=…`
 * submits, `cancel` cancels, and the job is followed over IPP on the CUPS
 * scheduler (which may listen on a Unix socket). A terminal with CUPS
 * disabled reports every CUPS printer as `cups-not-installed`.
 */
import type { CupsTarget, PrinterBackend } from './backend';
import { CupsCli, type CupsQueue } from './cups';
import { PrinterError, asPrinterError } from './errors';
import { IppClient, type IppClientOptions } from './ipp/client';
import type { PrintJobRecord, PrinterInfo } from './types';

export class CupsBackend implements PrinterBackend<CupsTarget> {
  /** Undefined when CUPS is disabled on this terminal. */
  constructor(
    private readonly cups: CupsCli | undefined,
    private readonly ippOptions: IppClientOptions,
    private readonly fallbackClient: IppClient,
  ) {}

  get enabled(): boolean {
    return this.cups !== undefined;
  }

  /** Every CUPS queue; throws a PrinterError when CUPS is missing or not running. */
  async queues(): Promise<CupsQueue[]> {
    if (!this.cups) throw new PrinterError('cups-not-installed', 'CUPS is disabled on this terminal');
    return this.cups.queues();
  }

  info(id: string, name: string, queue: CupsQueue): PrinterInfo {
    const info: PrinterInfo = { id, name, source: 'cups', queue: queue.name, state: queue.state, isDefault: queue.isDefault };
    if (queue.deviceUri) info.uri = queue.deviceUri;
    if (queue.acceptingJobs !== undefined) info.acceptingJobs = queue.acceptingJobs;
    if (queue.reason) info.stateReasons = [queue.reason];
    return info;
  }

  async describe(target: CupsTarget): Promise<PrinterInfo> {
    const base: PrinterInfo = { id: target.id, name: target.name, source: 'cups', queue: target.queue, state: 'unknown' };
    if (!this.cups) return { ...base, state: 'offline', problem: 'cups-not-installed' };
    try {
      const queue = (await this.cups.queues()).find((candidate) => candidate.name === target.queue);
      if (!queue) return { ...base, state: 'offline', problem: 'printer-unknown' };
      return this.info(target.id, target.name, queue);
    } catch (error) {
      const printerError = asPrinterError(error, 'cups-not-running', 'lpstat');
      return { ...base, state: 'offline', problem: printerError.code, detail: printerError.detail };
    }
  }

  async submit(target: CupsTarget, record: PrintJobRecord, document: Uint8Array): Promise<Partial<PrintJobRecord>> {
    if (!this.cups) throw new PrinterError('cups-not-installed', 'CUPS is disabled on this terminal');
    const jobId = await this.cups.submit({ queue: target.queue, document, title: record.documentName, media: record.media, copies: record.copies });
    return { state: 'pending', remoteJobId: jobId, remotePrinterUri: this.cups.ippTarget(target.queue).printerUri, stateReasons: [] };
  }

  async cancel(target: CupsTarget, job: PrintJobRecord): Promise<void> {
    await this.cups?.cancel(target.queue, job.remoteJobId!);
  }

  statusClient(target: CupsTarget): IppClient {
    const socketPath = this.cups?.ippTarget(target.queue).socketPath;
    return socketPath ? new IppClient({ ...this.ippOptions, socketPath }) : this.fallbackClient;
  }
}
