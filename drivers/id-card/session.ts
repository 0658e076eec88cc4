/**
 * One open link to a reader: sends a command, waits for the reply that fits
 * it, retries after a checksum error or a lost reply. The driver's state
 * machine sits above; the codec (pure) and the transport (serialport) below.
 */
import type { Logger } from '../../domain/logger';
import {
  COMMANDS,
  FrameDecoder,
  PHOTO_LENGTH,
  SW3_CARD_FOUND,
  SW3_OK,
  TEXT_LENGTH,
  encodeCommand,
  parseReply,
  replyFrameLength,
  type CommandName,
  type Reply,
} from './codec';
import { IdCardReaderError } from './errors';
import type { LinkClosed, SerialLink } from './transport';

/** Data length of a successful reply, to tell it from a stale reply to another command. */
const SUCCESS_DATA_LENGTH: Record<CommandName, number | null> = {
  resetSam: null,
  samStatus: 0,
  samId: 16,
  findCard: 4,
  selectCard: 8,
  readBase: 4 + TEXT_LENGTH + PHOTO_LENGTH,
  readAppendedAddress: null,
  readBaseWithFingerprint: null,
};

/** Bytes of the longest successful reply, for timeouts scaled to the baud rate. */
const EXPECTED_REPLY_BYTES: Record<CommandName, number> = {
  resetSam: replyFrameLength(0),
  samStatus: replyFrameLength(0),
  samId: replyFrameLength(16),
  findCard: replyFrameLength(4),
  selectCard: replyFrameLength(8),
  readBase: replyFrameLength(4 + TEXT_LENGTH + PHOTO_LENGTH),
  readAppendedAddress: replyFrameLength(70),
  readBaseWithFingerprint: replyFrameLength(6 + TEXT_LENGTH + PHOTO_LENGTH + 1024),
};

/**
 * Time the reader itself needs before it answers. Reading the chip through
 * the SAM takes most of a second on real readers; the rest is near-instant.
 */
const READER_LATENCY_MS: Record<CommandName, number> = {
  resetSam: 1500,
  samStatus: 300,
  samId: 300,
  findCard: 300,
  selectCard: 300,
  readBase: 1500,
  readAppendedAddress: 1000,
  readBaseWithFingerprint: 2000,
};

export interface ExchangeOptions {
  /** Attempts after the first, on checksum error or no reply. */
  retries?: number;
  /** Overrides the computed timeout of one attempt. */
  timeoutMs?: number;
}

interface Pending {
  name: CommandName;
  resolve: (reply: Reply) => void;
  reject: (error: IdCardReaderError) => void;
  timer: ReturnType<typeof setTimeout>;
}

export interface SessionCounters {
  frames: number;
  badChecksums: number;
  noiseBytes: number;
  timeouts: number;
  staleReplies: number;
}

export class ReaderSession {
  private readonly decoder = new FrameDecoder();
  private pending: Pending | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private closedInfo: LinkClosed | null = null;
  readonly counters: SessionCounters = { frames: 0, badChecksums: 0, noiseBytes: 0, timeouts: 0, staleReplies: 0 };

  constructor(
    readonly link: SerialLink,
    public baudRate: number,
    private readonly logger: Logger,
  ) {
    link.onData((chunk) => this.onData(chunk));
    link.onClose((closed) => {
      this.closedInfo = closed;
      this.failPending(
        new IdCardReaderError(
          closed.disconnected ? 'id-card-reader-unplugged' : 'id-card-reader-stopped',
          `port closed${closed.detail ? `: ${closed.detail}` : ''}`,
        ),
      );
    });
  }

  get closed(): LinkClosed | null {
    return this.closedInfo;
  }

  async setBaudRate(baudRate: number): Promise<void> {
    await this.link.setBaudRate(baudRate);
    this.baudRate = baudRate;
  }

  /** Sends a command and resolves with the reply, whatever its SW3; rejects on link trouble. */
  exchange(name: CommandName, options: ExchangeOptions = {}): Promise<Reply> {
    const run = (): Promise<Reply> => this.exchangeWithRetries(name, options);
    const result = this.queue.then(run, run);
    this.queue = result.catch(() => undefined);
    return result;
  }

