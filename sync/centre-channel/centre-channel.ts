/**
 * The terminal's end of the centre channel: one WebSocket to the centre,
 * opened with the terminal's SM2 signature over the handshake (the same
 * scheme as every backend request), kept open by reconnecting with full-jitter
 * backoff. The centre pushes commands; the terminal answers each once, and
 * reports events that survive a crash until the centre acknowledges them.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import type { IncomingMessage } from 'node:http';
import WebSocket from 'ws';
import type { Logger } from '../../domain/logger';
import { canonicalRequest, SIGNATURE_HEADERS } from '../client/signing';
import { fullJitterDelay } from '../outbox/backoff';
import { ChannelStore, type CommandOutcome } from './channel-store';
import { CENTRE_CHANNEL_PATH, MAX_FRAME_BYTES, parseFrame, toTerminalFrameSchema, type CommandFrame, type RequestFrame, type ToCentreFrame } from './protocol';
import { CodedError } from '../../domain/coded-error';

/** SM3 of the empty body (the handshake has none); a constant, so no hash runs here. */
const EMPTY_BODY_SM3 = '1ab21d8355cfa17f8e61194831e81a8f22bec8c728fefb747ed035eb5082aa2b';
/** The centre pings every 15 s; a connection silent for this long is dead even if TCP has not noticed. */
const SILENCE_LIMIT_MS = 45_000;

export type ChannelState = 'connecting' | 'connected' | 'disconnected' | 'refused' | 'stopped';

export interface ChannelStatus {
  state: ChannelState;
  /** The last refusal or failure, by code (e.g. `signature-invalid`, `backend-unreachable`). */
  problem?: string;
}

export interface ChannelSigner {
  terminalId: string;
  sign(message: Uint8Array): string;
}

export type CommandHandler = (payload: unknown, command: { id: string; name: string }) => unknown;

export interface CentreChannelOptions {
  /** The backend's base URL (http or https); the channel uses ws or wss on the same origin. */
  backendUrl: string;
  signer: ChannelSigner;
  /** The channel's own SQLite file. */
  storePath: string;
  logger: Logger;
  backoff?: { baseMs: number; capMs: number };
}

interface ChannelEvents {
  status: [ChannelStatus];
  /** A command was carried out now (not answered from the record). */
  commandDone: [{ id: string; name: string; outcome: CommandOutcome }];
}

export class CentreChannel extends EventEmitter<ChannelEvents> {
  readonly #options: CentreChannelOptions;
  readonly #store: ChannelStore;
  readonly #handlers = new Map<string, CommandHandler>();
  readonly #inFlight = new Set<string>();
  readonly #requests = new Map<string, { frame: RequestFrame; resolve(result: unknown): void; reject(error: Error): void; timer: NodeJS.Timeout }>();
  #socket: WebSocket | undefined;
  #status: ChannelStatus = { state: 'stopped' };
  #attempt = 0;
  #clockOffsetMs = 0;
  #timer: NodeJS.Timeout | undefined;
  #silence: NodeJS.Timeout | undefined;
  #running = false;

  constructor(options: CentreChannelOptions) {
    super();
    this.#options = options;
    this.#store = new ChannelStore(options.storePath);
  }

  /** One handler per command name; a command without one is answered `command-unknown`. */
  handle(name: string, handler: CommandHandler): this {
    this.#handlers.set(name, handler);
    return this;
  }

