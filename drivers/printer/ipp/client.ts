/**
 * Transport: IPP over HTTP (RFC 8010 §4), a thin adapter over node:http(s).
 * Turns every network or protocol failure into a typed PrinterError.
 */
import http from 'node:http';
import https from 'node:https';
import { PrinterError } from '../errors';
import { IppCodecError, decodeIppMessage, encodeIppMessage, type IppMessage } from './codec';

export interface IppClientOptions {
  /** Whole-request budget; a printer that says nothing for this long counts as offline. */
  timeoutMs?: number;
  /** Printers on the counter LAN usually present self-signed certificates. */
  rejectUnauthorized?: boolean;
  /** Talk to a local server (CUPS) through a Unix socket instead of TCP. */
  socketPath?: string;
}

const OFFLINE_CODES = new Set(['ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH', 'ETIMEDOUT', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE', 'ENOENT']);
const MAX_RESPONSE_BYTES = 8 * 1024 * 1024;

/** ipp://host[:port]/path → the HTTP URL that carries it (port 631 by default, RFC 7472). */
export function httpUrlForPrinter(printerUri: string): URL {
  let url: URL;
  try {
    url = new URL(printerUri);
  } catch {
    throw new PrinterError('printer-unknown', `not a printer URI: ${printerUri}`, { uri: printerUri });
  }
  const scheme = url.protocol;
  if (scheme !== 'ipp:' && scheme !== 'ipps:' && scheme !== 'http:' && scheme !== 'https:') {
    throw new PrinterError('printer-unknown', `unsupported printer URI scheme ${scheme}`, { uri: printerUri });
  }
  const secure = scheme === 'ipps:' || scheme === 'https:';
  const port = url.port || (scheme === 'ipp:' || scheme === 'ipps:' ? '631' : secure ? '443' : '80');
  return new URL(`${secure ? 'https' : 'http'}://${url.hostname.includes(':') ? `[${url.hostname}]` : url.hostname}:${port}${url.pathname}${url.search}`);
}

export class IppClient {
  private nextRequestId = 1;
  private readonly timeoutMs: number;

  constructor(private readonly options: IppClientOptions = {}) {
    this.timeoutMs = options.timeoutMs ?? 15_000;
  }

  /** Sends one request; `build` gets the request-id to use. */
  async send(printerUri: string, build: (requestId: number) => IppMessage): Promise<IppMessage> {
    const requestId = this.nextRequestId;
    this.nextRequestId = this.nextRequestId >= 0x7fffffff ? 1 : this.nextRequestId + 1;
    const url = httpUrlForPrinter(printerUri);
    const body = encodeIppMessage(build(requestId));
    const raw = await this.post(url, body, printerUri);
    let response: IppMessage;
    try {
      response = decodeIppMessage(raw);
    } catch (error) {
      if (error instanceof IppCodecError) throw new PrinterError('printer-protocol-error', `undecodable IPP response: ${error.message}`, { uri: printerUri });
      throw error;
    }
    if (response.requestId !== requestId) {
      throw new PrinterError('printer-protocol-error', `response request-id ${response.requestId} does not match ${requestId}`, { uri: printerUri });
    }
    return response;
  }

  private post(url: URL, body: Uint8Array, printerUri: string): Promise<Uint8Array> {
    const secure = url.protocol === 'https:';
    const request = secure ? https.request : http.request;
    return new Promise((resolve, reject) => {
      let settled = false;
      const fail = (error: PrinterError): void => {
        if (settled) return;
        settled = true;
        reject(error);
      };
      const req = request(
        url,
        {
          method: 'POST',
          headers: { 'Content-Type': 'application/ipp', 'Content-Length': body.length, Accept: 'application/ipp' },
          ...(this.options.socketPath ? { socketPath: this.options.socketPath } : {}),
          ...(secure ? { rejectUnauthorized: this.options.rejectUnauthorized ?? true } : {}),
        },
        (res) => {
          const status = res.statusCode ?? 0;
          if (status !== 200) {
            res.resume();
            if (status === 401) return fail(new PrinterError('printer-authentication-required', `HTTP 401 from ${url.host}`, { uri: printerUri }));
            if (status === 404) return fail(new PrinterError('printer-unknown', `HTTP 404: no printer at ${url.pathname} on ${url.host}`, { uri: printerUri }));
            return fail(new PrinterError('printer-protocol-error', `HTTP ${status} from ${url.host}`, { uri: printerUri, httpStatus: status }));
          }
          const chunks: Buffer[] = [];
          let size = 0;
          res.on('data', (chunk: Buffer) => {
            size += chunk.length;
            if (size > MAX_RESPONSE_BYTES) {
              req.destroy();
              fail(new PrinterError('printer-protocol-error', `IPP response larger than ${MAX_RESPONSE_BYTES} bytes`, { uri: printerUri }));
              return;
            }
            chunks.push(chunk);
          });
          res.on('end', () => {
            if (settled) return;
            settled = true;
            resolve(new Uint8Array(Buffer.concat(chunks)));
          });
          res.on('error', (error) => fail(networkError(error, printerUri)));
        },
      );
      req.setTimeout(this.timeoutMs, () => {
        req.destroy();
        fail(new PrinterError('printer-offline', `no answer from ${url.host} within ${this.timeoutMs} ms`, { uri: printerUri }));
      });
      req.on('error', (error) => fail(networkError(error, printerUri)));
      req.end(body);
    });
  }
}

function networkError(error: Error & { code?: string }, printerUri: string): PrinterError {
  const code = error.code ?? '';
  if (OFFLINE_CODES.has(code)) return new PrinterError('printer-offline', `${code}: ${error.message}`, { uri: printerUri });
  return new PrinterError('printer-protocol-error', error.message, { uri: printerUri });
}
