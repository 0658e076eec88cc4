/**
 * ID card reader driver: a state machine over a ReaderSession. It finds the
 * reader (configured path, or USB IDs + SAM probe), detects the baud rate,
 * polls for cards, emits one `cardRead` per placement, and reconnects after
 * the reader is unplugged. Device trouble is reported through `status`, never
 * thrown.
 */
import { EventEmitter } from 'node:events';
import type { DeviceStatus } from '../../domain/device';
import type { CardReading, DecodedPhoto } from '../../domain/identity-card';
import { silentLogger, type Logger } from '../../domain/logger';
import { IdCardReaderError, isIdCardReaderError, type IdCardErrorCode } from './errors';
import { BAUD_RATES, detectBaudRate, findCard, probeSam, selectAndRead } from './procedures';
import { ReaderSession } from './session';
import { serialPortTransport, type PortInfo, type SerialTransport } from './transport';

/** Optional vendor plug-in turning the card's compressed photo into an image. None ships. */
export interface PhotoDecoder {
  decode(raw: Uint8Array): Promise<DecodedPhoto>;
}

export interface UsbId {
  vendorId: string;
  productId: string;
}

/**
 * USB-serial bridges that GA/T 467 serial readers are commonly built on (WCH
 * CH340/CH9102, Prolific PL2303, Silicon Labs CP210x, FTDI FT232). Discovery
 * still proves a reader with a SAM probe, so a GPS dongle on the same chip is
 * not mistaken for one. Sites can configure their own list.
 */
export const DEFAULT_READER_USB_IDS: readonly UsbId[] = [
  { vendorId: '1a86', productId: '7523' },
  { vendorId: '1a86', productId: '55d4' },
  { vendorId: '067b', productId: '2303' },
  { vendorId: '10c4', productId: 'ea60' },
  { vendorId: '0403', productId: '6001' },
];

export interface IdCardReaderOptions {
  id?: string;
  /** Port path; if absent, discover by USB IDs and a SAM probe. */
  path?: string;
  /** If absent, detect among 115200/57600/38400/19200/9600. */
  baudRate?: number;
  pollIntervalMs?: number;
  logger?: Logger;
  /** Delay between attempts to find or reopen the reader. */
  reconnectIntervalMs?: number;
  usbIds?: readonly UsbId[];
  photoDecoder?: PhotoDecoder;
  /** Replaceable for tests and fuzzing; defaults to serialport. */
  transport?: SerialTransport;
  now?: () => number;
  /** Per-attempt timeout while detecting the baud rate. */
  baudProbeTimeoutMs?: number;
}

interface Events {
  cardRead: [reading: CardReading];
  status: [status: DeviceStatus];
  /** A placed card could not be read; at most once per placement and code. */
  readFailed: [error: IdCardReaderError];
}

/** Consecutive "no card" answers before a card counts as taken away. */
const ABSENT_AFTER_MISSES = 2;
/** Consecutive lost replies before the link is rebuilt (and the baud re-detected). */
const RECONNECT_AFTER_TIMEOUTS = 3;

export class IdCardReaderDriver {
  private readonly emitter = new EventEmitter();
  private readonly options: IdCardReaderOptions;
  private readonly logger: Logger;
  private readonly transport: SerialTransport;
  private readonly now: () => number;
  private current: DeviceStatus;
  private running = false;
  private loop: Promise<void> | null = null;
  private session: ReaderSession | null = null;
  private wake: (() => void) | null = null;
  private everConnected = false;
  private cardPresent = false;
  private misses = 0;
  private timeouts = 0;
  private lastReading: CardReading | null = null;
  private reportedFailure: IdCardErrorCode | null = null;
  private lastFailure: IdCardReaderError | null = null;

