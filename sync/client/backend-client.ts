/**
 * The only code that talks HTTP to the central backend. It signs every
 * request, tracks the server's clock (so a terminal whose clock is a day off
 * still signs acceptable timestamps), maps failures to SyncError codes and
 * feeds the circuit breaker. It never retries by itself: retries belong to
 * the outbox loop, which knows the order and the backoff (FIELD-NOTES: Data).
 */
import axios, { type AxiosInstance, type AxiosResponse } from 'axios';
import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import type { Logger } from '../../domain/logger';
import type { Sm2KeyPair } from '../../crypto';
import { SyncError } from '../errors';
import { parseRetryAfter } from '../outbox/backoff';
import type { CircuitBreaker } from './circuit-breaker';
import { signRequest } from './signing';

export interface TerminalIdentity {
  terminalId: string;
  keys: Sm2KeyPair;
}

export interface BackendResponse<T = unknown> {
  status: number;
  headers: Record<string, string>;
  data: T;
}

export interface RequestOptions {
  body?: unknown;
  /** Raw bytes (tus PATCH); sent as is and hashed as is. */
  raw?: Uint8Array;
  headers?: Record<string, string>;
  /** Statuses the caller handles itself; any other 4xx throws request-rejected. */
  accept?: number[];
  /** Registration signs with a key the backend does not know yet. */
  identity?: TerminalIdentity;
  timeoutMs?: number;
  /** The answer's body as raw bytes (a Buffer), not decoded: update payloads. */
  binary?: boolean;
}

export interface BackendClientOptions {
  baseUrl: string;
  /** The terminal's wall clock (may be wrong); corrected by the server's time. */
  clock: () => number;
  breaker: CircuitBreaker;
  logger: Logger;
  timeoutMs?: number;
}

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'ERR_SOCKET_CLOSED']);

export class BackendClient {
  readonly #http: AxiosInstance;
  readonly #options: BackendClientOptions;
  readonly #basePath: string;
  readonly #origin: string;
  #identity: TerminalIdentity | undefined;
  /** server time − terminal time, learned from X-Server-Time. */
  #clockOffsetMs = 0;
  /** Last server time learned, and the monotonic clock at that moment: immune to later jumps of the terminal's clock. */
  #serverAnchor: { serverMs: number; monotonicMs: number } | undefined;
  #epoch: string | undefined;
  #onEpoch: ((epoch: string, previous: string | undefined) => void) | undefined;
  /** Aborted by close(), so stopping the service never waits on a slow backend. */
  readonly #closing = new AbortController();

