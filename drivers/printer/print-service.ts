/**
 * The printing service: lists printers, prints PDFs silently at 100 % scale
 * on explicit media, tracks each job (queued → pending → processing →
 * completed / aborted / canceled) and emits every change, and keeps every job
 * in a persistent queue until it completed or the officer discarded it.
 *
 * IPP printers get Print-Job directly (after Get-Printer-Attributes checks
 * that PDF, the media and print-scaling=none are supported); CUPS queues get
 * `lp -o print-scaling=none -o media=…`, and are then followed over IPP on
 * the CUPS scheduler. A printer that cannot be reached leaves the job queued
 * and retried; a printer that refuses the job leaves it held for the officer.
 */
import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import os from 'node:os';
import { silentLogger, type Logger } from '../../domain/logger';
import { CupsCli, type CupsOptions } from './cups';
import { PrinterError, RETRYABLE_CODES, asPrinterError, isPrinterError, type PrinterErrorCode } from './errors';
import { GROUP_TAGS, type IppMessage } from './ipp/codec';
import { IppClient, type IppClientOptions } from './ipp/client';
import {
  STATUS,
  cancelJobRequest,
  getJobAttributesRequest,
  getPrinterAttributesRequest,
  printJobRequest,
  readJobStatus,
  readPrinterDescription,
  statusClass,
  statusMessage,
  type IppJobState,
  type IppPrinterDescription,
} from './ipp/operations';
import { A4, certificateMedia, mediaFromName, pageSizeMm, pagesNotMatchingMedia, resolveMediaKeyword, type MediaSize } from './media';
import { inspectPdf } from './pdf-inspect';
import type { PrintQueueStore } from './print-queue';
import {
  TERMINAL_JOB_STATES,
  type PrintJobRecord,
  type PrintJobState,
  type PrintJobUpdate,
  type PrintPurpose,
  type PrinterInfo,
  type PrinterTarget,
} from './types';

export interface PrintServiceOptions {
  store: PrintQueueStore;
  /** Printers configured for this counter (IPP URIs, or CUPS queues by name). */
  printers?: PrinterTarget[];
  /** CUPS access; false on machines that print only over IPP. */
  cups?: CupsOptions | false;
  ipp?: IppClientOptions;
  userName?: string;
  /** How often a submitted job is polled (default 1000 ms). */
  pollIntervalMs?: number;
  /** How often queued jobs are retried (default 30 s; 0 = only on request). */
  retryIntervalMs?: number;
  /**
   * Printer ids whose IPP interface does not report print-scaling but that are
   * known (tested at install) to print PDFs at 100 %. Certificates are refused
   * on any other printer that cannot confirm print-scaling=none.
   */
  trustScalingOf?: string[];
  logger?: Logger;
  now?: () => Date;
}

export interface PrintRequest {
  printerId: string;
  document: Uint8Array;
  /** Shown in the printer's queue; keep it free of personal data. */
  documentName: string;
  purpose: PrintPurpose;
  /** Default: A4 for documents; for certificates, the custom size of the PDF's first page. */
  media?: MediaSize | string;
  copies?: number;
  certificateNumber?: string;
  caseId?: string;
}

export type CupsAvailability = 'available' | 'not-installed' | 'not-running' | 'disabled';

export interface PrinterList {
  printers: PrinterInfo[];
  cups: CupsAvailability;
}

interface PrintServiceEvents {
  job: [PrintJobUpdate];
}

const STATE_ORDER: Record<PrintJobState, number> = { queued: 0, held: 0, pending: 1, processing: 2, completed: 3, aborted: 3, canceled: 3 };

