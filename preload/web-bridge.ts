/**
 * The browser's stand-in for the Electron preload: defines the same
 * `window.terminal` transport over a WebSocket to the web host. The token
 * arrives in the URL fragment once and is kept for reloads of this tab only.
 */
import type { ClientTransport } from '../contract/client';
import { WEB_RPC_PATH, WEB_RPC_PROTOCOL, WEB_TOKEN_PROTOCOL_PREFIX, type Reply, type ResponseMessage, type EventMessage } from '../contract/wire';

const TOKEN_KEY = 'terminal.token';

function takeToken(): string {
  const match = /token=([A-Za-z0-9_-]+)/.exec(location.hash);
  if (match?.[1]) {
    sessionStorage.setItem(TOKEN_KEY, match[1]);
    history.replaceState(null, '', location.pathname + location.search);
    return match[1];
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

const token = takeToken();
const pending = new Map<number, (reply: Reply) => void>();
const listeners = new Set<(event: string, payload: unknown) => void>();
let nextId = 1;
let socket: WebSocket;
let opened: Promise<void>;

function connect(attempt = 0): void {
  socket = new WebSocket(`ws://${location.host}${WEB_RPC_PATH}`, [WEB_RPC_PROTOCOL, WEB_TOKEN_PROTOCOL_PREFIX + token]);
  opened = new Promise((resolve) => socket.addEventListener('open', () => resolve(), { once: true }));
  socket.addEventListener('open', () => {
    attempt = 0;
  });
  socket.addEventListener('message', (message) => {
    const data = JSON.parse(String(message.data)) as ResponseMessage | EventMessage;
    if (data.type === 'event') {
      for (const listener of listeners) listener(data.event, data.payload);
    } else {
      const resolve = pending.get(data.id);
      pending.delete(data.id);
      resolve?.(data.ok ? { ok: true, result: data.result } : { ok: false, error: data.error });
    }
  });
  socket.addEventListener('close', () => {
    for (const [id, resolve] of pending) {
      pending.delete(id);
      resolve({ ok: false, error: { code: 'transport-closed', message: 'connection to the terminal services closed' } });
    }
    setTimeout(() => connect(attempt + 1), Math.min(5000, 200 * 2 ** attempt));
  });
}

connect();

const transport: ClientTransport = {
  async invoke(method, params) {
    await opened;
    const id = nextId++;
    return new Promise<Reply>((resolve) => {
      pending.set(id, resolve);
      socket.send(JSON.stringify({ type: 'request', id, method, params }));
    });
  },
  subscribe(listener) {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

Object.defineProperty(window, 'terminal', { value: Object.freeze(transport), writable: false });
