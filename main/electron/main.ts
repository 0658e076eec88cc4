/**
 * Electron entry: a thin, hardened shell. It owns the window, permissions,
 * the app:// protocol and safeStorage; every service runs in the services
 * process (a utility process under the supervisor), to which this relays the
 * contract. A native crash there restarts the services, not the window.
 */
import { app, BrowserWindow, ipcMain, safeStorage, session } from 'electron';
import { join } from 'node:path';
import { IPC_CHANNELS } from '../../contract/wire';
import { ConfigError, loadConfig } from '../shared/config';
import { createLogger } from '../shared/logger';
import { pinnedReleaseKeys } from '../updater/release-keys';
import { shellSlotHost } from '../updater/slot-shell';
import { superviseFromSlots } from '../updater/slot-supervisor';
import { registerAppScheme, serveRenderer } from './app-protocol';
import { SealedKeyProvider } from './sealed-key';
import { readDataKeyFile } from './key-file';
import { utilityProcessFork } from './utility-process';
import { APP_ORIGIN, isTrustedSender, lockNavigation, restrictPermissions } from './security';
import { checkBackendUrl } from '../startup/backend-url';
import { checkCityEvaluationOrigin } from '../startup/city-evaluation-origin';
import { checkCredentialStore, guardKioskWindow, guardProductionWindow, refuseToStart, suppressDefaultMenu } from './production-guards';
import { isKioskProfile, windowShape } from './kiosk-window';

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  registerAppScheme();
  app.enableSandbox();
  suppressDefaultMenu(app.isPackaged);
  start().catch((error: unknown) => {
    process.stderr.write(`failed to start: ${error instanceof ConfigError ? error.message : ((error as Error).stack ?? String(error))}\n`);
    app.exit(1);
  });
}

async function start(): Promise<void> {
  await app.whenReady();
  const config = loadConfig();
  const logger = createLogger({ dir: join(config.dataDir, 'logs'), base: { entry: 'electron' } });
  const refusal =
    checkBackendUrl(config.backendUrl, { packaged: app.isPackaged }) ??
    checkCityEvaluationOrigin(config.cityEvaluationOrigin, { packaged: app.isPackaged }) ??
    checkCredentialStore(app.isPackaged, logger, config.dataKeyFile !== undefined);
  if (refusal) return refuseToStart(refusal, logger);
  const sealer = {
    available: () => safeStorage.isEncryptionAvailable(),
    seal: (plain: string) => safeStorage.encryptString(plain),
    open: (sealed: Buffer) => safeStorage.decryptString(sealed),
  };
  const keys = new SealedKeyProvider(sealer, join(config.dataDir, 'keys', 'data.key.sealed'), logger);
  // Unsealed here, where safeStorage lives (or read from the administrator's key file), and handed to each services
  // process over its port: never written in clear by the terminal.
  let dataKey: Uint8Array | undefined;
  if (config.dataKeyFile) {
    const provisioned = readDataKeyFile(config.dataKeyFile);
    if ('refusal' in provisioned) return refuseToStart(provisioned.refusal, logger);
    dataKey = provisioned.key;
  } else {
    dataKey = await keys.loadDataKey();
  }
  // Fail closed: a packaged shell built without release keys does not start (release-keys.ts says how to pin them).
  const pinned = pinnedReleaseKeys(process.env, { packaged: app.isPackaged });
  if ('refusal' in pinned) return refuseToStart(pinned.refusal, logger);
  // Services, preload and renderer come from the active A/B slot, verified first (hashing in the crypto worker).
  const slots = shellSlotHost({ dataDir: config.dataDir, builtinDir: join(import.meta.dirname, '..'), pinnedKeys: pinned.keys, logger: logger.child({ area: 'slots' }), env: app.isPackaged ? {} : process.env });
  const { supervisor: services, start: startServices } = superviseFromSlots({
    host: slots,
    forkAt: (entry, env) => utilityProcessFork(entry, env)(),
    loaderEntry: join(import.meta.dirname, 'slot-services.js'),
    startMessage: () => (dataKey ? { type: 'start', dataKey } : { type: 'start' }),
    updatesEnabled: pinned.keys.length > 0,
    logger: logger.child({ area: 'supervisor' }),
    // A switch relaunches the shell: the next start's loader picks the slot, and the preload comes from it too.
    switchPayload: async () => {
      app.relaunch();
      await services.stop();
      app.exit(0);
    },
  });
  await startServices();

  serveRenderer((urlPath) => slots.readRendererFile(urlPath), config.cityEvaluationOrigin);
  restrictPermissions(session.defaultSession, { doorToDoor: config.doorToDoor !== undefined });
  app.on('web-contents-created', (_event, contents) => lockNavigation(contents, config.cityEvaluationOrigin));

  // An extension terminal is a kiosk with no way out; officers get an ordinary window (./kiosk-window.ts).
  const { devTools, ...shape } = windowShape(config.profile, { packaged: app.isPackaged });
  const window = new BrowserWindow({
    ...shape,
    show: false,
    webPreferences: {
      preload: join(slots.payloadDir(), 'preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      spellcheck: false,
      devTools,
    },
  });
  guardProductionWindow(window.webContents, app.isPackaged);
  if (isKioskProfile(config.profile)) guardKioskWindow(window, config.profile, logger.child({ area: 'kiosk-window' }));

  ipcMain.handle(IPC_CHANNELS.call, (event, method: unknown, params: unknown) => {
    if (!isTrustedSender(event, window.webContents)) {
      logger.warn('ipc: refused a call from an untrusted sender', { url: event.senderFrame?.url });
      return { ok: false, error: { code: 'rpc-unauthorized', message: 'untrusted sender' } };
    }
    return services.dispatch(method, params);
  });
  const disconnect = services.events.connect((event, payload) => {
    if (!window.isDestroyed()) window.webContents.send(IPC_CHANNELS.event, event, payload);
  });

  app.on('second-instance', () => {
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  window.once('ready-to-show', () => window.show());
  window.on('closed', disconnect);
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', (event) => {
    event.preventDefault();
    void services.stop().finally(() => app.exit(0));
  });

  await window.loadURL(`${APP_ORIGIN}/index.html`);
}
