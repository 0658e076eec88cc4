import { describe, expect, it } from 'vitest';
import { beijingMinuteOfDay } from './legal-date';
import { updateWindowState } from './update-window';

// 2026-11-28T15:30Z is 23:30 in Beijing (UTC+8, no daylight saving); 2026-11-28T22:30Z is 06:30 the next morning.
const at = (utc: string) => Date.parse(utc);

describe('update window (Beijing time)', () => {
  it('reads the clock in Beijing, not in the PC zone or UTC', () => {
    expect(beijingMinuteOfDay(at('2026-11-28T15:30:00Z'))).toBe(23 * 60 + 30);
    expect(beijingMinuteOfDay(at('2026-11-28T16:05:00Z'))).toBe(5);
  });

  it('a window within the day is open from `from` (inclusive) to `to` (exclusive)', () => {
    const window = { from: '12:00', to: '13:30' };
    expect(updateWindowState(window, at('2026-11-28T04:00:00Z'))).toEqual({ open: true }); // 12:00
    expect(updateWindowState(window, at('2026-11-28T05:29:00Z'))).toEqual({ open: true }); // 13:29
    expect(updateWindowState(window, at('2026-11-28T05:30:00Z'))).toEqual({ open: false, opensAt: '12:00' }); // 13:30
    // 11:59 UTC is 19:59 in Beijing: closed, though 11:59 would be just before the window in UTC terms.
    expect(updateWindowState(window, at('2026-11-28T12:30:00Z'))).toEqual({ open: false, opensAt: '12:00' });
  });

  it('a window may cross midnight', () => {
    const window = { from: '22:00', to: '06:00' };
    expect(updateWindowState(window, at('2026-11-28T15:30:00Z'))).toEqual({ open: true }); // 23:30
    expect(updateWindowState(window, at('2026-11-28T21:59:00Z'))).toEqual({ open: true }); // 05:59 next day
    expect(updateWindowState(window, at('2026-11-28T22:30:00Z'))).toEqual({ open: false, opensAt: '22:00' }); // 06:30
    expect(updateWindowState(window, at('2026-11-28T06:00:00Z'))).toEqual({ open: false, opensAt: '22:00' }); // 14:00
  });

  it('no window, or from equal to to, is any time', () => {
    expect(updateWindowState(undefined, at('2026-11-28T06:00:00Z'))).toEqual({ open: true });
    expect(updateWindowState({ from: '03:00', to: '03:00' }, at('2026-11-28T06:00:00Z'))).toEqual({ open: true });
  });
});