  start(): void {
    if (this.#running) return;
    this.#running = true;
    this.#store.prune(Date.now());
    this.#connect();
  }

  async stop(): Promise<void> {
    this.#running = false;
    clearTimeout(this.#timer);
    clearTimeout(this.#silence);
    for (const pending of this.#requests.values()) {
      clearTimeout(pending.timer);
      pending.reject(new CodedError('centre-unreachable', 'the channel stopped'));
    }
    this.#requests.clear();
    const socket = this.#socket;
    this.#socket = undefined;
    if (socket && socket.readyState !== WebSocket.CLOSED) {
      await new Promise<void>((resolve) => {
        socket.once('close', () => resolve());
        socket.terminate();
      });
    }
    this.#store.close();
    this.#setStatus({ state: 'stopped' });
  }

  status(): ChannelStatus {
    return this.#status;
  }

  /** Drops the connection now (tests, and the OS saying the network changed); it reconnects by itself. */
  reconnectNow(): void {
    this.#attempt = 0;
    this.#socket?.terminate();
  }

  /**
   * Reports an event to the centre. It is stored first and sent whenever the channel is up, in order, until the
   * centre acknowledges it; the same id is stored once.
   */
  publish(name: string, payload: unknown, id: string = randomUUID()): string {
    this.#store.enqueueEvent({ id, name, payload }, Date.now());
    this.#send({ type: 'event', id, name, payload });
    return id;
  }

  /**
   * Asks the centre and resolves with its answer. Sent again under the same id after a reconnect, so an action
   * (take a ticket) happens once; rejects with `centre-unreachable` when no answer comes in time, or with the
   * centre's own code.
   */
  request<T = unknown>(name: string, payload: unknown, options: { id?: string; timeoutMs?: number } = {}): Promise<T> {
    const id = options.id ?? randomUUID();
    const existing = this.#requests.get(id);
    if (existing) return new Promise<T>((resolve, reject) => {
      const { resolve: first, reject: firstReject } = existing;
      existing.resolve = (result) => { first(result); resolve(result as T); };
      existing.reject = (error) => { firstReject(error); reject(error); };
    });
    return new Promise<T>((resolve, reject) => {
      const frame: RequestFrame = { type: 'request', id, name, payload };
      const timer = setTimeout(() => {
        this.#requests.delete(id);
        reject(new CodedError('centre-unreachable', `no answer from the centre to ${name}`));
      }, options.timeoutMs ?? 10_000);
      this.#requests.set(id, { frame, resolve: (result) => resolve(result as T), reject, timer });
      this.#send(frame);
    });
  }

  pendingEvents(): number {
    return this.#store.pendingEvents().length;
  }

  /** How many commands of a name this terminal has carried out (each at most once). */
  commandsDone(name?: string): number {
    return this.#store.doneCount(name);
  }

  #connect(): void {
    if (!this.#running) return;
    this.#setStatus({ ...this.#status, state: 'connecting' });
    // The backend may sit under a path prefix; the signature covers the path as the server sees it.
    const base = new URL(this.#options.backendUrl);
    const path = base.pathname.replace(/\/$/, '') + CENTRE_CHANNEL_PATH;
    const url = new URL(path, base);
    url.protocol = base.protocol === 'https:' ? 'wss:' : 'ws:';
    const socket = new WebSocket(url, { headers: this.#handshakeHeaders(path), maxPayload: MAX_FRAME_BYTES, handshakeTimeout: 10_000 });
    this.#socket = socket;
    let refusal: string | undefined;
    socket.on('unexpected-response', (_request, response: IncomingMessage) => {
      refusal = this.#readRefusal(response);
      socket.terminate();
    });
    socket.on('message', (data, isBinary) => {
      this.#heard(socket);
      if (isBinary) return this.#send({ type: 'refused', code: 'frame-not-text' }, socket);
      this.#onFrame(data.toString());
    });
    socket.on('ping', () => this.#heard(socket));
    socket.on('open', () => this.#heard(socket));
    socket.on('error', (error) => {
      refusal ??= (error as NodeJS.ErrnoException).code === 'ECONNREFUSED' ? 'backend-unreachable' : 'channel-failed';
    });
    socket.on('close', () => {
      clearTimeout(this.#silence);
      if (this.#socket !== socket) return;
      this.#socket = undefined;
      if (!this.#running) return;
      const skewRetry = refusal === 'clock-skew' && this.#attempt === 0;
      this.#setStatus({ state: refusal && refusal !== 'backend-unreachable' && refusal !== 'channel-failed' ? 'refused' : 'disconnected', ...(refusal ? { problem: refusal } : {}) });
      const delay = skewRetry ? 0 : fullJitterDelay(this.#attempt, this.#options.backoff ?? { baseMs: 500, capMs: 30_000 });
      this.#attempt += 1;
      this.#timer = setTimeout(() => this.#connect(), delay);
    });
  }

  #handshakeHeaders(path: string): Record<string, string> {
    const { terminalId, sign } = this.#options.signer;
    const time = Math.round(Date.now() + this.#clockOffsetMs);
    const nonce = randomBytes(16).toString('hex');
    const text = canonicalRequest('GET', path, EMPTY_BODY_SM3, time, nonce, terminalId);
    return {
      [SIGNATURE_HEADERS.terminal]: terminalId,
      [SIGNATURE_HEADERS.time]: String(time),
      [SIGNATURE_HEADERS.nonce]: nonce,
      [SIGNATURE_HEADERS.bodyHash]: EMPTY_BODY_SM3,
      [SIGNATURE_HEADERS.signature]: sign(new TextEncoder().encode(text)),
    };
  }

  /** A refused handshake names its reason; the server's clock on it corrects ours for the next try. */
  #readRefusal(response: IncomingMessage): string {
    const serverTime = Number(response.headers['x-server-time']);
    if (Number.isFinite(serverTime) && serverTime > 0) this.#clockOffsetMs = serverTime - Date.now();
    const header = response.headers['x-refusal-code'];
    return typeof header === 'string' && header ? header : `http-${response.statusCode ?? 0}`;
  }

  #heard(socket: WebSocket): void {
    clearTimeout(this.#silence);
    this.#silence = setTimeout(() => socket.terminate(), SILENCE_LIMIT_MS);
    this.#silence.unref();
  }

  #onFrame(text: string): void {
    const frame = parseFrame(toTerminalFrameSchema, text);
    if (!frame) {
      this.#options.logger.warn('centre channel: malformed frame refused', { bytes: text.length });
      this.#send({ type: 'refused', code: 'frame-invalid' });
      return;
    }
    switch (frame.type) {
      case 'welcome':
        this.#attempt = 0;
        this.#clockOffsetMs = frame.serverTime - Date.now();
        this.#setStatus({ state: 'connected' });
        for (const event of this.#store.pendingEvents()) this.#send({ type: 'event', id: event.id, name: event.name, payload: event.payload });
        for (const pending of this.#requests.values()) this.#send(pending.frame);
        return;
      case 'response': {
        const pending = this.#requests.get(frame.id);
        if (!pending) return;
        this.#requests.delete(frame.id);
        clearTimeout(pending.timer);
        if (frame.error) pending.reject(new CodedError(frame.error.code, frame.error.message));
        else pending.resolve(frame.result ?? null);
        return;
      }
      case 'event-ack':
        this.#store.markEventAcked(frame.id, Date.now());
        return;
      case 'command':
        void this.#onCommand(frame);
        return;
      case 'refused':
        this.#options.logger.warn('centre channel: the centre refused a frame', { code: frame.code, id: frame.id });
        return;
    }
  }

  /** Answered from the record when already done; ignored while the same command is still running; otherwise run once. */
  async #onCommand(command: CommandFrame): Promise<void> {
    const recorded = this.#store.outcomeOf(command.id);
    if (recorded) {
      this.#ack(command.id, recorded);
      return;
    }
    if (this.#inFlight.has(command.id)) return;
    this.#inFlight.add(command.id);
    let outcome: CommandOutcome;
    try {
      const handler = this.#handlers.get(command.name);
      outcome = handler
        ? { result: (await handler(command.payload, { id: command.id, name: command.name })) ?? null }
        : { error: { code: 'command-unknown', message: `no handler for ${command.name}` } };
    } catch (error) {
      const coded = error as { code?: unknown; message?: unknown };
      outcome = { error: { code: typeof coded.code === 'string' ? coded.code : 'command-failed', message: String(coded.message ?? error).slice(0, 500) } };
    }
    try {
      if (this.#running) outcome = this.#store.recordOutcome(command.id, command.name, outcome, Date.now());
    } finally {
      this.#inFlight.delete(command.id);
    }
    if (!this.#running) return;
    this.emit('commandDone', { id: command.id, name: command.name, outcome });
    this.#ack(command.id, outcome);
  }

  #ack(id: string, outcome: CommandOutcome): void {
    this.#send({ type: 'command-ack', id, ...(outcome.error ? { error: outcome.error } : { result: outcome.result }) });
  }

  /** Sends on the open socket; a frame that cannot go now is re-sent by whoever owns it (the centre re-sends commands, the store keeps events). */
  #send(frame: ToCentreFrame, socket: WebSocket | undefined = this.#socket): void {
    if (!socket || socket.readyState !== WebSocket.OPEN || ((frame.type === 'event' || frame.type === 'request') && this.#status.state !== 'connected')) return;
    socket.send(JSON.stringify(frame));
  }

  #setStatus(status: ChannelStatus): void {
    const changed = status.state !== this.#status.state || status.problem !== this.#status.problem;
    this.#status = status;
    if (changed) this.emit('status', status);
  }
}
