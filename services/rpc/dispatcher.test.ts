import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../domain/logger';
import { createDispatcher, type Handlers } from './dispatcher';
import { CALL_NAMES } from '../../contract/api';
import { createTerminalClient, type ClientTransport } from '../../contract/client';
import { TerminalError } from '../../contract/errors';

describe('contract client over the dispatcher', () => {
  const handlers = {
    'sync.status': () => ({ backend: 'online', queued: 0, failed: 0, deadLettered: 0 }),
    'cases.list': (input?: { limit?: number }) => Array.from({ length: input?.limit ?? 0 }, () => ({})),
    'idCard.read': () => {
      throw new TerminalError('id-card-no-card', 'no card', { seconds: 10 });
    },
  } as unknown as Handlers;
  const dispatch = createDispatcher(handlers, silentLogger);
  const listeners = new Set<(event: string, payload: unknown) => void>();
  const transport: ClientTransport = {
    invoke: (method, params) => dispatch(method, structuredClone(params)),
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  const terminal = createTerminalClient(transport);

  it('exposes every call of the contract as area.method', () => {
    for (const name of CALL_NAMES) {
      const [area, method] = name.split('.') as [string, string];
      expect(typeof (terminal as unknown as Record<string, Record<string, unknown>>)[area]?.[method]).toBe('function');
    }
  });

  it('resolves results and rejects with the typed error and its code', async () => {
    expect(await terminal.sync.status()).toMatchObject({ backend: 'online' });
    expect(await terminal.cases.list({ limit: 2 })).toHaveLength(2);
    await expect(terminal.idCard.read({ timeoutMs: 1000 })).rejects.toMatchObject({ code: 'id-card-no-card', params: { seconds: 10 } });
  });

  it('validates input before any handler runs', async () => {
    await expect(terminal.cases.list({ limit: 100_000 })).rejects.toMatchObject({ code: 'rpc-invalid-params' });
  });

  it('delivers only the subscribed event', () => {
    const seen: unknown[] = [];
    const off = terminal.on('sync.statusChanged', (status) => seen.push(status));
    for (const listener of listeners) {
      listener('device.changed', { id: 'x' });
      listener('sync.statusChanged', { backend: 'offline' });
    }
    off();
    for (const listener of listeners) listener('sync.statusChanged', { backend: 'online' });
    expect(seen).toEqual([{ backend: 'offline' }]);
  });
});
