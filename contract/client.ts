/**
 * Builds the renderer-facing `window.terminal` object from the contract over
 * any transport. The preload uses it over Electron IPC, the web bridge over a
 * WebSocket; the object the renderer sees is the same.
 */
import { CALL_NAMES, type CallInput, type CallName, type CallOutput, type EventName, type EventPayload } from './api';
import { TerminalError } from './errors';
import type { Reply } from './wire';

export interface ClientTransport {
  invoke(method: CallName, params: unknown): Promise<Reply>;
  /** Returns a function that removes the listener. */
  subscribe(listener: (event: string, payload: unknown) => void): () => void;
}

type Area<K> = K extends `${infer A}.${string}` ? A : never;
type MethodsOf<A extends string> = {
  [K in CallName as K extends `${A}.${infer M}` ? M : never]: (
    ...input: undefined extends CallInput<K> ? [input?: CallInput<K>] : [input: CallInput<K>]
  ) => Promise<CallOutput<K>>;
};

export type TerminalApi = { [A in Area<CallName>]: MethodsOf<A> } & {
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
};

export function createTerminalClient(transport: ClientTransport): TerminalApi {
  const api: Record<string, unknown> = {};
  for (const name of CALL_NAMES) {
    const [area, method] = name.split('.') as [string, string];
    const group = (api[area] ??= {}) as Record<string, unknown>;
    group[method] = async (input?: unknown) => {
      const reply = await transport.invoke(name, input);
      if (!reply.ok) throw TerminalError.from(reply.error);
      return reply.result;
    };
  }
  api.on = (event: EventName, listener: (payload: unknown) => void) =>
    transport.subscribe((name, payload) => {
      if (name === event) listener(payload);
    });
  return api as TerminalApi;
}
