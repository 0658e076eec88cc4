/**
 * A document scanner behind SANE: one scan at a time, each a JPEG of one
 * page, every failure a DocumentScannerError in the officer's terms. The
 * device is probed at start and after each scan, so the status bar follows
 * a scanner that is switched off or comes back.
 */
import { EventEmitter } from 'node:events';
import type { DeviceStatus } from '../../domain/device';
import type { Logger } from '../../domain/logger';
import { DocumentScannerError } from './errors';
import { runScanimage } from './scanimage';
import { isCompleteJpeg } from '../../domain/jpeg';
import { feederSource, scanArguments, scanimageErrorCode, sourcesFromOptions, type ScanMode, type ScanSource } from './sane-status';
import { runScanimageBatch } from './batch';
import type { DocumentScannerErrorCode } from './errors';

export const MAX_SCAN_BYTES = 50 * 1024 * 1024;

export interface DocumentScannerOptions {
  id: string;
  /** SANE device name (`scanimage -L` lists them). */
  device: string;
  logger: Logger;
  binary?: string;
  env?: NodeJS.ProcessEnv;
  timeoutMs?: number;
}

export interface ScanRequest {
  resolutionDpi?: number;
  mode?: ScanMode;
  source?: ScanSource;
}

export interface ScannedPage {
  mimeType: 'image/jpeg';
  data: Uint8Array;
  resolutionDpi: number;
}

export interface BatchRequest {
  resolutionDpi?: number;
  mode?: ScanMode;
  /** One side of each sheet, or both (the duplex feeder: front, back, front, back …). */
  sides: 'simplex' | 'duplex';
}

export interface BatchOutcome {
  /** Pages delivered to the receiver, in feeder order. */
  pages: number;
  stopped: boolean;
  /** What ended the batch early, at which page (1-based, counting sides), and the sheet to put back. */
  fault?: { code: DocumentScannerErrorCode; page: number; sheet: number };
}

export interface ScanBatch {
  stop(): void;
  done: Promise<BatchOutcome>;
}

export class DocumentScannerDriver extends EventEmitter<{ status: [DeviceStatus] }> {
  #status: DeviceStatus;
  #scanning = false;
  /** The sources the device offers (from the last probe); empty until it answered once. */
  #sources: string[] = [];

  constructor(private readonly options: DocumentScannerOptions) {
    super();
    this.#status = { id: options.id, kind: 'document-scanner', state: 'absent', address: options.device };
  }

  status(): DeviceStatus {
    return this.#status;
  }

  async start(): Promise<void> {
    await this.probe();
  }

  async stop(): Promise<void> {}

