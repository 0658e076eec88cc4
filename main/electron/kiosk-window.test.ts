import { describe, expect, it } from 'vitest';
import { closeAllowed, isKioskEscapeKey, recoveryFor, windowShape } from './kiosk-window';

const key = (k: string, mods: Partial<{ control: boolean; meta: boolean; shift: boolean; alt: boolean }> = {}) => ({
  type: 'keyDown',
  key: k,
  control: false,
  meta: false,
  shift: false,
  alt: false,
  ...mods,
});

describe('the extension terminal window', () => {
  it('is a frameless full-screen kiosk that cannot be closed, moved or left, without DevTools when packaged', () => {
    expect(windowShape('extension-terminal', { packaged: true })).toMatchObject({
      kiosk: true,
      fullscreen: true,
      frame: false,
      autoHideMenuBar: true,
      closable: false,
      minimizable: false,
      resizable: false,
      movable: false,
      alwaysOnTop: true,
      fullscreenable: false,
      devTools: false,
    });
    // In development DevTools stay available, the kiosk otherwise the same.
    expect(windowShape('extension-terminal', { packaged: false })).toMatchObject({ kiosk: true, devTools: true });
  });

  it('leaves officers an ordinary window', () => {
    for (const profile of ['reception-window', 'registry-desk'] as const) {
      expect(windowShape(profile, { packaged: true })).toMatchObject({ kiosk: false, fullscreen: false, frame: true, closable: true, devTools: false });
    }
  });

  it('swallows the keys that close, quit, reload, print, open windows or leave full screen', () => {
    const escapes = [
      key('F4', { alt: true }),
      key('F4', { control: true }),
      key('w', { control: true }),
      key('W', { control: true, shift: true }),
      key('q', { control: true }),
      key('q', { meta: true }),
      key('n', { control: true }),
      key('t', { control: true }),
      key('p', { control: true }),
      key('r', { control: true }),
      key('F11'),
      key('F5'),
      key('F12'),
      key('i', { control: true, shift: true }),
      key('Escape', { meta: true, alt: true }),
      key('ArrowLeft', { alt: true }),
      key('Home', { alt: true }),
    ];
    for (const input of escapes) expect(isKioskEscapeKey(input), JSON.stringify(input)).toBe(true);
  });

  it('lets the resident type and use the screen', () => {
    const ordinary = [key('a'), key('1'), key('Enter'), key('Backspace'), key('Tab'), key('Escape'), key('F4'), key('c', { control: true }), key('v', { control: true }), key('a', { control: true }), { ...key('F4', { alt: true }), type: 'keyUp' }];
    for (const input of ordinary) expect(isKioskEscapeKey(input), JSON.stringify(input)).toBe(false);
  });

  it('closes only when the terminal itself quits, and reloads a dead or hung page', () => {
    expect(closeAllowed('extension-terminal', { quitting: false })).toBe(false);
    expect(closeAllowed('extension-terminal', { quitting: true })).toBe(true);
    expect(closeAllowed('reception-window', { quitting: false })).toBe(true);
    expect(recoveryFor('extension-terminal', 'render-process-gone')).toBe('reload');
    expect(recoveryFor('extension-terminal', 'unresponsive')).toBe('reload');
    expect(recoveryFor('reception-window', 'render-process-gone')).toBe('none');
  });
});
