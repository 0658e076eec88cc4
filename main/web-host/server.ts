/**
 * The web host: serves the built renderer to a real browser and carries the
 * contract over a WebSocket. Loopback only, and every socket must present the
 * token minted for this start, so no other local program or page can drive
 * the terminal.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Logger } from '../../domain/logger';
import { WEB_RPC_PATH, WEB_RPC_PROTOCOL, WEB_TOKEN_PROTOCOL_PREFIX, type Dispatch, type EventSource, type RequestMessage, type ResponseMessage } from '../../contract/wire';
import { contentSecurityPolicy } from '../shared/csp';
import { readRendererFile, type RendererFileReader } from '../shared/static-files';

export const WEB_BRIDGE_SCRIPT = 'assets/web-bridge.js';
const MAX_MESSAGE_BYTES = 1024 * 1024;

export interface WebHostOptions {
  rendererDir: string;
  /** Reads renderer files instead of rendererDir (the slot host's, which serves the active slot's files verified). */
  readFile?: RendererFileReader;
  dispatch: Dispatch;
  events: EventSource;
  logger: Logger;
  port?: number;
  host?: string;
  token?: string;
  /** The configured city evaluation origin: the one origin the renderer may frame. */
  cityEvaluationOrigin?: string | undefined;
}

export interface WebHost {
  url: string;
  /** The URL to open: carries the token in the fragment, which never reaches a server log. */
  appUrl: string;
  token: string;
  close(): Promise<void>;
}

export function assertLoopback(host: string): void {
  if (!/^127(\.\d{1,3}){3}$/.test(host) && host !== '::1') {
    throw new Error(`the web host binds loopback addresses only, not ${host}`);
  }
}

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const host = options.host ?? '127.0.0.1';
  assertLoopback(host);
  const token = options.token ?? randomBytes(24).toString('base64url');
  const { logger } = options;

  const server = createServer((req, res) => {
    void (async () => {
      if (!hostAllowed(req, server)) {
        res.writeHead(421).end();
        return;
      }
      const file = options.readFile ? await options.readFile(req.url ?? '/') : await readRendererFile(options.rendererDir, req.url ?? '/');
      if (!file) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
        return;
      }
      const isHtml = file.contentType.startsWith('text/html');
      const body = isHtml ? injectBridge(file.body.toString('utf8')) : file.body;
      res.writeHead(200, {
        'content-type': file.contentType,
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
        ...(isHtml ? { 'content-security-policy': contentSecurityPolicy({ connect: [`ws://${hostHeader(server)}`], cityEvaluationOrigin: options.cityEvaluationOrigin }) } : {}),
      });
      res.end(body);
    })().catch((error: unknown) => {
      logger.error('web host: request failed', { detail: String(error) });
      if (!res.headersSent) res.writeHead(500).end();
    });
  });

  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: MAX_MESSAGE_BYTES,
    handleProtocols: (protocols) => (protocols.has(WEB_RPC_PROTOCOL) ? WEB_RPC_PROTOCOL : false),
  });

  server.on('upgrade', (req, socket, head) => {
    if (req.url !== WEB_RPC_PATH || !hostAllowed(req, server) || !originAllowed(req, server) || !tokenPresented(req, token)) {
      logger.warn('web host: refused a socket', { url: req.url, origin: req.headers.origin });
      socket.end('HTTP/1.1 401 Unauthorized\r\nConnection: close\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => serveSocket(ws, options));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const url = `http://${hostHeader(server)}/`;
  return {
    url,
    appUrl: `${url}#token=${token}`,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of wss.clients) client.terminate();
        wss.close();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function serveSocket(ws: WebSocket, options: WebHostOptions): void {
  const { dispatch, events, logger } = options;
  const disconnect = events.connect((event, payload) => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ type: 'event', event, payload }));
  });
  ws.on('close', disconnect);
  ws.on('error', (error) => logger.warn('web host: socket error', { detail: error.message }));
  ws.on('message', (data, isBinary) => {
    void (async () => {
      const request = parseRequest(isBinary ? undefined : data.toString());
      if (!request) {
        const reply: ResponseMessage = {
          type: 'response',
          id: -1,
          ok: false,
          error: { code: 'rpc-malformed-message', message: 'expected a JSON request {type, id, method, params}' },
        };
        ws.send(JSON.stringify(reply));
        return;
      }
      const reply = await dispatch(request.method, request.params);
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ type: 'response', id: request.id, ...reply }));
    })();
  });
}

function parseRequest(text: string | undefined): RequestMessage | undefined {
  if (text === undefined) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    if (
      value &&
      typeof value === 'object' &&
      (value as RequestMessage).type === 'request' &&
      Number.isSafeInteger((value as RequestMessage).id) &&
      typeof (value as RequestMessage).method === 'string'
    ) {
      return value as RequestMessage;
    }
  } catch {
    // fall through: malformed
  }
  return undefined;
}

function injectBridge(html: string): string {
  // The bridge must define window.terminal before the app's module runs;
  // module scripts run in document order, so it goes first in <head>.
  return html.replace('<head>', `<head>\n    <script type="module" src="/${WEB_BRIDGE_SCRIPT}"></script>`);
}

function hostHeader(server: Server): string {
  const address = server.address() as AddressInfo;
  return address.family === 'IPv6' ? `[${address.address}]:${address.port}` : `${address.address}:${address.port}`;
}

/** Refuses DNS-rebinding: the browser must address us by our loopback address. */
function hostAllowed(req: IncomingMessage, server: Server): boolean {
  const port = (server.address() as AddressInfo).port;
  return req.headers.host === hostHeader(server) || req.headers.host === `localhost:${port}`;
}

function originAllowed(req: IncomingMessage, server: Server): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true; // non-browser clients (tests, tools) still need the token
  const port = (server.address() as AddressInfo).port;
  return origin === `http://${hostHeader(server)}` || origin === `http://localhost:${port}`;
}

function tokenPresented(req: IncomingMessage, token: string): boolean {
  const offered = (req.headers['sec-websocket-protocol'] ?? '')
    .split(',')
    .map((p) => p.trim())
    .find((p) => p.startsWith(WEB_TOKEN_PROTOCOL_PREFIX));
  if (!offered) return false;
  const a = Buffer.from(offered.slice(WEB_TOKEN_PROTOCOL_PREFIX.length));
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}
