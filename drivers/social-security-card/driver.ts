/**
 * Social security card reader driver: a poll loop over the PC/SC transport.
 * It watches the reader (present, removed, service down), reads each inserted
 * card once and emits `cardRead`, or `readFailed` with the reason (card pulled
 * mid-read, not a social security card, malformed data). Device trouble is
 * reported through `status`, never thrown from the loop.
 */
import { EventEmitter } from 'node:events';
import type { DeviceStatus } from '../../domain/device';
import { silentLogger, type Logger } from '../../domain/logger';
import type { SocialSecurityCardReading } from '../../domain/social-security-card';
import { SocialSecurityCardError, type SscErrorCode } from './errors';
import { readSocialSecurityCard } from './procedure';
import { pcscError, SmartcardTransport, type CardLink, type PcscTransport, type ReaderInfo } from './transport';

export interface SocialSecurityCardReaderOptions {
  id?: string;
  /** Part of the PC/SC reader name to use; absent: the reader holding a card, else the first one. */
  reader?: string;
  pollIntervalMs?: number;
  /** Replaceable for tests; defaults to the smartcard (PC/SC) binding. */
  transport?: PcscTransport;
  logger?: Logger;
  now?: () => number;
}

interface Events {
  cardRead: [reading: SocialSecurityCardReading];
  readFailed: [error: SocialSecurityCardError];
  status: [status: DeviceStatus];
}

/** Faults of the reader or the service rather than of a card: a waiting read ends with them. */
const DEVICE_FAULTS: ReadonlySet<SscErrorCode> = new Set(['ssc-pcsc-unavailable', 'ssc-reader-not-found', 'ssc-reader-removed', 'ssc-reader-busy']);

export class SocialSecurityCardReaderDriver {
  readonly #emitter = new EventEmitter<Events>();
  readonly #options: SocialSecurityCardReaderOptions;
  readonly #transport: PcscTransport;
  readonly #logger: Logger;
  #status: DeviceStatus;
  #running = false;
  #loop: Promise<void> | null = null;
  #wake: (() => void) | null = null;
  #seenReader: string | null = null;
  /** The card now in the reader was read (or failed) already: wait for it to leave. */
  #cardHandled = false;
  #lastReading: SocialSecurityCardReading | null = null;
  /** Why the card now in the reader could not be read: a request made after the read answers with it, not a timeout. */
  #lastFailure: SocialSecurityCardError | null = null;

  constructor(options: SocialSecurityCardReaderOptions = {}) {
    this.#options = options;
    this.#transport = options.transport ?? new SmartcardTransport();
    const id = options.id ?? 'social-security-card-reader';
    this.#logger = (options.logger ?? silentLogger).child({ device: id });
    this.#status = { id, kind: 'social-security-card-reader', state: 'absent', problem: 'ssc-reader-stopped' };
  }

  on<E extends keyof Events>(event: E, listener: (...args: Events[E]) => void): this {
    this.#emitter.on(event, listener as never);
    return this;
  }

  off<E extends keyof Events>(event: E, listener: (...args: Events[E]) => void): this {
    this.#emitter.off(event, listener as never);
    return this;
  }

