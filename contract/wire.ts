/**
 * Messages as they cross a transport. Electron IPC carries the same shapes as
 * structured clones; the WebSocket carries them as JSON.
 */
import type { TerminalErrorShape } from './errors';

export interface RequestMessage {
  type: 'request';
  id: number;
  method: string;
  params?: unknown;
}

export type ResponseMessage =
  | { type: 'response'; id: number; ok: true; result: unknown }
  | { type: 'response'; id: number; ok: false; error: TerminalErrorShape };

export interface EventMessage {
  type: 'event';
  event: string;
  payload: unknown;
}

export type Reply = { ok: true; result: unknown } | { ok: false; error: TerminalErrorShape };

/** IPC channel names used by the preload and the Electron entry. */
export const IPC_CHANNELS = { call: 'terminal:call', event: 'terminal:event' } as const;

/**
 * The web transport: the browser offers both subprotocols; the server selects
 * RPC_PROTOCOL and checks the token one. Browsers cannot set headers on a
 * WebSocket, and a subprotocol keeps the token out of URLs and logs.
 */
export const WEB_RPC_PATH = '/rpc';
export const WEB_RPC_PROTOCOL = 'terminal.v1';
export const WEB_TOKEN_PROTOCOL_PREFIX = 'token.';

/** One call from either transport to the services, answered with a reply and never a throw. */
export type Dispatch = (method: unknown, params: unknown) => Promise<Reply>;

/** Where a transport subscribes to the services' events; returns the unsubscribe function. */
export interface EventSource {
  connect(sink: (event: string, payload: unknown) => void): () => void;
}
