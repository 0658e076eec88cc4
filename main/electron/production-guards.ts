/**
 * What a packaged terminal refuses or hides, wired to Electron: start-up
 * refusals shown in a native dialog (no window exists yet), the credential
 * store check, and a window without menu, DevTools or reload keys. The rules
 * themselves are pure and tested: ../startup/backend-url.ts,
 * ./credential-store.ts, ./dev-shortcuts.ts.
 */
import { app, dialog, Menu, safeStorage, type BrowserWindow, type WebContents } from 'electron';
import type { TerminalProfile } from '../../domain/terminal-profile';
import { closeAllowed, isKioskEscapeKey, recoveryFor } from './kiosk-window';
import type { Logger } from '../../domain/logger';
import { describeRefusal, type StartupRefusal } from '../startup/messages';
import { judgeCredentialStore } from './credential-store';
import { isDevShortcut } from './dev-shortcuts';

/** Call before `app.whenReady()`: with no application menu there are no menu accelerators either. */
export function suppressDefaultMenu(packaged: boolean): void {
  if (packaged) Menu.setApplicationMenu(null);
}

/**
 * A refusal when safeStorage would not protect the data key in a packaged terminal (call after ready).
 * With an administrator-provisioned key file (`dataKeyFile`) safeStorage is not used for the key.
 */
export function checkCredentialStore(packaged: boolean, logger: Logger, keyFileConfigured = false): StartupRefusal | null {
  if (keyFileConfigured) return null;
  const verdict = judgeCredentialStore(
    {
      platform: process.platform,
      encryptionAvailable: safeStorage.isEncryptionAvailable(),
      linuxBackend: process.platform === 'linux' ? safeStorage.getSelectedStorageBackend() : undefined,
    },
    { packaged },
  );
  if (verdict.verdict === 'protected') return null;
  logger[verdict.refuse ? 'error' : 'warn']('credential store does not protect the data key', { backend: verdict.refusal.value, refused: verdict.refuse });
  return verdict.refuse ? verdict.refusal : null;
}

/** Swallow reload and DevTools keys, and close DevTools should they open anyway. */
export function guardProductionWindow(contents: WebContents, packaged: boolean): void {
  if (!packaged) return;
  contents.on('before-input-event', (event, input) => {
    if (isDevShortcut(input)) event.preventDefault();
  });
  contents.on('devtools-opened', () => contents.closeDevTools());
}

/**
 * The extension terminal's window keeps the resident in the kiosk (rules: ./kiosk-window.ts): escape keys swallowed,
 * closing refused unless the terminal itself quits, full screen restored, a dead or hung page reloaded.
 */
export function guardKioskWindow(window: BrowserWindow, profile: TerminalProfile, logger: Logger): void {
  window.removeMenu(); // no menu, hence no menu accelerators, in any build
  let quitting = false;
  app.on('before-quit', () => {
    quitting = true;
    window.setClosable(true);
  });
  window.webContents.on('before-input-event', (event, input) => {
    if (isKioskEscapeKey(input)) event.preventDefault();
  });
  window.on('close', (event) => {
    if (closeAllowed(profile, { quitting })) return;
    event.preventDefault();
    logger.warn('kiosk: refused to close the window');
  });
  window.on('leave-full-screen', () => {
    if (!quitting) window.setKiosk(true);
  });
  const reload = (event: 'render-process-gone' | 'unresponsive') => {
    if (recoveryFor(profile, event) !== 'reload' || window.isDestroyed()) return;
    logger.error('kiosk: the page died or hung; reloading it', { event });
    window.webContents.reload();
  };
  window.webContents.on('render-process-gone', () => reload('render-process-gone'));
  window.on('unresponsive', () => reload('unresponsive'));
}

/** Tell the officer (and the administrator) why the terminal will not start, then quit. */
export function refuseToStart(refusal: StartupRefusal, logger?: Logger): void {
  logger?.error('start-up refused', { code: refusal.code, setting: refusal.setting });
  const text = `${describeRefusal(refusal, 'zh-CN')}\n\n${describeRefusal(refusal, 'en')}`;
  process.stderr.write(text + '\n');
  dialog.showErrorBox('窗口终端无法启动 / Window Terminal cannot start', text);
  app.exit(1);
}
