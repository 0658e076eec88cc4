/**
 * A text-line device on a serial port (a scanner gun, or a passport reader in
 * serial mode): opens the port, cuts lines, drops partial lines after a quiet
 * period, notices an unplug and keeps trying to reopen until the device is
 * back. It knows nothing about what the lines mean. No exception escapes: every
 * failure becomes a state change or a `problem` event.
 */
import { EventEmitter } from 'node:events';
import type { DeviceState } from '../../domain/device';
import { type Logger, silentLogger } from '../../domain/logger';
import { LinkError, type LinkProblem } from './errors';
import { decodeScanText, DEFAULT_MAX_LINE_BYTES, type LineEvent, LineSplitter, type LineSuffix, type ScanTextEncoding } from './line-codec';
import { type SerialLink, type SerialOpener, serialPortOpener } from './serial-transport';

export interface SerialLineReaderOptions {
  path: string;
  /** Scanners ship at 9600 8N1; many are set to 115200. */
  baudRate?: number;
  suffix?: LineSuffix;
  maxLineBytes?: number;
  encoding?: ScanTextEncoding;
  /** Silence after which bytes without a suffix are given up as a broken line. */
  idleMs?: number;
  /** Reopen attempts back off from `initialMs` to `maxMs`. */
  reconnect?: { initialMs: number; maxMs: number };
  opener?: SerialOpener;
  logger?: Logger;
}

export interface TextLine {
  text: string;
  bytes: Uint8Array;
  encoding: 'utf-8' | 'gbk';
  lossy: boolean;
}

export interface LinkStatus {
  state: DeviceState;
  problem?: LinkProblem;
  detail?: string;
}

interface ReaderEvents {
  line: [TextLine];
  /** A line-level problem: the link stays up. */
  problem: [LinkError];
  status: [LinkStatus];
}

export const DEFAULT_BAUD_RATE = 9600;
export const DEFAULT_IDLE_MS = 300;
export const DEFAULT_RECONNECT = { initialMs: 250, maxMs: 5000 };

export class SerialLineReader extends EventEmitter<ReaderEvents> {
  private readonly options: Required<Omit<SerialLineReaderOptions, 'logger' | 'opener'>>;
  private readonly opener: SerialOpener;
  private readonly logger: Logger;
  private splitter: LineSplitter;
  private link: SerialLink | undefined;
  private running = false;
  private everOpened = false;
  private current: LinkStatus = { state: 'absent' };
  private retryTimer: NodeJS.Timeout | undefined;
  private idleTimer: NodeJS.Timeout | undefined;
  private retryDelay: number;
  /** Bumped on every open/close so late callbacks from an old link are ignored. */
  private generation = 0;

  constructor(options: SerialLineReaderOptions) {
    super();
    this.options = {
      path: options.path,
      baudRate: options.baudRate ?? DEFAULT_BAUD_RATE,
      suffix: options.suffix ?? 'cr',
      maxLineBytes: options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES,
      encoding: options.encoding ?? 'auto',
      idleMs: options.idleMs ?? DEFAULT_IDLE_MS,
      reconnect: options.reconnect ?? DEFAULT_RECONNECT,
    };
    this.opener = options.opener ?? serialPortOpener;
    this.logger = options.logger ?? silentLogger;
    this.splitter = new LineSplitter({ suffix: this.options.suffix, maxLineBytes: this.options.maxLineBytes });
    this.retryDelay = this.options.reconnect.initialMs;
  }

  get path(): string {
    return this.options.path;
  }

  status(): LinkStatus {
    return { ...this.current };
  }

