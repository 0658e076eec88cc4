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
import { pinnedReleaseKeys } from '../updater/release-keys';
import { shellSlotHost } from '../updater/slot-shell';
import { superviseFromSlots } from '../updater/slot-supervisor';
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
  const pinned = pinnedReleaseKeys(process.env, { packaged: false });
  if ('refusal' in pinned) throw new StartupRefusedError(pinned.refusal);
  // The services and the renderer come from the active A/B slot (verified before use), or the built-in app.
  const slots = shellSlotHost({ dataDir: config.dataDir, builtinDir: fileURLToPath(new URL('..', import.meta.url)), pinnedKeys: pinned.keys, logger: logger.child({ area: 'slots' }), env: process.env });
  let first = true;
  const { supervisor, start } = superviseFromSlots({
    host: slots,
    forkAt: (entry, env) => childProcessFork(entry, { ...process.env, ...env })(),
    loaderEntry: fileURLToPath(new URL('./slot-services.js', import.meta.url)),
    startMessage: () => ({ type: 'start' }),
    updatesEnabled: pinned.keys.length > 0,
    logger: logger.child({ area: 'supervisor' }),
    onReady: ({ pid }) => {
      if (!first) process.stdout.write(JSON.stringify({ event: 'services-ready', pid, version: slots.decision().version }) + '\n');
      first = false;
    },
  });
  const ready = await start();
  const rendererOverride = process.env.TERMINAL_RENDERER_DIR;
  const rendererDir = rendererOverride ?? slots.rendererDir();
  const port = process.env.TERMINAL_WEB_PORT ? Number(process.env.TERMINAL_WEB_PORT) : 0;
  const host = await startWebHost({
    rendererDir,
    ...(rendererOverride ? {} : { readFile: (urlPath: string) => slots.readRendererFile(urlPath) }),
    dispatch: supervisor.dispatch,
    events: supervisor.events,
    logger,
    port,
    cityEvaluationOrigin: config.cityEvaluationOrigin,
  });
  logger.info('web host ready', { url: host.url, servicesPid: ready.pid });
  process.stdout.write(
    JSON.stringify({ event: 'ready', url: host.url, appUrl: host.appUrl, backendUrl: ready.backendUrl, servicesPid: ready.pid, version: slots.decision().version }) + '\n',
  );

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
