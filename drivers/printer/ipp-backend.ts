/**
 * Printers reached over their own IPP interface: Get-Printer-Attributes
 * checks that PDF, the media and print-scaling=none are supported, then
 * Print-Job sends the document; Cancel-Job cancels it.
 */
import { silentLogger, type Logger } from '../../domain/logger';
import type { IppTarget, PrinterBackend } from './backend';
import { PrinterError, asPrinterError } from './errors';
import { IppClient } from './ipp/client';
import { ippFailure } from './ipp/failure';
import {
  STATUS,
  cancelJobRequest,
  getPrinterAttributesRequest,
  printJobRequest,
  readJobStatus,
  readPrinterDescription,
  statusClass,
  type IppPrinterDescription,
} from './ipp/operations';
import { jobStateFromIpp } from './job-tracker';
import { mediaFromName, resolveMediaKeyword } from './media';
import type { PrintJobRecord, PrinterInfo } from './types';

export interface IppBackendOptions {
  client: IppClient;
  userName: string;
  /** Printer ids known (tested at install) to print PDFs at 100 % although they do not report print-scaling. */
  trustScalingOf: Set<string>;
  logger?: Logger;
}

export class IppBackend implements PrinterBackend<IppTarget> {
  private readonly logger: Logger;

  constructor(private readonly options: IppBackendOptions) {
    this.logger = options.logger ?? silentLogger;
  }

  async describe(target: IppTarget): Promise<PrinterInfo> {
    const base: PrinterInfo = { id: target.id, name: target.name, source: 'ipp', uri: target.uri, state: 'unknown' };
    try {
      const description = await this.printerDescription(target.uri);
      const info: PrinterInfo = { ...base, state: description.state ?? 'unknown', stateReasons: description.stateReasons, media: description.mediaSupported };
      if (description.acceptingJobs !== undefined) info.acceptingJobs = description.acceptingJobs;
      if (description.makeAndModel) info.makeAndModel = description.makeAndModel;
      return info;
    } catch (error) {
      const printerError = asPrinterError(error, 'printer-protocol-error', 'Get-Printer-Attributes');
      return { ...base, state: 'offline', problem: printerError.code, detail: printerError.detail };
    }
  }

  async submit(target: IppTarget, record: PrintJobRecord, document: Uint8Array): Promise<Partial<PrintJobRecord>> {
    const description = await this.printerDescription(target.uri);
    if (description.acceptingJobs === false) {
      throw new PrinterError('printer-not-accepting-jobs', `${target.uri} is not accepting jobs (${description.stateReasons.join(',')})`);
    }
    if (description.documentFormats.length > 0 && !description.documentFormats.includes('application/pdf')) {
      throw new PrinterError('printer-format-unsupported', `${target.uri} accepts ${description.documentFormats.join(', ')}, not application/pdf`);
    }
    const wanted = mediaFromName(record.media)!;
    const media = description.mediaSupported.length > 0 ? resolveMediaKeyword(wanted, description.mediaSupported) : record.media;
    if (!media) {
      throw new PrinterError('printer-media-unsupported', `${target.uri} does not support ${record.media} (it has ${description.mediaSupported.join(', ')})`, { media: record.media });
    }
    const scaling = description.printScalingSupported;
    if (scaling ? !scaling.includes('none') : record.purpose === 'certificate' && !this.options.trustScalingOf.has(target.id)) {
      throw new PrinterError(
        'printer-scaling-unsupported',
        scaling ? `${target.uri} offers print-scaling ${scaling.join(',')} but not none` : `${target.uri} does not report print-scaling, so 100 % scale cannot be guaranteed`,
      );
    }
    if (!scaling) this.logger.warn('printer does not report print-scaling; sending the PDF at its own size', { printerId: target.id });
    const response = await this.options.client.send(target.uri, (requestId) =>
      printJobRequest({
        printerUri: target.uri,
        requestId,
        userName: this.options.userName,
        jobName: record.documentName,
        media,
        copies: record.copies,
        printScalingNone: Boolean(scaling),
        fidelity: true,
        document,
      }),
    );
    if (statusClass(response.code) !== 'success') throw ippFailure(response, target.uri, 'Print-Job');
    const status = readJobStatus(response);
    if (!status) throw new PrinterError('printer-protocol-error', `Print-Job response from ${target.uri} has no job-id`);
    return {
      state: status.state ? jobStateFromIpp(status.state) : 'pending',
      remoteJobId: status.jobId,
      remotePrinterUri: target.uri,
      stateReasons: status.stateReasons,
    };
  }

  async cancel(_target: IppTarget, job: PrintJobRecord): Promise<void> {
    const uri = job.remotePrinterUri!;
    const response = await this.options.client.send(uri, (requestId) => cancelJobRequest(uri, requestId, job.remoteJobId!, this.options.userName));
    // Not possible: the job already finished; nothing left to cancel.
    if (statusClass(response.code) !== 'success' && response.code !== STATUS.clientErrorNotPossible) {
      throw ippFailure(response, uri, 'Cancel-Job');
    }
  }

  statusClient(): IppClient {
    return this.options.client;
  }

  private async printerDescription(uri: string): Promise<IppPrinterDescription> {
    const response = await this.options.client.send(uri, (requestId) => getPrinterAttributesRequest(uri, requestId, this.options.userName));
    if (statusClass(response.code) !== 'success') throw ippFailure(response, uri, 'Get-Printer-Attributes');
    return readPrinterDescription(response);
  }
}
