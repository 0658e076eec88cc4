/**
 * Electron hardening that does not depend on the window: which permissions
 * the renderer may have, where it may navigate, and which IPC senders count.
 */
import type { IpcMainInvokeEvent, Session, WebContents } from 'electron';

export const APP_SCHEME = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://terminal`;

/**
 * Camera and microphone (document camera, the extension terminal's video session) are all the renderer may ask for;
 * a door-to-door pad also its geolocation.
 */
export function grantedPermissions({ doorToDoor }: { doorToDoor: boolean }): Set<string> {
  return new Set(doorToDoor ? ['media', 'geolocation'] : ['media']);
}

export function restrictPermissions(session: Session, { doorToDoor = false }: { doorToDoor?: boolean } = {}): void {
  const granted = grantedPermissions({ doorToDoor });
  session.setPermissionRequestHandler((webContents, permission, callback, details) => {
    const fromApp = details.requestingUrl.startsWith(APP_ORIGIN + '/');
    const mediaTypes = 'mediaTypes' in details ? (details.mediaTypes ?? []) : [];
    const cameraOrMicrophone = mediaTypes.every((type) => type === 'video' || type === 'audio');
    callback(fromApp && granted.has(permission) && cameraOrMicrophone);
  });
  session.setPermissionCheckHandler((_webContents, permission, requestingOrigin) => requestingOrigin === APP_ORIGIN && granted.has(permission));
  session.setDevicePermissionHandler(() => false);
}

/**
 * Where a frame may go: the main frame stays on the app; a subframe may show the app or the configured city
 * evaluation page's origin (the CSP's `frame-src` says the same; this holds should a page try to move its frame).
 */
export function frameNavigationAllowed(url: string, isMainFrame: boolean, cityEvaluationOrigin?: string): boolean {
  if (url.startsWith(APP_ORIGIN + '/')) return true;
  if (isMainFrame || !cityEvaluationOrigin) return false;
  try {
    return new URL(url).origin === cityEvaluationOrigin;
  } catch {
    return false;
  }
}

/** No navigation away from the app, no new windows, no webviews; a subframe only to the city evaluation origin. */
export function lockNavigation(contents: WebContents, cityEvaluationOrigin?: string): void {
  contents.on('will-navigate', (event, url) => {
    if (!url.startsWith(APP_ORIGIN + '/')) event.preventDefault();
  });
  contents.on('will-frame-navigate', (event) => {
    if (!frameNavigationAllowed(event.url, event.isMainFrame, cityEvaluationOrigin)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!url.startsWith(APP_ORIGIN + '/')) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/** Only the main frame of our own window, showing our own origin, may call. */
export function isTrustedSender(event: IpcMainInvokeEvent, trusted: WebContents | undefined): boolean {
  const frame = event.senderFrame;
  return (
    trusted !== undefined &&
    event.sender === trusted &&
    frame !== null &&
    frame === trusted.mainFrame &&
    frame.url.startsWith(APP_ORIGIN + '/')
  );
}
