/**
 * Entry of the web host: the browser transport in front of the services
 * process, for tests, training, and machines without an Electron binary. The
 * services run in a child process under the same supervisor as in Electron.
 * Prints JSON lines on stdout so launchers and tests can follow it without
 * parsing prose: `{"event":"ready","url":…,"servicesPid":…}` once, then
 * `{"event":"services-ready","pid":…}` after each restart of the services.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig, ConfigError } from '../shared/config';
import { createLogger } from '../shared/logger';
import { childProcessFork } from '../supervisor/child-process';
import { ServicesSupervisor } from '../supervisor/supervisor';
import { startWebHost } from './server';
import { checkBackendUrl } from '../startup/backend-url';
import { checkCityEvaluationOrigin } from '../startup/city-evaluation-origin';
import { describeRefusal, StartupRefusedError } from '../startup/messages';

async function main(): Promise<void> {
  const config = loadConfig();
  // Never packaged: the embedded backend and http to loopback are allowed, plain http elsewhere is not.
  const refusal = checkBackendUrl(config.backendUrl, { packaged: false }) ?? checkCityEvaluationOrigin(config.cityEvaluationOrigin, { packaged: false });
  if (refusal) throw new StartupRefusedError(refusal);
  const logger = createLogger({ dir: join(config.dataDir, 'logs'), echo: process.env.TERMINAL_LOG_ECHO === '1', base: { entry: 'web-host' } });
  const servicesEntry = fileURLToPath(new URL('./services.js', import.meta.url));
  let first = true;
  const supervisor = new ServicesSupervisor({
    fork: childProcessFork(servicesEntry),
    startMessage: () => ({ type: 'start' }),
    logger: logger.child({ area: 'supervisor' }),
    onReady: ({ pid }) => {
      if (!first) process.stdout.write(JSON.stringify({ event: 'services-ready', pid }) + '\n');
      first = false;
    },
  });
  const ready = await supervisor.start();
  const rendererDir = process.env.TERMINAL_RENDERER_DIR ?? fileURLToPath(new URL('../renderer', import.meta.url));
  const port = process.env.TERMINAL_WEB_PORT ? Number(process.env.TERMINAL_WEB_PORT) : 0;
  const host = await startWebHost({ rendererDir, dispatch: supervisor.dispatch, events: supervisor.events, logger, port, cityEvaluationOrigin: config.cityEvaluationOrigin });
  logger.info('web host ready', { url: host.url, servicesPid: ready.pid });
  process.stdout.write(JSON.stringify({ event: 'ready', url: host.url, appUrl: host.appUrl, backendUrl: ready.backendUrl, servicesPid: ready.pid }) + '\n');

  let closing = false;
  const shutdown = async () => {
    if (closing) return;
    closing = true;
    await host.close();
    await supervisor.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown());
  process.on('SIGTERM', () => void shutdown());
}

main().catch((error: unknown) => {
  // A services process that could not start has already named its cause (a configuration error names the entry).
  const message =
    error instanceof StartupRefusedError
      ? `${describeRefusal(error.refusal, 'zh-CN')}\n\n${describeRefusal(error.refusal, 'en')}`
      : error instanceof ConfigError || error instanceof Error
        ? error.message
        : `failed to start: ${String(error)}`;
  process.stderr.write(message + '\n');
  process.exit(1);
});
