import { describe, expect, it } from 'vitest';
import { describeLocation, terminalLocation } from './terminal-location';

const now = new Date('2026-11-28T02:00:00Z');
const fix = { latitude: 31.239689, longitude: 121.499664, accuracyMetres: 20, at: '2026-11-28T01:58:00Z' };

describe('door-to-door location', () => {
  it('is the device position while its fix is fresh', () => {
    expect(terminalLocation(fix, '上海市黄浦区中山东一路1号', now)).toEqual({ source: 'geolocation', ...fix });
    expect(describeLocation(terminalLocation(fix, undefined, now)!)).toBe('31.23969, 121.49966 (±20 m)');
  });

  it('falls back to the configured address without a fix, or with a stale or future-dated one', () => {
    const address = '上海市黄浦区中山东一路1号';
    expect(terminalLocation(undefined, address, now)).toEqual({ source: 'configured-address', address });
    expect(terminalLocation({ ...fix, at: '2026-11-28T01:40:00Z' }, address, now)).toEqual({ source: 'configured-address', address });
    expect(terminalLocation({ ...fix, at: '2026-11-28T03:00:00Z' }, address, now)).toEqual({ source: 'configured-address', address });
    expect(terminalLocation({ ...fix, at: 'not a date' }, address, now)).toEqual({ source: 'configured-address', address });
  });

  it('is none with neither', () => {
    expect(terminalLocation(undefined, undefined, now)).toBeUndefined();
  });
});
