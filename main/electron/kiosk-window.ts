/**
 * The extension terminal's window: nobody at an extension point may leave the
 * kiosk for the desktop. Full-screen kiosk mode, no frame or menu, no DevTools
 * in a packaged terminal, no closing by keyboard, and a window that stays
 * open (a crashed or hung page is reloaded, not left blank). Other profiles
 * keep an ordinary window for officers. Pure decisions, tested without
 * Electron; main.ts applies them. New windows and navigation away are refused for
 * every profile (./security.ts).
 */
import type { TerminalProfile } from '../../domain/terminal-profile';
import type { KeyInput } from './dev-shortcuts';

/** The BrowserWindow options these decisions set (a subset of Electron's). */
export interface WindowShape {
  width: number;
  height: number;
  kiosk: boolean;
  fullscreen: boolean;
  frame: boolean;
  autoHideMenuBar: boolean;
  closable: boolean;
  minimizable: boolean;
  maximizable: boolean;
  resizable: boolean;
  movable: boolean;
  alwaysOnTop: boolean;
  fullscreenable: boolean;
  devTools: boolean;
}

export function isKioskProfile(profile: TerminalProfile): boolean {
  return profile === 'extension-terminal';
}

export function windowShape(profile: TerminalProfile, { packaged }: { packaged: boolean }): WindowShape {
  const officer = { width: 1366, height: 768, autoHideMenuBar: true, devTools: !packaged };
  if (!isKioskProfile(profile)) {
    return { ...officer, kiosk: false, fullscreen: false, frame: true, closable: true, minimizable: true, maximizable: true, resizable: true, movable: true, alwaysOnTop: false, fullscreenable: true };
  }
  return {
    ...officer,
    kiosk: true,
    fullscreen: true,
    frame: false,
    closable: false,
    minimizable: false,
    maximizable: false,
    resizable: false,
    movable: false,
    alwaysOnTop: true,
    // Leaving full screen (F11, the HTML fullscreen API's Escape) would show the desktop behind.
    fullscreenable: false,
  };
}

/**
 * Keys a resident could use to leave the kiosk: close the window or the app, open another, leave full screen, print
 * dialog, reload. Swallowed before the page sees them. (Alt+Tab, Ctrl+Alt+Del and the like belong to the operating
 * system and are locked down there: a kiosk user session without a desktop.)
 */
export function isKioskEscapeKey(input: KeyInput): boolean {
  if (input.type !== 'keyDown') return false;
  const key = input.key.toLowerCase();
  const command = input.control || input.meta;
  if (key === 'f4' && (input.alt || command)) return true; // Alt+F4 closes the window; Ctrl+F4 the tab
  if (key === 'f11' || key === 'f5' || key === 'f12' || key === 'browserrefresh') return true; // full screen, reload, DevTools
  if (command && ['w', 'q', 'n', 't', 'r', 'p', 'o', 's', 'l', 'm', 'h'].includes(key)) return true; // close, quit, new window/tab, reload, print, open, save, location, minimise, hide
  if (command && input.shift && ['i', 'j', 'c'].includes(key)) return true; // DevTools
  if (input.meta && input.alt && ['i', 'j', 'escape'].includes(key)) return true; // DevTools, force quit (macOS)
  if (input.alt && (key === 'arrowleft' || key === 'arrowright' || key === 'home' || key === 'space')) return true; // history, home page, window menu
  return false;
}

/** Whether the window may close now: a kiosk only when the terminal itself quits (an update, a shutdown). */
export function closeAllowed(profile: TerminalProfile, { quitting }: { quitting: boolean }): boolean {
  return !isKioskProfile(profile) || quitting;
}

/** What to do when the page dies or hangs: a kiosk reloads it (a blank screen strands the resident). */
export function recoveryFor(profile: TerminalProfile, event: 'render-process-gone' | 'unresponsive'): 'reload' | 'none' {
  if (!isKioskProfile(profile)) return 'none';
  return event === 'render-process-gone' || event === 'unresponsive' ? 'reload' : 'none';
}