  constructor(options: BackendClientOptions) {
    this.#options = options;
    const url = new URL(options.baseUrl);
    this.#basePath = url.pathname.replace(/\/$/, '');
    this.#origin = url.origin;
    this.#http = axios.create({
      baseURL: url.origin,
      timeout: options.timeoutMs ?? 15_000,
      validateStatus: () => true,
      responseType: 'arraybuffer',
      transformResponse: [(data: unknown) => data],
      maxRedirects: 0,
      httpAgent: new HttpAgent({ keepAlive: true, maxSockets: 8 }),
      httpsAgent: new HttpsAgent({ keepAlive: true, maxSockets: 8 }),
      maxBodyLength: 64 * 1024 * 1024,
      maxContentLength: 64 * 1024 * 1024,
    });
  }

  setIdentity(identity: TerminalIdentity): void {
    this.#identity = identity;
  }

  get identity(): TerminalIdentity | undefined {
    return this.#identity;
  }

  get clockOffsetMs(): number {
    return this.#clockOffsetMs;
  }

  /** Server time as best we know it: anchored to the last answer, advanced by the monotonic clock. */
  serverNow(): number {
    if (this.#serverAnchor) return this.#serverAnchor.serverMs + (performance.now() - this.#serverAnchor.monotonicMs);
    return this.#options.clock() + this.#clockOffsetMs;
  }

  /** True once a backend answer told us its time in this run. */
  get hasServerTime(): boolean {
    return this.#serverAnchor !== undefined;
  }

  /** Called when the backend reports a new epoch (first contact, or a restore from backup). */
  onEpoch(listener: (epoch: string, previous: string | undefined) => void): void {
    this.#onEpoch = listener;
  }

  get epoch(): string | undefined {
    return this.#epoch;
  }

  /**
   * Resolves a `Location` the backend sent (absolute URL, absolute path or relative path, RFC 3986 §5.2)
   * against the URL of the request that got it. The result is an absolute URL on the backend's origin;
   * any other origin is refused, so material bytes and signatures never go elsewhere.
   */
  resolve(location: string, requestPath: string): string {
    let url: URL;
    try {
      url = new URL(location, this.#origin + this.#basePath + requestPath);
    } catch (error) {
      throw new SyncError('backend-bad-response', `unusable Location ${JSON.stringify(location.slice(0, 200))}`, { cause: error });
    }
    if (url.origin !== this.#origin) throw new SyncError('backend-bad-response', `Location on another origin: ${url.origin}`);
    url.hash = '';
    return url.href;
  }

  /** The path (and query) as it goes on the wire: a backend path gets the deployment prefix, an absolute URL (a resolved Location) is used as is. */
  #wirePath(path: string): string {
    if (!/^https?:\/\//i.test(path)) return this.#basePath + path;
    const url = new URL(path);
    if (url.origin !== this.#origin) throw new SyncError('backend-bad-response', `refusing a request to another origin: ${url.origin}`);
    return url.pathname + url.search;
  }

  async request<T = unknown>(method: string, path: string, options: RequestOptions = {}): Promise<BackendResponse<T>> {
    const response = await this.#send(method, path, options);
    if (response.status === 401 && (response.data as { code?: string } | undefined)?.code === 'clock-skew') {
      // The offset was just updated from this response's X-Server-Time: one immediate re-sign is enough.
      return this.#check(await this.#send(method, path, options), options) as BackendResponse<T>;
    }
    return this.#check(response, options) as BackendResponse<T>;
  }

  async #send(method: string, path: string, options: RequestOptions): Promise<BackendResponse> {
    const breaker = this.#options.breaker;
    const fullPath = this.#wirePath(path);
    if (!breaker.tryAcquire()) {
      throw new SyncError('backend-circuit-open', `circuit open for ${Math.round(breaker.remainingOpenMs())} ms`);
    }
    const body = options.raw ?? (options.body === undefined ? new Uint8Array(0) : Buffer.from(JSON.stringify(options.body)));
    const headers: Record<string, string> = { ...options.headers };
    if (options.body !== undefined && options.raw === undefined) headers['content-type'] = 'application/json';
    const identity = options.identity ?? this.#identity;
    if (identity) Object.assign(headers, signRequest(method, fullPath, body, Math.round(this.serverNow()), identity.terminalId, identity.keys));
    const sentAt = this.#options.clock();
    let response: AxiosResponse<ArrayBuffer>;
    try {
      response = await this.#http.request({
        method,
        url: fullPath,
        data: body.length > 0 ? body : undefined,
        headers,
        signal: this.#closing.signal,
        ...(options.timeoutMs ? { timeout: options.timeoutMs } : {}),
      });
    } catch (error) {
      if (!this.#closing.signal.aborted) breaker.failure();
      throw mapTransportError(error, method, path);
    }
    const receivedAt = this.#options.clock();
    const flatHeaders: Record<string, string> = {};
    for (const [key, value] of Object.entries(response.headers)) {
      if (value !== undefined && value !== null) flatHeaders[key.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
    }
    this.#learnClock(flatHeaders, sentAt, receivedAt);
    this.#learnEpoch(flatHeaders);
    const data = options.binary ? Buffer.from(response.data ?? new ArrayBuffer(0)) : decodeBody(response.data, flatHeaders['content-type']);
    if (response.status >= 500 || response.status === 429) breaker.failure();
    else breaker.success();
    return { status: response.status, headers: flatHeaders, data };
  }

  #check(response: BackendResponse, options: RequestOptions): BackendResponse {
    const { status, headers } = response;
    const code = (response.data as { code?: unknown } | undefined)?.code;
    const message = (response.data as { message?: unknown } | undefined)?.message;
    if (status >= 200 && status < 400) return response;
    if (options.accept?.includes(status)) return response;
    const serverDate = headers['x-server-time'] ? Number(headers['x-server-time']) : Date.parse(headers.date ?? '');
    const retryAfterMs = parseRetryAfter(headers['retry-after'], Number.isFinite(serverDate) ? serverDate : undefined);
    if (status === 429) throw new SyncError('backend-rate-limited', `rate limited (${String(code ?? '')})`, retryAfterMs === undefined ? {} : { retryAfterMs });
    if (status >= 500) {
      throw new SyncError('backend-server-error', `HTTP ${status} ${String(code ?? '')}`, { params: { status }, ...(retryAfterMs === undefined ? {} : { retryAfterMs }) });
    }
    if (status === 401 && code === 'terminal-unknown') throw new SyncError('backend-terminal-unknown', 'backend does not know this terminal');
    if (status === 401 && code === 'clock-skew') throw new SyncError('backend-clock-skew', 'clock skew persisted after re-sign');
    if (status === 401) throw new SyncError('backend-signature-refused', `signature refused: ${String(code ?? '')}`);
    throw new SyncError('request-rejected', `HTTP ${status} ${String(code ?? '')}: ${String(message ?? '')}`, {
      params: { status, reason: typeof code === 'string' ? code : 'unknown' },
    });
  }

  #learnClock(headers: Record<string, string>, sentAt: number, receivedAt: number): void {
    const serverTime = Number(headers['x-server-time']);
    if (!Number.isFinite(serverTime) || serverTime <= 0) return;
    this.#clockOffsetMs = Math.round(serverTime - (sentAt + receivedAt) / 2);
    // Half the round trip approximates the server's time at arrival.
    this.#serverAnchor = { serverMs: serverTime + (receivedAt - sentAt) / 2, monotonicMs: performance.now() };
  }

  #learnEpoch(headers: Record<string, string>): void {
    const epoch = headers['x-backend-epoch'];
    if (!epoch || epoch === this.#epoch) return;
    const previous = this.#epoch;
    this.#epoch = epoch;
    this.#onEpoch?.(epoch, previous);
  }

  close(): void {
    this.#closing.abort();
    (this.#http.defaults.httpAgent as HttpAgent).destroy();
    (this.#http.defaults.httpsAgent as HttpsAgent).destroy();
  }
}

function decodeBody(data: ArrayBuffer | undefined, contentType: string | undefined): unknown {
  if (!data || data.byteLength === 0) return undefined;
  const text = Buffer.from(data).toString('utf8');
  if (contentType?.includes('json')) {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return undefined;
    }
  }
  return text;
}

function mapTransportError(error: unknown, method: string, path: string): SyncError {
  const code = (error as { code?: string }).code ?? '';
  const detail = `${method} ${path}: ${code || (error as Error).message}`;
  if (code === 'ECONNABORTED' || code === 'ETIMEDOUT' || code === 'ERR_CANCELED') return new SyncError('backend-timeout', detail, { cause: error });
  if (NETWORK_CODES.has(code) || /socket hang up|ECONNRESET/i.test((error as Error).message ?? '')) {
    return new SyncError('backend-unreachable', detail, { cause: error });
  }
  return new SyncError('backend-unreachable', detail, { cause: error });
}