  constructor(options: IdCardReaderOptions = {}) {
    this.options = options;
    this.logger = (options.logger ?? silentLogger).child({ device: options.id ?? 'id-card-reader' });
    this.transport = options.transport ?? serialPortTransport;
    this.now = options.now ?? Date.now;
    this.emitter.setMaxListeners(50);
    this.current = {
      id: options.id ?? 'id-card-reader',
      kind: 'id-card-reader',
      state: 'absent',
      ...(options.path ? { address: options.path } : {}),
      problem: 'id-card-reader-stopped',
    };
  }

  on<E extends keyof Events>(event: E, listener: (...args: Events[E]) => void): this {
    this.emitter.on(event, listener as (...args: unknown[]) => void);
    return this;
  }

  off<E extends keyof Events>(event: E, listener: (...args: Events[E]) => void): this {
    this.emitter.off(event, listener as (...args: unknown[]) => void);
    return this;
  }

  once<E extends keyof Events>(event: E, listener: (...args: Events[E]) => void): this {
    this.emitter.once(event, listener as (...args: unknown[]) => void);
    return this;
  }

  status(): DeviceStatus {
    return { ...this.current };
  }

  /** The baud rate in use, once connected. */
  get baudRate(): number | null {
    return this.session?.baudRate ?? null;
  }