  /** Resolves after the first open attempt, whatever its outcome; keeps retrying in the background. */
  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    await this.attemptOpen();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.generation++;
    clearTimeout(this.retryTimer);
    clearTimeout(this.idleTimer);
    const link = this.link;
    this.link = undefined;
    if (link) await link.close().catch(() => undefined);
    this.splitter = new LineSplitter({ suffix: this.options.suffix, maxLineBytes: this.options.maxLineBytes });
    this.setStatus({ state: 'absent' });
  }

  /** Sends bytes to the device (trigger commands); false when not connected or the write failed. */
  async write(bytes: Uint8Array): Promise<boolean> {
    if (!this.link) return false;
    try {
      await this.link.write(bytes);
      return true;
    } catch (error) {
      this.logger.warn('write failed', { error: String(error) });
      return false;
    }
  }

  private async attemptOpen(): Promise<void> {
    if (!this.running) return;
    const generation = ++this.generation;
    let link: SerialLink;
    try {
      link = await this.opener.open(this.options.path, this.options.baudRate);
    } catch (error) {
      if (generation !== this.generation || !this.running) return;
      const failure = error instanceof LinkError ? error : new LinkError('open-failed', String(error));
      this.onOpenFailed(failure);
      return;
    }
    if (generation !== this.generation || !this.running) {
      await link.close().catch(() => undefined);
      return;
    }
    this.link = link;
    this.everOpened = true;
    this.retryDelay = this.options.reconnect.initialMs;
    link.onData((chunk) => {
      if (generation === this.generation) this.onData(chunk);
    });
    link.onLost((detail) => {
      if (generation === this.generation) this.onLost(detail);
    });
    this.logger.info('port open', { path: this.options.path, baudRate: this.options.baudRate });
    this.setStatus({ state: 'ready' });
  }

  private onOpenFailed(failure: LinkError): void {
    if (failure.problem === 'not-found') {
      // A reader that was there and went away is "disconnected"; one never seen is "absent".
      this.setStatus(this.everOpened ? { state: 'disconnected', problem: 'unplugged', detail: failure.detail } : { state: 'absent', problem: 'not-found', detail: failure.detail });
    } else if (failure.problem === 'busy') {
      this.setStatus({ state: 'busy', problem: 'busy', detail: failure.detail });
    } else {
      this.setStatus({ state: 'error', problem: failure.problem, detail: failure.detail });
    }
    this.scheduleRetry();
  }

  private onLost(detail: string): void {
    this.generation++;
    const link = this.link;
    this.link = undefined;
    clearTimeout(this.idleTimer);
    this.flushPartial();
    if (link) void link.close().catch(() => undefined);
    this.logger.warn('port lost', { path: this.options.path, detail });
    this.setStatus({ state: 'disconnected', problem: 'unplugged', detail });
    this.retryDelay = this.options.reconnect.initialMs;
    this.scheduleRetry();
  }

  private scheduleRetry(): void {
    if (!this.running) return;
    clearTimeout(this.retryTimer);
    const delay = this.retryDelay;
    this.retryDelay = Math.min(this.retryDelay * 2, this.options.reconnect.maxMs);
    this.retryTimer = setTimeout(() => void this.attemptOpen(), delay);
    this.retryTimer.unref?.();
  }

  private onData(chunk: Uint8Array): void {
    let events: LineEvent[];
    try {
      events = this.splitter.push(chunk);
    } catch (error) {
      // The splitter is total; this is a guard so a bug there cannot take the terminal down.
      this.logger.error('line splitter failed', { error: String(error) });
      this.splitter = new LineSplitter({ suffix: this.options.suffix, maxLineBytes: this.options.maxLineBytes });
      return;
    }
    this.handle(events);
    clearTimeout(this.idleTimer);
    if (this.splitter.pendingBytes > 0) {
      this.idleTimer = setTimeout(() => this.flushPartial(), this.options.idleMs);
      this.idleTimer.unref?.();
    }
  }

  private flushPartial(): void {
    this.handle(this.splitter.expire());
  }

  private handle(events: LineEvent[]): void {
    for (const event of events) {
      if (event.type === 'line') {
        const decoded = decodeScanText(event.bytes, this.options.encoding);
        this.emitSafely('line', { text: decoded.text, bytes: event.bytes, encoding: decoded.encoding, lossy: decoded.lossy });
      } else if (event.type === 'overflow') {
        this.emitSafely('problem', new LinkError('line-too-long', `dropped ${event.droppedBytes} bytes longer than ${this.options.maxLineBytes} without a ${this.options.suffix} suffix`));
      } else if (event.reason === 'no-suffix') {
        this.emitSafely('problem', new LinkError('suffix-missing', `dropped ${event.bytes.length} bytes that never got a ${this.options.suffix} suffix`));
      } else {
        this.logger.debug('line noise dropped', { bytes: event.bytes.length });
      }
    }
  }

  private setStatus(status: LinkStatus): void {
    const same = status.state === this.current.state && status.problem === this.current.problem;
    this.current = status;
    if (!same) this.emitSafely('status', { ...status });
  }

  /** A listener's exception must not unwind into serialport's callbacks. */
  private emitSafely<K extends keyof ReaderEvents>(event: K, ...args: ReaderEvents[K]): void {
    try {
      (this.emit as (e: K, ...a: ReaderEvents[K]) => boolean)(event, ...args);
    } catch (error) {
      this.logger.error('listener threw', { event, error: String(error) });
    }
  }
}