  private async exchangeWithRetries(name: CommandName, options: ExchangeOptions): Promise<Reply> {
    const attempts = 1 + (options.retries ?? 2);
    let lastError: IdCardReaderError | null = null;
    for (let attempt = 0; attempt < attempts; attempt++) {
      try {
        return await this.once(name, options.timeoutMs);
      } catch (err) {
        const error = err as IdCardReaderError;
        if (error.code !== 'id-card-reader-checksum' && error.code !== 'id-card-reader-no-response') throw error;
        lastError = error;
        this.logger.debug('id card reader: retrying', { command: name, attempt: attempt + 1, code: error.code });
      }
    }
    throw lastError as IdCardReaderError;
  }

  private once(name: CommandName, timeoutMs?: number): Promise<Reply> {
    if (this.closedInfo) {
      return Promise.reject(
        new IdCardReaderError(this.closedInfo.disconnected ? 'id-card-reader-unplugged' : 'id-card-reader-stopped', 'port closed'),
      );
    }
    const wireMs = ((EXPECTED_REPLY_BYTES[name] + 10) * 10 * 1000) / this.baudRate;
    const timeout = timeoutMs ?? Math.ceil(wireMs * 1.5 + READER_LATENCY_MS[name]);
    // Whatever is left over belongs to an earlier exchange.
    this.decoder.reset();
    return new Promise<Reply>((resolve, reject) => {
      const timer = setTimeout(() => {
        if (this.pending?.timer !== timer) return;
        this.pending = null;
        this.counters.timeouts++;
        reject(new IdCardReaderError('id-card-reader-no-response', `no reply to ${name} within ${timeout} ms at ${this.baudRate} baud`));
      }, timeout);
      this.pending = { name, resolve, reject, timer };
      this.link.write(encodeCommand(COMMANDS[name])).catch((err: Error) => {
        this.failPending(new IdCardReaderError('id-card-reader-unplugged', `write failed: ${err.message}`));
      });
    });
  }

  private failPending(error: IdCardReaderError): void {
    const pending = this.pending;
    if (!pending) return;
    this.pending = null;
    clearTimeout(pending.timer);
    pending.reject(error);
  }

  private onData(chunk: Uint8Array): void {
    let events;
    try {
      events = this.decoder.push(chunk);
    } catch (err) {
      // The decoder does not throw on any input (fuzzed); this is a last guard.
      this.logger.error('id card reader: decoder failure', { error: String(err) });
      this.decoder.reset();
      return;
    }
    for (const event of events) {
      if (event.kind === 'noise') {
        this.counters.noiseBytes += event.bytes;
        continue;
      }
      if (event.kind === 'bad-checksum') {
        this.counters.badChecksums++;
        this.failPending(
          new IdCardReaderError(
            'id-card-reader-checksum',
            `reply checksum 0x${event.actual.toString(16)} != 0x${event.expected.toString(16)} (${event.length} bytes)`,
          ),
        );
        continue;
      }
      this.counters.frames++;
      const reply = parseReply(event.body);
      const pending = this.pending;
      if (!pending || !reply) {
        this.counters.staleReplies++;
        continue;
      }
      if (!fits(pending.name, reply)) {
        this.counters.staleReplies++;
        continue;
      }
      this.pending = null;
      clearTimeout(pending.timer);
      pending.resolve(reply);
    }
  }

  async close(): Promise<void> {
    this.failPending(new IdCardReaderError('id-card-reader-stopped', 'session closed'));
    await this.link.close();
  }
}

function fits(name: CommandName, reply: Reply): boolean {
  const expected = SUCCESS_DATA_LENGTH[name];
  const success = reply.sw3 === SW3_OK || reply.sw3 === SW3_CARD_FOUND;
  if (!success) return reply.data.length === 0 || expected === null;
  if (name === 'findCard') return reply.sw3 === SW3_CARD_FOUND && reply.data.length === expected;
  if (reply.sw3 !== SW3_OK) return false;
  if (name === 'readBaseWithFingerprint') return reply.data.length >= 6;
  return expected === null || reply.data.length === expected;
}