function jobStateFromIpp(state: IppJobState): PrintJobState {
  switch (state) {
    case 'pending':
    case 'pending-held':
      return 'pending';
    case 'processing':
    case 'processing-stopped':
      return 'processing';
    default:
      return state;
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export class PrintService extends EventEmitter<PrintServiceEvents> {
  private readonly store: PrintQueueStore;
  private readonly printers: PrinterTarget[];
  private readonly cups: CupsCli | undefined;
  private readonly ippOptions: IppClientOptions;
  private readonly ipp: IppClient;
  private readonly userName: string;
  private readonly pollIntervalMs: number;
  private readonly retryIntervalMs: number;
  private readonly trustScaling: Set<string>;
  private readonly logger: Logger;
  private readonly now: () => Date;
  private readonly tracking = new Map<string, Promise<void>>();
  private readonly cancelledByUs = new Set<string>();
  /** Last state of recent jobs, so a caller can still learn the outcome of a job that completed and left the store. */
  private readonly recent = new Map<string, PrintJobRecord>();
  private submitChain: Promise<unknown> = Promise.resolve();
  private retryTimer: NodeJS.Timeout | undefined;
  private retrying: Promise<PrintJobRecord[]> | undefined;
  private stopped = false;

  constructor(options: PrintServiceOptions) {
    super();
    this.store = options.store;
    this.printers = options.printers ?? [];
    this.cups = options.cups === false ? undefined : new CupsCli(options.cups ?? {});
    this.ippOptions = options.ipp ?? {};
    this.ipp = new IppClient(this.ippOptions);
    this.userName = options.userName ?? safeUserName();
    this.pollIntervalMs = options.pollIntervalMs ?? 1000;
    this.retryIntervalMs = options.retryIntervalMs ?? 30_000;
    this.trustScaling = new Set(options.trustScalingOf ?? []);
    this.logger = options.logger ?? silentLogger;
    this.now = options.now ?? (() => new Date());
  }

  /** Resumes following jobs submitted before a restart and starts the retry timer. */
  async start(): Promise<void> {
    this.stopped = false;
    for (const job of await this.store.list()) {
      if (job.state === 'pending' || job.state === 'processing') this.track(job);
    }
    if (this.retryIntervalMs > 0) {
      this.retryTimer = setInterval(() => void this.retryQueued().catch(() => undefined), this.retryIntervalMs);
      this.retryTimer.unref();
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retryTimer) clearInterval(this.retryTimer);
    this.retryTimer = undefined;
    await Promise.allSettled([...this.tracking.values()]);
    await this.retrying?.catch(() => undefined);
  }

  // ------------------------------------------------------------ printers

  async listPrinters(): Promise<PrinterList> {
    const configured = await Promise.all(this.printers.map((target) => this.describe(target)));
    let cups: CupsAvailability = 'disabled';
    const fromCups: PrinterInfo[] = [];
    if (this.cups) {
      try {
        for (const queue of await this.cups.queues()) {
          const id = `cups:${queue.name}`;
          if (configured.some((printer) => printer.id === id)) continue;
          fromCups.push(this.cupsInfo(id, queue.name, queue));
        }
        cups = 'available';
      } catch (error) {
        const code = isPrinterError(error) ? error.code : 'cups-not-running';
        cups = code === 'cups-not-installed' ? 'not-installed' : 'not-running';
        this.logger.info('cups unavailable', { code });
      }
    }
    return { printers: [...configured, ...fromCups], cups };
  }

  private cupsInfo(id: string, name: string, queue: Awaited<ReturnType<CupsCli['queues']>>[number]): PrinterInfo {
    const info: PrinterInfo = { id, name, source: 'cups', queue: queue.name, state: queue.state, isDefault: queue.isDefault };
    if (queue.deviceUri) info.uri = queue.deviceUri;
    if (queue.acceptingJobs !== undefined) info.acceptingJobs = queue.acceptingJobs;
    if (queue.reason) info.stateReasons = [queue.reason];
    return info;
  }

  private async describe(target: PrinterTarget): Promise<PrinterInfo> {
    if (target.kind === 'cups') {
      const base: PrinterInfo = { id: target.id, name: target.name, source: 'cups', queue: target.queue, state: 'unknown' };
      if (!this.cups) return { ...base, state: 'offline', problem: 'cups-not-installed' };
      try {
        const queue = (await this.cups.queues()).find((candidate) => candidate.name === target.queue);
        if (!queue) return { ...base, state: 'offline', problem: 'printer-unknown' };
        return { ...this.cupsInfo(target.id, target.name, queue) };
      } catch (error) {
        const printerError = asPrinterError(error, 'cups-not-running', 'lpstat');
        return { ...base, state: 'offline', problem: printerError.code, detail: printerError.detail };
      }
    }
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

  private async printerDescription(uri: string): Promise<IppPrinterDescription> {
    const response = await this.ipp.send(uri, (requestId) => getPrinterAttributesRequest(uri, requestId, this.userName));
    if (statusClass(response.code) !== 'success') throw this.ippFailure(response, uri, 'Get-Printer-Attributes');
    return readPrinterDescription(response);
  }

  private resolveTarget(printerId: string): PrinterTarget {
    const configured = this.printers.find((printer) => printer.id === printerId);
    if (configured) return configured;
    if (printerId.startsWith('cups:') && this.cups) {
      const queue = printerId.slice('cups:'.length);
      return { kind: 'cups', id: printerId, name: queue, queue };
    }
    if (/^ipps?:ipps?:\/\//.test(printerId)) {
      const uri = printerId.slice(printerId.indexOf(':') + 1);
      return { kind: 'ipp', id: printerId, name: uri, uri };
    }
    throw new PrinterError('printer-unknown', `no printer with id ${printerId} is configured`, { printerId });
  }

  // ------------------------------------------------------------ printing

  /**
   * Queues the document and sends it. Resolves once the printer took the job
   * (tracking goes on in the background, see the `job` event); rejects with a
   * PrinterError carrying `jobId` when the job had to stay in the queue.
   */
  async print(request: PrintRequest): Promise<PrintJobRecord> {
    const copies = request.copies ?? 1;
    if (!Number.isInteger(copies) || copies < 1 || copies > 99) {
      throw new PrinterError('print-copies-invalid', `copies must be 1..99, got ${copies}`, { copies: String(copies) });
    }
    const facts = await inspectPdf(request.document);
    const media = this.mediaFor(request, facts.pages[0]!);
    const mismatched = pagesNotMatchingMedia(facts.pages, media);
    if (mismatched.length > 0) {
      const page = pageSizeMm(facts.pages[mismatched[0]! - 1]!);
      throw new PrinterError(
        'print-media-mismatch',
        `page(s) ${mismatched.join(',')} measure ${page.widthMm.toFixed(1)}x${page.heightMm.toFixed(1)} mm, not ${media.widthMm}x${media.heightMm} mm (${media.name}); printing at 100 % would misplace them`,
        { pages: mismatched.join(','), media: media.name },
      );
    }
    const timestamp = this.now().toISOString();
    const record: PrintJobRecord = {
      id: randomUUID(),
      printerId: request.printerId,
      documentName: request.documentName,
      purpose: request.purpose,
      media: media.name,
      copies,
      pageCount: facts.pageCount,
      state: 'queued',
      createdAt: timestamp,
      updatedAt: timestamp,
      attempts: 0,
    };
    if (request.certificateNumber) record.certificateNumber = request.certificateNumber;
    if (request.caseId) record.caseId = request.caseId;
    try {
      await this.store.save(record, request.document);
    } catch (error) {
      throw new PrinterError('print-queue-storage-failed', `could not store the job before printing: ${error instanceof Error ? error.message : String(error)}`);
    }
    this.emit('job', { job: { ...record }, previousState: undefined });
    return this.serialised(() => this.submit(record));
  }

  private mediaFor(request: PrintRequest, firstPage: { width: number; height: number }): MediaSize {
    if (typeof request.media === 'string') {
      const media = mediaFromName(request.media);
      if (!media) throw new PrinterError('print-media-mismatch', `${request.media} is not a PWG media name with a size`, { media: request.media });
      return media;
    }
    if (request.media) return request.media;
    if (request.purpose === 'certificate') {
      const size = pageSizeMm(firstPage);
      return certificateMedia(size.widthMm, size.heightMm);
    }
    return A4;
  }

  /** One submission at a time: single-job printers answer "busy" to a second one. */
  private serialised<T>(task: () => Promise<T>): Promise<T> {
    const run = this.submitChain.then(task, task);
    this.submitChain = run.catch(() => undefined);
    return run;
  }

  private async submit(queued: PrintJobRecord): Promise<PrintJobRecord> {
    let record: PrintJobRecord = { ...queued, attempts: queued.attempts + 1 };
    let submitted: Partial<PrintJobRecord>;
    try {
      const target = this.resolveTarget(record.printerId);
      const document = await this.store.document(record.id);
      if (!document) throw new PrinterError('print-queue-storage-failed', `the stored document of job ${record.id} is missing`);
      submitted = target.kind === 'ipp' ? await this.submitIpp(target, record, document) : await this.submitCups(target, record, document);
    } catch (error) {
      const printerError = asPrinterError(error, 'printer-protocol-error', 'submitting the job');
      record = {
        ...record,
        state: RETRYABLE_CODES.has(printerError.code) ? 'queued' : 'held',
        lastError: { code: printerError.code, detail: printerError.detail },
      };
      this.logger.warn('print job not submitted', { jobId: record.id, printerId: record.printerId, code: printerError.code, detail: printerError.detail });
      await this.update(record, queued.state).catch(() => undefined);
      throw printerError.withParams({ jobId: record.id, printerId: record.printerId });
    }
    // The printer has the job now. Every accepted job is reported pending first (the IPP job model
    // starts there), even when the printer's answer already says processing, so listeners always
    // see the same order. A failure to record it must not make the caller print it a second time.
    const reported = submitted.state ?? 'pending';
    record = { ...record, ...submitted, state: 'pending' };
    delete record.lastError;
    try {
      await this.update(record, queued.state);
      if (reported !== 'pending') record = await this.advance(record, reported, record.stateReasons ?? []);
    } catch (error) {
      this.logger.error('submitted job could not be recorded', { jobId: record.id, detail: error instanceof Error ? error.message : String(error) });
    }
    this.track(record);
    return record;
  }

  private async submitIpp(
    target: Extract<PrinterTarget, { kind: 'ipp' }>,
    record: PrintJobRecord,
    document: Uint8Array,
  ): Promise<Partial<PrintJobRecord>> {
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
    if (scaling ? !scaling.includes('none') : record.purpose === 'certificate' && !this.trustScaling.has(target.id)) {
      throw new PrinterError(
        'printer-scaling-unsupported',
        scaling ? `${target.uri} offers print-scaling ${scaling.join(',')} but not none` : `${target.uri} does not report print-scaling, so 100 % scale cannot be guaranteed`,
      );
    }
    if (!scaling) this.logger.warn('printer does not report print-scaling; sending the PDF at its own size', { printerId: target.id });
    const response = await this.ipp.send(target.uri, (requestId) =>
      printJobRequest({
        printerUri: target.uri,
        requestId,
        userName: this.userName,
        jobName: record.documentName,
        media,
        copies: record.copies,
        printScalingNone: Boolean(scaling),
        fidelity: true,
        document,
      }),
    );
    if (statusClass(response.code) !== 'success') throw this.ippFailure(response, target.uri, 'Print-Job');
    const status = readJobStatus(response);
    if (!status) throw new PrinterError('printer-protocol-error', `Print-Job response from ${target.uri} has no job-id`);
    const result: Partial<PrintJobRecord> = {
      state: status.state ? jobStateFromIpp(status.state) : 'pending',
      remoteJobId: status.jobId,
      remotePrinterUri: target.uri,
      stateReasons: status.stateReasons,
    };
    return result;
  }

  private async submitCups(target: Extract<PrinterTarget, { kind: 'cups' }>, record: PrintJobRecord, document: Uint8Array): Promise<Partial<PrintJobRecord>> {
    if (!this.cups) throw new PrinterError('cups-not-installed', 'CUPS is disabled on this terminal');
    const jobId = await this.cups.submit({ queue: target.queue, document, title: record.documentName, media: record.media, copies: record.copies });
    return { state: 'pending', remoteJobId: jobId, remotePrinterUri: this.cups.ippTarget(target.queue).printerUri, stateReasons: [] };
  }

  /** Maps a non-successful IPP status to the error the officer needs to see. */
  private ippFailure(response: IppMessage, uri: string, operation: string): PrinterError {
    const code = response.code;
    const detail = `${operation} to ${uri}: status 0x${code.toString(16).padStart(4, '0')} ${statusMessage(response) ?? ''}`.trim();
    const unsupported = response.groups.filter((group) => group.tag === GROUP_TAGS.unsupported).flatMap((group) => group.attributes.map((a) => a.name));
    let errorCode: PrinterErrorCode = 'printer-rejected-job';
    if (code === STATUS.clientErrorAttributesOrValuesNotSupported) {
      if (unsupported.some((name) => name.startsWith('media'))) errorCode = 'printer-media-unsupported';
      else if (unsupported.includes('print-scaling')) errorCode = 'printer-scaling-unsupported';
    } else if (code === STATUS.clientErrorDocumentFormatNotSupported) errorCode = 'printer-format-unsupported';
    else if (code === STATUS.clientErrorNotAuthenticated || code === STATUS.clientErrorNotAuthorized) errorCode = 'printer-authentication-required';
    else if (code === STATUS.clientErrorNotFound) errorCode = 'printer-unknown';
    else if (code === STATUS.serverErrorBusy || code === STATUS.serverErrorServiceUnavailable || code === STATUS.serverErrorTemporaryError) errorCode = 'printer-busy';
    else if (code === STATUS.serverErrorNotAcceptingJobs) errorCode = 'printer-not-accepting-jobs';
    return new PrinterError(errorCode, unsupported.length > 0 ? `${detail} (unsupported: ${unsupported.join(', ')})` : detail, { status: code });
  }

  // ------------------------------------------------------------ tracking

  private track(record: PrintJobRecord): void {
    if (this.stopped || this.tracking.has(record.id) || record.remoteJobId === undefined || !record.remotePrinterUri) return;
    const run = this.follow(record)
      .catch((error: unknown) => this.logger.error('job tracking stopped', { jobId: record.id, detail: error instanceof Error ? error.message : String(error) }))
      .finally(() => this.tracking.delete(record.id));
    this.tracking.set(record.id, run);
  }

  /** CUPS jobs are followed on the scheduler, which may listen on a Unix socket. */
  private ippFor(record: PrintJobRecord): IppClient {
    if (!this.cups) return this.ipp;
    let target: PrinterTarget;
    try {
      target = this.resolveTarget(record.printerId);
    } catch {
      return this.ipp;
    }
    if (target.kind !== 'cups') return this.ipp;
    const socketPath = this.cups.ippTarget(target.queue).socketPath;
    return socketPath ? new IppClient({ ...this.ippOptions, socketPath }) : this.ipp;
  }

  private async follow(initial: PrintJobRecord): Promise<void> {
    let record = initial;
    let delay = this.pollIntervalMs;
    const client = this.ippFor(record);
    while (!this.stopped && !TERMINAL_JOB_STATES.has(record.state)) {
      await sleep(delay);
      if (this.stopped || this.cancelledByUs.has(record.id)) return;
      let response: IppMessage;
      try {
        response = await client.send(record.remotePrinterUri!, (requestId) =>
          getJobAttributesRequest(record.remotePrinterUri!, requestId, record.remoteJobId!, this.userName),
        );
      } catch (error) {
        // The printer went away mid-job: keep the state, ask again less often.
        this.logger.info('job status unavailable', { jobId: record.id, detail: error instanceof Error ? error.message : String(error) });
        delay = Math.min(delay * 2, 10_000);
        continue;
      }
      delay = this.pollIntervalMs;
      if (this.cancelledByUs.has(record.id)) return;
      if (response.code === STATUS.clientErrorNotFound) {
        record = await this.advance(record, 'aborted', record.stateReasons ?? [], {
          code: 'print-job-lost',
          detail: `${record.remotePrinterUri} no longer knows job ${record.remoteJobId}`,
        });
        continue;
      }
      const status = statusClass(response.code) === 'success' ? readJobStatus(response) : undefined;
      if (!status?.state) continue;
      const next = jobStateFromIpp(status.state);
      if (STATE_ORDER[next] < STATE_ORDER[record.state]) continue; // never report a job going backwards
      const reasonsChanged = (status.stateReasons ?? []).join(',') !== (record.stateReasons ?? []).join(',');
      if (next === record.state && !reasonsChanged) continue;
      let problem: PrintJobRecord['lastError'];
      if (next === 'aborted') problem = { code: 'print-job-aborted', detail: `printer aborted job ${record.remoteJobId}: ${status.stateReasons.join(',')} ${status.stateMessage ?? ''}`.trim() };
      if (next === 'canceled') problem = { code: 'print-job-canceled-by-printer', detail: `job ${record.remoteJobId} was canceled at the printer: ${status.stateReasons.join(',')}` };
      record = await this.advance(record, next, status.stateReasons, problem);
    }
  }

  private async advance(record: PrintJobRecord, state: PrintJobState, reasons: string[], problem?: PrintJobRecord['lastError']): Promise<PrintJobRecord> {
    const next: PrintJobRecord = { ...record, state, stateReasons: reasons };
    if (problem) next.lastError = problem;
    await this.update(next, record.state);
    return next;
  }

  /** Stores the record (or removes it once completed) and tells listeners. */
  private async update(record: PrintJobRecord, previousState: PrintJobState | undefined): Promise<void> {
    record.updatedAt = this.now().toISOString();
    this.remember(record);
    try {
      if (record.state === 'completed') await this.store.remove(record.id);
      else await this.store.save(record);
    } finally {
      this.emit('job', { job: { ...record }, previousState });
    }
  }

  // ------------------------------------------------------------ the queue

  async jobs(): Promise<PrintJobRecord[]> {
    return this.store.list();
  }

  /** Retries every queued job, oldest first; failures stay recorded on each job. */
  retryQueued(): Promise<PrintJobRecord[]> {
    if (this.retrying) return this.retrying;
    this.retrying = (async () => {
      const results: PrintJobRecord[] = [];
      for (const job of await this.store.list()) {
        if (job.state !== 'queued' || this.stopped) continue;
        try {
          results.push(await this.serialised(() => this.submit(job)));
        } catch {
          results.push((await this.store.get(job.id)) ?? job);
        }
      }
      return results;
    })().finally(() => {
      this.retrying = undefined;
    });
    return this.retrying;
  }

  /** The officer's retry of a held, queued, aborted or printer-canceled job, optionally on another printer. */
  async retry(jobId: string, options: { printerId?: string } = {}): Promise<PrintJobRecord> {
    const job = await this.requireJob(jobId);
    if (job.state === 'pending' || job.state === 'processing') {
      throw new PrinterError('print-job-not-retryable', `job ${jobId} is still ${job.state} at the printer`, { jobId });
    }
    const reset: PrintJobRecord = { ...job, state: 'queued', printerId: options.printerId ?? job.printerId };
    delete reset.remoteJobId;
    delete reset.remotePrinterUri;
    delete reset.stateReasons;
    return this.serialised(() => this.submit(reset));
  }

  /** Cancels the job at the printer when it is there, and removes it from the queue. */
  async cancel(jobId: string): Promise<PrintJobRecord> {
    const job = await this.requireJob(jobId);
    if ((job.state === 'pending' || job.state === 'processing') && job.remoteJobId !== undefined && job.remotePrinterUri) {
      this.cancelledByUs.add(jobId);
      try {
        await this.cancelRemote(job);
      } catch (error) {
        this.cancelledByUs.delete(jobId);
        throw asPrinterError(error, 'printer-protocol-error', 'Cancel-Job').withParams({ jobId });
      }
    }
    const canceled: PrintJobRecord = { ...job, state: 'canceled' };
    this.cancelledByUs.add(jobId);
    await this.store.remove(jobId);
    canceled.updatedAt = this.now().toISOString();
    this.remember(canceled);
    this.emit('job', { job: canceled, previousState: job.state });
    return canceled;
  }

  private async cancelRemote(job: PrintJobRecord): Promise<void> {
    const target = this.resolveTarget(job.printerId);
    if (target.kind === 'cups') {
      await this.cups?.cancel(target.queue, job.remoteJobId!);
      return;
    }
    const response = await this.ipp.send(job.remotePrinterUri!, (requestId) => cancelJobRequest(job.remotePrinterUri!, requestId, job.remoteJobId!, this.userName));
    // Not possible: the job already finished; nothing left to cancel.
    if (statusClass(response.code) !== 'success' && response.code !== STATUS.clientErrorNotPossible) {
      throw this.ippFailure(response, job.remotePrinterUri!, 'Cancel-Job');
    }
  }

  /** Resolves when the job reaches completed, aborted, canceled or held, or rejects after `timeoutMs`. */
  async waitForJob(jobId: string, timeoutMs: number): Promise<PrintJobRecord> {
    const settled = (job: PrintJobRecord): boolean => TERMINAL_JOB_STATES.has(job.state) || job.state === 'held';
    return new Promise((resolve, reject) => {
      const onJob = (update: PrintJobUpdate): void => {
        if (update.job.id === jobId && settled(update.job)) finish(() => resolve(update.job));
      };
      const timer = setTimeout(() => finish(() => reject(new PrinterError('print-job-lost', `job ${jobId} did not finish within ${timeoutMs} ms`, { jobId }))), timeoutMs);
      const finish = (then: () => void): void => {
        clearTimeout(timer);
        this.off('job', onJob);
        then();
      };
      this.on('job', onJob);
      const known = this.recent.get(jobId);
      if (known && settled(known)) return finish(() => resolve(known));
      void this.store.get(jobId).then(
        (job) => {
          if (job && settled(job)) finish(() => resolve(job));
        },
        () => undefined,
      );
    });
  }

  private remember(record: PrintJobRecord): void {
    this.recent.delete(record.id);
    this.recent.set(record.id, { ...record });
    if (this.recent.size > 200) this.recent.delete(this.recent.keys().next().value!);
  }

  private async requireJob(jobId: string): Promise<PrintJobRecord> {
    const job = await this.store.get(jobId);
    if (!job) throw new PrinterError('print-job-not-found', `no job ${jobId} in the queue`, { jobId });
    return job;
  }
}

function safeUserName(): string {
  try {
    return os.userInfo().username || 'terminal';
  } catch {
    return 'terminal';
  }
}
