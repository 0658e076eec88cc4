import { describe, expect, it } from 'vitest';
import { TERMINAL_PROFILES, TERMINAL_VIEWS, isTerminalProfile, viewsOf } from './terminal-profile';

describe('terminal profiles', () => {
  it("opens a registry desk on the day's appointments, with the certificate desk, and never shows it reception", () => {
    expect(viewsOf('registry-desk')[0]).toBe('registry');
    expect(viewsOf('registry-desk')).toContain('certificate');
    expect(viewsOf('registry-desk')).not.toContain('reception');
  });

  it('opens a reception window on reception and never shows it the certificate desk', () => {
    expect(viewsOf('reception-window')[0]).toBe('reception');
    expect(viewsOf('reception-window')).not.toContain('certificate');
    expect(viewsOf('reception-window')).not.toContain('registry');
  });

  it('shows an extension terminal only the kiosk, and no other profile the kiosk', () => {
    expect(viewsOf('extension-terminal')).toEqual(['kiosk']);
    expect(viewsOf('reception-window')).not.toContain('kiosk');
    expect(viewsOf('registry-desk')).not.toContain('kiosk');
  });

  it('gives every profile known screens without repeats', () => {
    for (const profile of TERMINAL_PROFILES) {
      const views = viewsOf(profile);
      expect(views.length).toBeGreaterThan(0);
      expect(new Set(views).size).toBe(views.length);
      for (const view of views) expect(TERMINAL_VIEWS).toContain(view);
    }
  });

  it('recognises only the three profiles', () => {
    expect(isTerminalProfile('registry-desk')).toBe(true);
    expect(isTerminalProfile('kiosk')).toBe(false);
    expect(isTerminalProfile(undefined)).toBe(false);
  });
});
