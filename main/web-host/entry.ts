/**
 * Entry of the web host: the terminal's services plus the browser transport,
 * for tests, training, and machines without an Electron binary. Prints one
 * JSON line `{"event":"ready","url":…}` on stdout so launchers and tests can
 * find it without parsing prose.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig, ConfigError } from '../config';
import { createLogger } from '../logger';
import { createTerminalServices } from '../services/create-services';
import { startWebHost } from './server';
import { APP_VERSION } from '../shared/version';
import { checkBackendUrl } from '../startup/backend-url';
import { describeRefusal, StartupRefusedError } from '../startup/messages';

async function main(): Promise<void> {
  const config = loadConfig();
  // Never packaged: the embedded backend and http to loopback are allowed, plain http elsewhere is not.
  const refusal = checkBackendUrl(config.backendUrl, { packaged: false });
  if (refusal) throw new StartupRefusedError(refusal);
  const logger = createLogger({ dir: join(config.dataDir, 'logs'), echo: process.env.TERMINAL_LOG_ECHO === '1', base: { entry: 'web-host' } });
  const services = await createTerminalServices(config, logger, APP_VERSION);
  const rendererDir = process.env.TERMINAL_RENDERER_DIR ?? fileURLToPath(new URL('../renderer', import.meta.url));
  const port = process.env.TERMINAL_WEB_PORT ? Number(process.env.TERMINAL_WEB_PORT) : 0;
  const host = await startWebHost({ rendererDir, dispatch: services.dispatch, events: services.events, logger, port });
  logger.info('web host ready', { url: host.url });
  process.stdout.write(JSON.stringify({ event: 'ready', url: host.url, appUrl: host.appUrl, backendUrl: services.backendUrl }) + '\n');

  let closing = false;
  const shutdown = async () => {
    if (closing) return;
    closing = true;
    await host.close();
    await services.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown());
  process.on('SIGTERM', () => void shutdown());
}

main().catch((error: unknown) => {
  const message =
    error instanceof StartupRefusedError
      ? `${describeRefusal(error.refusal, 'zh-CN')}\n\n${describeRefusal(error.refusal, 'en')}`
      : error instanceof ConfigError
        ? error.message
        : `failed to start: ${(error as Error).stack ?? String(error)}`;
  process.stderr.write(message + '\n');
  process.exit(1);
});
