/**
 * Entry of the services process: plain Node, no Electron. It composes every
 * service (devices, sync, documents, signing, printing) and speaks the
 * contract over its parent port: calls in, replies and events out. Electron's
 * main forks it with utilityProcess, the web host with child_process; the
 * supervisor on the window side restarts it when it dies.
 */
import { join } from 'node:path';
import type { SlotsRequestMessage, StartMessage } from '../contract/services-port';
import type { KeyProvider } from '../sync';
import { loadConfig, ConfigError } from '../main/shared/config';
import { createLogger } from '../main/shared/logger';
import { APP_VERSION } from '../main/shared/version';
import { createTerminalServices, type TerminalServices } from './create-services';
import { connectParentPort } from './parent-port';
import { EventBus } from './rpc/event-bus';

const port = connectParentPort();
let services: TerminalServices | undefined;
let starting = false;
let stopping = false;

port.onMessage((message) => {
  switch (message.type) {
    case 'start':
      if (!starting) void start(message);
      starting = true;
      return;
    case 'request':
      void answer(message.id, message.method, message.params);
      return;
    case 'stop':
      void stop();
      return;
    case 'ping':
      port.post({ type: 'pong', id: message.id });
      return;
    case 'slots-reply':
      services?.onSlotsReply(message);
      return;
    case 'health':
      if (services) void services.health(message.id).then((reply) => port.post(reply));
      return;
  }
});
port.onGone(() => void stop());

async function start(message: StartMessage): Promise<void> {
  try {
    const config = loadConfig();
    const logger = createLogger({ dir: join(config.dataDir, 'logs'), echo: process.env.TERMINAL_LOG_ECHO === '1', base: { entry: 'services', pid: process.pid } });
    // The key arrives unsealed over the port and stays in memory; it is never written in clear.
    const keyProvider: KeyProvider | undefined = message.dataKey ? { loadDataKey: async () => message.dataKey! } : undefined;
    // Connected before composing: events raised while the services start are relayed too.
    const events = new EventBus();
    events.connect((event, payload) => port.post({ type: 'event', event, payload }));
    // The version is the slot's the shell loaded these services from (the built-in one otherwise).
    const version = message.updates?.slots.running ?? APP_VERSION;
    const fleet = message.updates ? { start: message.updates, post: (request: SlotsRequestMessage) => port.post(request) } : undefined;
    services = await createTerminalServices(config, logger, version, keyProvider, events, fleet);
    logger.info('services ready');
    port.post({ type: 'ready', pid: process.pid, backendUrl: services.backendUrl });
  } catch (error) {
    const text = error instanceof ConfigError ? error.message : `failed to start: ${(error as Error).stack ?? String(error)}`;
    port.post({ type: 'failed', message: text });
    setImmediate(() => process.exit(1));
  }
}

async function answer(id: number, method: string, params: unknown): Promise<void> {
  if (!services) {
    port.post({ type: 'response', id, ok: false, error: { code: 'services-restarting', message: 'the services are still starting' } });
    return;
  }
  const reply = await services.dispatch(method, params);
  port.post({ type: 'response', id, ...reply });
}

async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  await services?.close();
  process.exit(0);
}
