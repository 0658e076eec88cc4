/**
 * Electron entry: a thin, hardened shell around the same services the web
 * host serves. Everything that is not about windows and IPC lives elsewhere.
 */
import { app, BrowserWindow, ipcMain, safeStorage, session } from 'electron';
import { join } from 'node:path';
import { IPC_CHANNELS } from '../../contract/wire';
import { ConfigError, loadConfig } from '../config';
import { createLogger } from '../logger';
import { createTerminalServices, type TerminalServices } from '../services/create-services';
import { APP_VERSION } from '../shared/version';
import { registerAppScheme, serveRenderer } from './app-protocol';
import { SealedKeyProvider } from '../services/sealed-key';
import { APP_ORIGIN, isTrustedSender, lockNavigation, restrictPermissions } from './security';
import { checkBackendUrl } from '../startup/backend-url';
import { checkCredentialStore, guardProductionWindow, refuseToStart, suppressDefaultMenu } from './production-guards';

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
  const refusal = checkBackendUrl(config.backendUrl, { packaged: app.isPackaged }) ?? checkCredentialStore(app.isPackaged, logger);
  if (refusal) return refuseToStart(refusal, logger);
  const sealer = {
    available: () => safeStorage.isEncryptionAvailable(),
    seal: (plain: string) => safeStorage.encryptString(plain),
    open: (sealed: Buffer) => safeStorage.decryptString(sealed),
  };
  const keys = new SealedKeyProvider(sealer, join(config.dataDir, 'keys', 'data.key.sealed'), join(config.dataDir, 'keys', 'data.key'), logger);
  const services: TerminalServices = await createTerminalServices(config, logger, APP_VERSION, keys);

  serveRenderer(join(import.meta.dirname, '../renderer'));
  restrictPermissions(session.defaultSession);
  app.on('web-contents-created', (_event, contents) => lockNavigation(contents));

  const window = new BrowserWindow({
    width: 1366,
    height: 768,
    show: false,
    autoHideMenuBar: true,
    webPreferences: {
      preload: join(import.meta.dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      spellcheck: false,
      devTools: !app.isPackaged,
    },
  });
  guardProductionWindow(window.webContents, app.isPackaged);

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
    void services.close().finally(() => app.exit(0));
  });

  await window.loadURL(`${APP_ORIGIN}/index.html`);
}
