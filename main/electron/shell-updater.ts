/**
 * Full shell updates through electron-updater (NSIS on Windows, AppImage on
 * Linux; deb installs go through the OS's package tools), gated by the
 * signed release manifest: nothing is downloaded unless verifyShellUpdate()
 * accepts what latest.yml announces. electron-updater's own staging
 * percentage is not used: the backend offers the manifest to a terminal
 * only inside its rollout share, so the same rule covers payload and shell.
 * Installation waits for the caller's idle signal, like a payload switch.
 *
 * Runs only in a packaged Electron app (electron-updater needs
 * app-update.yml, which electron-builder writes from `publish`).
 */
import electronUpdater from 'electron-updater';
import type { Logger } from '../../domain/logger';
import { shellRefusalCode, verifyShellUpdate } from '../updater/shell-update-gate';

export interface ShellUpdaterOptions {
  pinnedKeys: readonly string[];
  shellVersion: string;
  /** The signed manifest the backend offers this terminal now (from the services' update agent), if any. */
  offeredManifest: () => Promise<unknown>;
  /** Resolves when the terminal is idle (no case open, no print job, no video session). */
  whenIdle: () => Promise<void>;
  report: (event: { step: 'staged' | 'refused'; version: string; reason?: string; detail?: string }) => void;
  logger: Logger;
  checkIntervalMs?: number;
}

export function startShellUpdates(options: ShellUpdaterOptions): () => void {
  const { autoUpdater } = electronUpdater;
  autoUpdater.autoDownload = false;
  autoUpdater.autoInstallOnAppQuit = false;
  autoUpdater.allowDowngrade = false;
  autoUpdater.on('update-available', (info) => {
    void (async () => {
      try {
        verifyShellUpdate({ version: info.version, files: info.files.map((file) => ({ url: file.url, sha512: file.sha512, ...(file.size ? { size: file.size } : {}) })) }, await options.offeredManifest(), options);
      } catch (error) {
        const reason = shellRefusalCode(error);
        options.logger.warn('shell update refused', { version: info.version, reason });
        options.report({ step: 'refused', version: info.version, reason, detail: (error as Error).message });
        return;
      }
      await autoUpdater.downloadUpdate();
    })().catch((error: unknown) => options.logger.warn('shell update download failed', { error: (error as Error).message }));
  });
  autoUpdater.on('update-downloaded', (event) => {
    options.report({ step: 'staged', version: event.version });
    void options.whenIdle().then(() => autoUpdater.quitAndInstall(true, true));
  });
  const timer = setInterval(() => void autoUpdater.checkForUpdates().catch(() => undefined), options.checkIntervalMs ?? 60 * 60_000);
  void autoUpdater.checkForUpdates().catch(() => undefined);
  return () => clearInterval(timer);
}
