/**
 * The printing service: lists printers, prints PDFs silently at 100 % scale
 * on explicit media, and keeps every job in a persistent queue until it
 * completed or the officer discarded it, emitting every change (queued →
 * pending → processing → completed / aborted / canceled).
 *
 * How a printer is reached is a backend's business (ipp-backend.ts: the
 * printer's own IPP interface; cups-backend.ts: a CUPS queue via `lp`), and
 * following a job once the printer has it is the job tracker's
 * (job-tracker.ts). A printer that cannot be reached leaves the job queued
 * and retried; a printer that refuses the job leaves it held for the officer.
 */
import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import os from 'node:os';
import { silentLogger, type Logger } from '../../domain/logger';
import type { PrinterBackend } from './backend';
import { CupsBackend } from './cups-backend';
import { CupsCli, type CupsOptions } from './cups';
import { PrinterError, RETRYABLE_CODES, asPrinterError, isPrinterError } from './errors';
import { IppBackend } from './ipp-backend';
import { IppClient, type IppClientOptions } from './ipp/client';
import { JobTracker } from './job-tracker';
import { A4, certificateMedia, mediaFromName, pageSizeMm, pagesNotMatchingMedia, type MediaSize } from './media';
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

export class PrintService extends EventEmitter<PrintServiceEvents> {
  private readonly store: PrintQueueStore;
  private printers: PrinterTarget[];
  private readonly ippBackend: IppBackend;
  private readonly cupsBackend: CupsBackend;
  private readonly tracker: JobTracker;
  private readonly retryIntervalMs: number;
  private readonly logger: Logger;
  private readonly now: () => Date;
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
    this.retryIntervalMs = options.retryIntervalMs ?? 30_000;
    this.logger = options.logger ?? silentLogger;
    this.now = options.now ?? (() => new Date());
    const userName = options.userName ?? safeUserName();
    const ippOptions = options.ipp ?? {};
    const ipp = new IppClient(ippOptions);
    this.ippBackend = new IppBackend({ client: ipp, userName, trustScalingOf: new Set(options.trustScalingOf ?? []), logger: this.logger });
    this.cupsBackend = new CupsBackend(options.cups === false ? undefined : new CupsCli(options.cups ?? {}), ippOptions, ipp);
    this.tracker = new JobTracker({
      pollIntervalMs: options.pollIntervalMs ?? 1000,
      userName,
      logger: this.logger,
      clientFor: (record) => this.statusClientFor(record),
      advance: (record, state, reasons, problem) => this.advance(record, state, reasons, problem),
    });
  }

  /**
   * The configured printers replaced (a configuration pushed by the backend): the next listing describes them afresh
   * and new jobs go to them; jobs already submitted keep following the printer they went to.
   */
  reconfigure(printers: PrinterTarget[]): void {
    this.printers = [...printers];
  }

  /** The printers configured now (the start-up file's, or the last pushed configuration's). */
  configuredPrinters(): PrinterTarget[] {
    return [...this.printers];
  }

  /** Resumes following jobs submitted before a restart and starts the retry timer. */
  async start(): Promise<void> {
    this.stopped = false;
    this.tracker.start();
    for (const job of await this.store.list()) {
      if (job.state === 'pending' || job.state === 'processing') this.tracker.track(job);
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
    await this.tracker.stop();
    await this.retrying?.catch(() => undefined);
  }

  // ------------------------------------------------------------ printers

  async listPrinters(): Promise<PrinterList> {
    const configured = await Promise.all(this.printers.map((target) => this.backendFor(target).describe(target)));
    let cups: CupsAvailability = 'disabled';
    const fromCups: PrinterInfo[] = [];
    if (this.cupsBackend.enabled) {
      try {
        for (const queue of await this.cupsBackend.queues()) {
          const id = `cups:${queue.name}`;
          if (configured.some((printer) => printer.id === id)) continue;
          fromCups.push(this.cupsBackend.info(id, queue.name, queue));
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

  /** The one place that tells IPP from CUPS. */
  private backendFor(target: PrinterTarget): PrinterBackend {
    return target.kind === 'ipp' ? this.ippBackend : this.cupsBackend;
  }

  private resolveTarget(printerId: string): PrinterTarget {
    const configured = this.printers.find((printer) => printer.id === printerId);
    if (configured) return configured;
    if (printerId.startsWith('cups:') && this.cupsBackend.enabled) {
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
      submitted = await this.backendFor(target).submit(target, record, document);
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
    this.tracker.track(record);
    return record;
  }

  /** The IPP client that follows a job: the printer's, or the CUPS scheduler's. */
  private statusClientFor(record: PrintJobRecord): IppClient {
    let target: PrinterTarget;
    try {
      target = this.resolveTarget(record.printerId);
    } catch {
      return this.ippBackend.statusClient();
    }
    return this.backendFor(target).statusClient(target);
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
      this.tracker.markCancelled(jobId);
      try {
        const target = this.resolveTarget(job.printerId);
        await this.backendFor(target).cancel(target, job);
      } catch (error) {
        this.tracker.unmarkCancelled(jobId);
        throw asPrinterError(error, 'printer-protocol-error', 'Cancel-Job').withParams({ jobId });
      }
    }
    const canceled: PrintJobRecord = { ...job, state: 'canceled' };
    this.tracker.markCancelled(jobId);
    await this.store.remove(jobId);
    canceled.updatedAt = this.now().toISOString();
    this.remember(canceled);
    this.emit('job', { job: canceled, previousState: job.state });
    return canceled;
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
