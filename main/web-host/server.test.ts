import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { silentLogger } from '../../domain/logger';
import { WEB_RPC_PROTOCOL, WEB_TOKEN_PROTOCOL_PREFIX } from '../../contract/wire';
import { createDispatcher, type Handlers } from '../../services/rpc/dispatcher';
import { EventBus } from '../../services/rpc/event-bus';
import { assertLoopback, startWebHost, type WebHost } from './server';

const handlers = {
  'sync.status': () => ({ backend: 'online', queued: 2, failed: 0, deadLettered: 0 }),
  'idCard.read': ({ timeoutMs }: { timeoutMs: number }) => {
    throw Object.assign(new Error(`no card within ${timeoutMs} ms`), { code: 'id-card-no-card' });
  },
} as unknown as Handlers;

let host: WebHost;
let events: EventBus;

beforeEach(async () => {
  const rendererDir = mkdtempSync(join(tmpdir(), 'renderer-'));
  mkdirSync(join(rendererDir, 'assets'));
  writeFileSync(join(rendererDir, '..', 'outside-secret.txt'), 'secret');
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><html><head><title>t</title></head><body></body></html>');
  events = new EventBus();
  host = await startWebHost({ rendererDir, dispatch: createDispatcher(handlers, silentLogger), events, logger: silentLogger });
});

afterEach(async () => {
  await host.close();
});

function connect(protocols: string[], headers: Record<string, string> = {}): Promise<WebSocket> {
  const ws = new WebSocket(host.url.replace('http', 'ws') + 'rpc', protocols, { headers });
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    ws.once('error', reject);
  });
}

function call(ws: WebSocket, message: unknown): Promise<Record<string, unknown>> {
  return new Promise((resolve) => {
    ws.once('message', (data) => resolve(JSON.parse(data.toString()) as Record<string, unknown>));
    ws.send(typeof message === 'string' ? message : JSON.stringify(message));
  });
}

const good = () => [WEB_RPC_PROTOCOL, WEB_TOKEN_PROTOCOL_PREFIX + host.token];

describe('web host', () => {
  it('serves the renderer with a CSP and the bridge injected before the app', async () => {
    const response = await fetch(host.url);
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await response.text()).toContain('<script type="module" src="/assets/web-bridge.js">');
  });

  it('never serves files outside the renderer folder', async () => {
    const response = await fetch(host.url + '..%2foutside-secret.txt');
    expect(response.status).toBe(404);
  });

  it('refuses sockets without the token, with a wrong token, or from another origin', async () => {
    await expect(connect([WEB_RPC_PROTOCOL])).rejects.toThrow('401');
    await expect(connect([WEB_RPC_PROTOCOL, WEB_TOKEN_PROTOCOL_PREFIX + 'x'.repeat(host.token.length)])).rejects.toThrow('401');
    await expect(connect(good(), { origin: 'http://evil.example' })).rejects.toThrow('401');
  });

  it('carries calls and errors with their codes, and events', async () => {
    const ws = await connect(good());
    expect(await call(ws, { type: 'request', id: 1, method: 'sync.status' })).toMatchObject({ id: 1, ok: true, result: { queued: 2 } });
    expect(await call(ws, { type: 'request', id: 2, method: 'idCard.read', params: { timeoutMs: 500 } })).toMatchObject({
      id: 2,
      ok: false,
      error: { code: 'id-card-no-card' },
    });
    const event = new Promise((resolve) => ws.once('message', (data) => resolve(JSON.parse(data.toString()))));
    events.emit('sync.statusChanged', { backend: 'offline', queued: 1, failed: 1, deadLettered: 0 });
    expect(await event).toMatchObject({ type: 'event', event: 'sync.statusChanged', payload: { backend: 'offline' } });
    ws.close();
  });

  it('answers malformed and unknown messages with an error and keeps serving', async () => {
    const ws = await connect(good());
    expect(await call(ws, 'not json')).toMatchObject({ ok: false, error: { code: 'rpc-malformed-message' } });
    expect(await call(ws, { type: 'request', id: 'x', method: 1 })).toMatchObject({ ok: false, error: { code: 'rpc-malformed-message' } });
    expect(await call(ws, { type: 'request', id: 3, method: 'fs.readFile' })).toMatchObject({ id: 3, ok: false, error: { code: 'rpc-unknown-method' } });
    expect(await call(ws, { type: 'request', id: 4, method: 'idCard.read', params: { timeoutMs: 'soon' } })).toMatchObject({
      id: 4,
      ok: false,
      error: { code: 'rpc-invalid-params' },
    });
    expect(await call(ws, { type: 'request', id: 5, method: 'toString' })).toMatchObject({ id: 5, ok: false, error: { code: 'rpc-unknown-method' } });
    expect(await call(ws, { type: 'request', id: 6, method: 'sync.status' })).toMatchObject({ id: 6, ok: true });
    ws.close();
  });

  it('binds loopback addresses only', () => {
    expect(() => assertLoopback('0.0.0.0')).toThrow(/loopback/);
    expect(() => assertLoopback('192.168.1.10')).toThrow(/loopback/);
    expect(() => assertLoopback('127.0.0.1')).not.toThrow();
    expect(new URL(host.url).hostname).toBe('127.0.0.1');
  });
});