  /** Opens the device without scanning (`scanimage -A` lists its options). */
  async probe(): Promise<DeviceStatus> {
    const run = await runScanimage(['--device-name', this.options.device, '-A'], this.#runOptions(15_000, 1024 * 1024));
    if (run.exitCode === 0) {
      this.#sources = sourcesFromOptions(run.stdout.toString('utf8'));
      this.#setStatus({ state: 'ready' });
    }
    else this.#setStatus(this.#failure(run.notInstalled ? 'document-scanner-not-installed' : scanimageErrorCode(run.exitCode, run.stderr), run.stderr));
    return this.#status;
  }

  async scan(request: ScanRequest = {}): Promise<ScannedPage> {
    if (this.#scanning) throw new DocumentScannerError('document-scanner-busy', 'a scan is already running at this terminal');
    this.#scanning = true;
    const resolutionDpi = request.resolutionDpi ?? 150;
    try {
      const args = scanArguments({ device: this.options.device, resolutionDpi, mode: request.mode ?? 'Gray', source: request.source ?? 'flatbed', widthMm: 210, heightMm: 297 });
      const run = await runScanimage(args, this.#runOptions(this.options.timeoutMs ?? 120_000, MAX_SCAN_BYTES));
      const code = run.notInstalled
        ? 'document-scanner-not-installed'
        : run.timedOut
          ? 'document-scanner-timeout'
          : run.tooLarge
            ? 'document-scanner-too-large'
            : run.exitCode !== 0
              ? scanimageErrorCode(run.exitCode, run.stderr)
              : isCompleteJpeg(run.stdout)
                ? undefined
                : // scanimage can exit 0 after sane_read failed (seen with a busy device): its message still says why.
                  scanimageErrorCode(run.exitCode, run.stderr);
      if (code) {
        this.options.logger.warn('scan failed', { code, exitCode: run.exitCode, stderr: run.stderr.trim() });
        // A missing or unplugged scanner shows in the status bar; a jam or an empty feeder is the officer's to fix.
        if (code === 'document-scanner-not-found' || code === 'document-scanner-not-installed') this.#setStatus(this.#failure(code, run.stderr));
        throw new DocumentScannerError(code, `scanimage ${run.exitCode ?? 'killed'}: ${run.stderr.trim().slice(-300)}`);
      }
      this.#setStatus({ state: 'ready' });
      return { mimeType: 'image/jpeg', data: new Uint8Array(run.stdout), resolutionDpi };
    } finally {
      this.#scanning = false;
    }
  }

  /**
   * A feeder batch: pages go to `onPage` one by one as the feeder delivers
   * them (the next waits until the receiver is done with one). A fault ends
   * the batch and names the page it stopped at; the pages before it were
   * delivered and stay with the receiver.
   */
  scanBatch(request: BatchRequest, onPage: (page: ScannedPage, index: number) => Promise<void> | void): ScanBatch {
    if (this.#scanning) throw new DocumentScannerError('document-scanner-busy', 'a scan is already running at this terminal');
    const sourceName = feederSource(this.#sources, request.sides) ?? (this.#sources.length === 0 && request.sides === 'simplex' ? 'Automatic Document Feeder' : undefined);
    if (!sourceName) throw new DocumentScannerError(request.sides === 'duplex' ? 'document-scanner-no-duplex' : 'document-scanner-no-feeder', `sources: ${this.#sources.join(', ')}`);
    this.#scanning = true;
    const resolutionDpi = request.resolutionDpi ?? 150;
    const args = scanArguments({ device: this.options.device, resolutionDpi, mode: request.mode ?? 'Gray', source: 'feeder', sourceName, widthMm: 210, heightMm: 297 });
    const batch = runScanimageBatch(args, {
      ...(this.options.binary ? { binary: this.options.binary } : {}),
      ...(this.options.env ? { env: this.options.env } : {}),
      pageTimeoutMs: this.options.timeoutMs ?? 120_000,
      maxPageBytes: MAX_SCAN_BYTES,
      onPage: (data, index) => onPage({ mimeType: 'image/jpeg', data, resolutionDpi }, index),
    });
    const sheetOf = (page: number) => (request.sides === 'duplex' ? Math.ceil(page / 2) : page);
    const done = batch.done
      .then((run): BatchOutcome => {
        const outcome: BatchOutcome = { pages: run.pages, stopped: run.stopped };
        const code: DocumentScannerErrorCode | undefined = run.notInstalled
          ? 'document-scanner-not-installed'
          : run.timedOut
            ? 'document-scanner-timeout'
            : run.stopped
              ? undefined
              : run.exitCode !== 0
                ? scanimageErrorCode(run.exitCode, run.stderr)
                : run.pages === 0
                  ? 'document-scanner-no-paper'
                  : undefined;
        // An empty feeder after some pages is how every batch ends.
        if (!code || (code === 'document-scanner-no-paper' && run.pages > 0)) return outcome;
        this.options.logger.warn('batch ended early', { code, pages: run.pages, exitCode: run.exitCode, stderr: run.stderr.trim().slice(-300) });
        if (code === 'document-scanner-not-found' || code === 'document-scanner-not-installed') this.#setStatus(this.#failure(code, run.stderr));
        const page = run.pages + 1;
        return { ...outcome, fault: { code: code === 'document-scanner-jammed' ? 'document-scanner-batch-jammed' : code, page, sheet: sheetOf(page) } };
      })
      .finally(() => {
        this.#scanning = false;
      });
    return { stop: batch.stop, done };
  }

  #runOptions(timeoutMs: number, maxBytes: number) {
    return { timeoutMs, maxBytes, ...(this.options.binary ? { binary: this.options.binary } : {}), ...(this.options.env ? { env: this.options.env } : {}) };
  }

  #failure(code: string, detail: string): Pick<DeviceStatus, 'state' | 'problem' | 'detail'> {
    const state = code === 'document-scanner-busy' ? 'busy' : code === 'document-scanner-not-found' || code === 'document-scanner-not-installed' ? 'absent' : 'error';
    return { state, problem: code, detail: detail.trim().slice(-300) };
  }

  #setStatus(next: Pick<DeviceStatus, 'state' | 'problem' | 'detail'>): void {
    const status: DeviceStatus = { id: this.options.id, kind: 'document-scanner', state: next.state, address: this.options.device };
    if (next.problem) status.problem = next.problem;
    if (next.detail) status.detail = next.detail;
    const changed = status.state !== this.#status.state || status.problem !== this.#status.problem;
    this.#status = status;
    if (changed) this.emit('status', status);
  }
}