  /** Resolves after the first connection attempt, whatever its outcome. */
  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    let firstAttempt!: () => void;
    const attempted = new Promise<void>((resolve) => (firstAttempt = resolve));
    this.loop = this.run(firstAttempt).catch((err: unknown) => {
      // run() handles its own errors; this guards against a bug taking the process down.
      this.logger.error('id card reader: loop failed', { error: String(err) });
      firstAttempt();
    });
    await attempted;
  }

  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    this.wake?.();
    const session = this.session;
    this.session = null;
    await session?.close().catch(() => undefined);
    await this.loop;
    this.loop = null;
    this.cardPresent = false;
    this.lastReading = null;
    this.setStatus({ state: 'absent', problem: 'id-card-reader-stopped', detail: undefined });
  }

  /**
   * Resolves with the card on the reader, or the next one placed within
   * timeoutMs. Rejects with an IdCardReaderError whose code says why not.
   */
  readOnce(timeoutMs: number): Promise<CardReading> {
    if (!this.running) {
      return Promise.reject(new IdCardReaderError('id-card-reader-stopped', 'driver not started'));
    }
    if (this.cardPresent && this.lastReading) return Promise.resolve(this.lastReading);
    const failuresBefore = this.lastFailure;
    return new Promise((resolve, reject) => {
      const onRead = (reading: CardReading): void => {
        cleanup();
        resolve(reading);
      };
      const onFailed = (error: IdCardReaderError): void => {
        // A card whose data cannot be decoded will not get better by waiting.
        if (error.code === 'id-card-data-invalid') {
          cleanup();
          reject(error);
        }
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(this.explainNoCard(failuresBefore, timeoutMs));
      }, timeoutMs);
      const cleanup = (): void => {
        clearTimeout(timer);
        this.off('cardRead', onRead);
        this.off('readFailed', onFailed);
      };
      this.on('cardRead', onRead);
      this.on('readFailed', onFailed);
    });
  }

  private explainNoCard(failureBefore: IdCardReaderError | null, timeoutMs: number): IdCardReaderError {
    if (this.current.state !== 'ready') {
      const code = (this.current.problem ?? 'id-card-reader-not-found') as IdCardErrorCode;
      return new IdCardReaderError(code, this.current.detail ?? `reader ${this.current.state}`);
    }
    if (this.lastFailure && this.lastFailure !== failureBefore) return this.lastFailure;
    return new IdCardReaderError('id-card-no-card', `no card within ${timeoutMs} ms`);
  }

  private async run(firstAttempt: () => void): Promise<void> {
    while (this.running) {
      if (!this.session) {
        await this.connect();
        firstAttempt();
        if (!this.session) {
          await this.sleep(this.options.reconnectIntervalMs ?? 1000);
          continue;
        }
      }
      await this.poll();
      await this.sleep(this.options.pollIntervalMs ?? 250);
    }
  }

  private sleep(ms: number): Promise<void> {
    if (!this.running) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done(): void {
        clearTimeout(timer);
        resolve();
      }
      this.wake = () => {
        this.wake = null;
        done();
      };
    });
  }

  private async connect(): Promise<void> {
    let path = this.options.path;
    try {
      if (!path) {
        path = await this.discover();
        if (!path) throw new IdCardReaderError('id-card-reader-not-found', 'no port with a reader USB ID answered a SAM probe');
      }
      const session = await this.openSession(path);
      if (!this.running) {
        await session.close();
        return;
      }
      this.session = session;
      this.everConnected = true;
      this.timeouts = 0;
      this.cardPresent = false;
      this.misses = 0;
      this.setStatus({ state: 'ready', address: path, problem: undefined, detail: `${session.baudRate} baud` });
      this.logger.info('id card reader: ready', { path, baudRate: session.baudRate });
    } catch (err) {
      const error = asReaderError(err);
      const unplugged = this.everConnected && (error.code === 'id-card-reader-not-found' || error.code === 'id-card-reader-unplugged');
      this.setStatus({
        state: unplugged ? 'disconnected' : stateFor(error.code),
        ...(path ? { address: path } : {}),
        problem: unplugged ? 'id-card-reader-unplugged' : error.code,
        detail: error.detail,
      });
    }
  }

  /** Opens the port, settles the baud rate and checks the SAM. */
  private async openSession(path: string): Promise<ReaderSession> {
    const configured = this.options.baudRate;
    const link = await this.transport.open(path, configured ?? BAUD_RATES[0]);
    const session = new ReaderSession(link, configured ?? BAUD_RATES[0], this.logger);
    link.onClose((closed) => {
      if (closed.disconnected && this.session === session) this.onUnplugged(closed.detail);
    });
    try {
      if (configured === undefined) {
        await detectBaudRate(session, BAUD_RATES, this.options.baudProbeTimeoutMs);
      }
      await probeSam(session);
      return session;
    } catch (err) {
      await session.close().catch(() => undefined);
      throw err;
    }
  }

  /** Ports carrying a reader USB ID, probed in turn until one answers as a reader. */
  private async discover(): Promise<string | undefined> {
    let ports: PortInfo[];
    try {
      ports = await this.transport.list();
    } catch (err) {
      this.logger.warn('id card reader: cannot list ports', { error: String(err) });
      return undefined;
    }
    const ids = this.options.usbIds ?? DEFAULT_READER_USB_IDS;
    const candidates = ports.filter((p) =>
      ids.some((id) => id.vendorId === p.vendorId && id.productId === p.productId),
    );
    for (const port of candidates) {
      try {
        const session = await this.openSession(port.path);
        await session.close();
        return port.path;
      } catch (err) {
        this.logger.debug('id card reader: candidate did not answer', { path: port.path, error: String(err) });
      }
    }
    return undefined;
  }

  private onUnplugged(detail: string | undefined): void {
    this.logger.warn('id card reader: unplugged', { detail });
    this.session = null;
    this.cardPresent = false;
    this.lastReading = null;
    this.setStatus({ state: 'disconnected', problem: 'id-card-reader-unplugged', detail: detail ?? 'port closed' });
    this.wake?.();
  }

  private async poll(): Promise<void> {
    const session = this.session;
    if (!session) return;
    try {
      const found = await findCard(session);
      this.timeouts = 0;
      if (this.current.state !== 'ready') this.setStatus({ state: 'ready', problem: undefined, detail: `${session.baudRate} baud` });
      if (!found) {
        this.misses++;
        if (this.misses >= ABSENT_AFTER_MISSES) this.cardGone();
        return;
      }
      this.misses = 0;
      if (this.cardPresent) return;
      const reading = await selectAndRead(session, { now: this.now });
      await this.decodePhoto(reading);
      this.cardPresent = true;
      this.lastReading = reading;
      this.reportedFailure = null;
      this.emit('cardRead', reading);
    } catch (err) {
      if (!isIdCardReaderError(err)) {
        // Not a device problem but a bug of ours: keep the reader alive, but say so loudly.
        this.logger.error('id card reader: unexpected error while reading', { error: err instanceof Error ? (err.stack ?? err.message) : String(err) });
      }
      this.onPollError(session, asReaderError(err));
    }
  }

  private cardGone(): void {
    if (this.cardPresent) this.logger.debug('id card reader: card removed');
    this.cardPresent = false;
    this.lastReading = null;
    this.reportedFailure = null;
  }

  private onPollError(session: ReaderSession, error: IdCardReaderError): void {
    if (error.code === 'id-card-reader-unplugged' || error.code === 'id-card-reader-stopped') {
      if (this.session === session && error.code === 'id-card-reader-unplugged') this.onUnplugged(error.detail);
      return;
    }
    if (error.code === 'id-card-reader-no-response') {
      this.timeouts++;
      if (this.timeouts >= RECONNECT_AFTER_TIMEOUTS) {
        this.logger.warn('id card reader: stopped answering; reconnecting', { detail: error.detail });
        this.setStatus({ state: 'error', problem: 'id-card-reader-no-response', detail: error.detail });
        this.session = null;
        void session.close().catch(() => undefined);
      }
      return;
    }
    this.timeouts = 0;
    this.lastFailure = error;
    if (error.code === 'id-card-sam-self-test-failed' || error.code === 'id-card-sam-unauthorized') {
      this.setStatus({ state: 'error', problem: error.code, detail: error.detail });
      return;
    }
    if (error.code === 'id-card-data-invalid') {
      // Reading again gives the same bytes: count the card as read (and failed) until it is removed.
      this.cardPresent = true;
      this.lastReading = null;
    }
    if (this.reportedFailure !== error.code) {
      this.reportedFailure = error.code;
      this.logger.warn('id card reader: read failed', { code: error.code, detail: error.detail });
      this.emit('readFailed', error);
    }
  }

  private async decodePhoto(reading: CardReading): Promise<void> {
    const decoder = this.options.photoDecoder;
    if (!decoder) return;
    try {
      reading.decodedPhoto = await decoder.decode(new Uint8Array(Buffer.from(reading.card.photo, 'base64')));
    } catch (err) {
      this.logger.warn('id card reader: photo decoder failed', { error: String(err) });
    }
  }

  /** Calls each listener on its own, so one listener's bug neither stops the reader nor starves the others. */
  private emit<E extends keyof Events>(event: E, ...args: Events[E]): void {
    for (const listener of this.emitter.rawListeners(event) as Array<(...a: Events[E]) => void>) {
      try {
        listener(...args);
      } catch (err) {
        this.logger.error('id card reader: listener threw', { event, error: String(err) });
      }
    }
  }

  private setStatus(change: Partial<DeviceStatus>): void {
    const next: DeviceStatus = { ...this.current, ...change };
    for (const key of ['problem', 'detail', 'address'] as const) if (next[key] === undefined) delete next[key];
    const same =
      next.state === this.current.state &&
      next.problem === this.current.problem &&
      next.address === this.current.address &&
      next.detail === this.current.detail;
    this.current = next;
    if (!same) this.emit('status', { ...next });
  }
}

function asReaderError(err: unknown): IdCardReaderError {
  if (isIdCardReaderError(err)) return err;
  return new IdCardReaderError('id-card-reader-protocol', err instanceof Error ? err.message : String(err));
}

function stateFor(code: IdCardErrorCode): DeviceStatus['state'] {
  if (code === 'id-card-reader-not-found') return 'absent';
  if (code === 'id-card-reader-busy') return 'busy';
  if (code === 'id-card-reader-unplugged') return 'disconnected';
  return 'error';
}