  status(): DeviceStatus {
    return { ...this.#status };
  }

  /** A card sits in the reader as of the last poll. */
  get cardInReader(): boolean {
    return this.#cardHandled;
  }

  /** Resolves after the first look at the PC/SC service, whatever it found. */
  async start(): Promise<void> {
    if (this.#running) return;
    this.#running = true;
    await this.#poll();
    this.#loop = this.#run();
  }

  async stop(): Promise<void> {
    if (!this.#running) return;
    this.#running = false;
    this.#wake?.();
    await this.#loop;
    this.#loop = null;
    this.#transport.reset();
    this.#lastReading = null;
    this.#lastFailure = null;
    this.#cardHandled = false;
    this.#setStatus({ state: 'absent', problem: 'ssc-reader-stopped', detail: undefined });
  }

  /**
   * Resolves with the card in the reader, or the next one inserted within
   * timeoutMs. Rejects with a SocialSecurityCardError: the card's fault
   * (pulled mid-read, another kind of card, bad data), the reader's or the
   * service's, or `ssc-no-card` after the timeout.
   */
  readOnce(timeoutMs: number): Promise<SocialSecurityCardReading> {
    if (!this.#running) return Promise.reject(new SocialSecurityCardError('ssc-reader-stopped', 'driver not started'));
    if (this.#lastReading) return Promise.resolve(this.#lastReading);
    if (this.#lastFailure) return Promise.reject(this.#lastFailure);
    if (this.#status.state !== 'ready') return Promise.reject(this.#statusError());
    return new Promise((resolve, reject) => {
      const onRead = (reading: SocialSecurityCardReading): void => {
        cleanup();
        resolve(reading);
      };
      const onFailed = (error: SocialSecurityCardError): void => {
        cleanup();
        reject(error);
      };
      const onStatus = (status: DeviceStatus): void => {
        if (status.state !== 'ready') onFailed(this.#statusError());
      };
      const timer = setTimeout(() => onFailed(new SocialSecurityCardError('ssc-no-card', `no card within ${timeoutMs} ms`)), timeoutMs);
      const cleanup = (): void => {
        clearTimeout(timer);
        this.off('cardRead', onRead).off('readFailed', onFailed).off('status', onStatus);
      };
      this.on('cardRead', onRead).on('readFailed', onFailed).on('status', onStatus);
      this.#wake?.();
    });
  }

  #statusError(): SocialSecurityCardError {
    const code = (this.#status.problem ?? 'ssc-reader-not-found') as SscErrorCode;
    return new SocialSecurityCardError(code, this.#status.detail ?? `reader ${this.#status.state}`);
  }

  async #run(): Promise<void> {
    while (this.#running) {
      await this.#sleep(this.#options.pollIntervalMs ?? 300);
      if (this.#running) await this.#poll();
    }
  }

  #sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      const wake = (): void => done();
      this.#wake = wake;
      function done(): void {
        clearTimeout(timer);
        resolve();
      }
    });
  }

  async #poll(): Promise<void> {
    let readers: ReaderInfo[];
    try {
      readers = await this.#transport.listReaders();
    } catch (err) {
      const error = pcscError(err, 'list readers');
      this.#cardGone();
      this.#setStatus({ state: error.code === 'ssc-pcsc-unavailable' ? 'absent' : 'error', problem: error.code, detail: error.detail, address: undefined });
      return;
    }
    const reader = this.#pick(readers);
    if (!reader) {
      this.#cardGone();
      const removed = this.#seenReader !== null;
      this.#setStatus({
        state: removed ? 'disconnected' : 'absent',
        problem: removed ? 'ssc-reader-removed' : 'ssc-reader-not-found',
        detail: removed ? `${this.#seenReader} is no longer attached` : `no PC/SC reader${this.#options.reader ? ` matching "${this.#options.reader}"` : ''}`,
      });
      return;
    }
    this.#seenReader = reader.name;
    this.#setStatus({ state: 'ready', address: reader.name, problem: undefined, detail: undefined });
    if (!reader.cardPresent) {
      this.#cardGone();
      return;
    }
    if (this.#cardHandled) return;
    this.#cardHandled = true;
    await this.#read(reader.name);
  }

  #pick(readers: ReaderInfo[]): ReaderInfo | undefined {
    const wanted = this.#options.reader;
    if (wanted) return readers.find((r) => r.name.includes(wanted));
    return readers.find((r) => r.cardPresent) ?? readers.find((r) => r.name === this.#seenReader) ?? readers[0];
  }

  async #read(readerName: string): Promise<void> {
    let link: CardLink | undefined;
    try {
      link = await this.#transport.connect(readerName);
      const reading = await readSocialSecurityCard(link, this.#options.now);
      this.#lastReading = reading;
      this.#lastFailure = null;
      this.#logger.info('social security card read', { reader: readerName });
      this.#emit('cardRead', reading);
    } catch (err) {
      const error = err instanceof SocialSecurityCardError ? err : pcscError(err, 'read');
      if (!(err instanceof SocialSecurityCardError) && !(err instanceof Error)) this.#logger.error('social security card: unexpected failure', { error: String(err) });
      this.#lastReading = null;
      this.#logger.warn('social security card: read failed', { code: error.code, detail: error.detail });
      // A device fault is tried again at the next poll; the card's own fault stands until it leaves the reader.
      if (DEVICE_FAULTS.has(error.code)) this.#cardHandled = false;
      else this.#lastFailure = error;
      this.#emit('readFailed', error);
    } finally {
      link?.disconnect();
    }
  }

  #cardGone(): void {
    this.#cardHandled = false;
    this.#lastReading = null;
    this.#lastFailure = null;
  }

  #setStatus(change: Partial<DeviceStatus>): void {
    const next = { ...this.#status, ...change };
    for (const key of Object.keys(next) as (keyof DeviceStatus)[]) if (next[key] === undefined) delete next[key];
    const changed = next.state !== this.#status.state || next.problem !== this.#status.problem || next.address !== this.#status.address;
    this.#status = next;
    if (changed) this.#emit('status', { ...next });
  }

  /** Each listener on its own, so one listener's bug neither stops the loop nor starves the others. */
  #emit<E extends keyof Events>(event: E, ...args: Events[E]): void {
    for (const listener of this.#emitter.listeners(event) as Array<(...a: Events[E]) => void>) {
      try {
        listener(...args);
      } catch (err) {
        this.#logger.error('social security card: listener failed', { event, error: String(err) });
      }
    }
  }
}
