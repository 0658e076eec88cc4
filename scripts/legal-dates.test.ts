import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { beijingDate } from '../domain/legal-date';

const run = promisify(execFile);
const PROBE = new URL('./testing/legal-date-probe.ts', import.meta.url).pathname;

/** Runs the probe in a fresh process whose time zone is `zone`, its clock fixed at `at`. */
async function datesIn(zone: string, at: number): Promise<Record<string, unknown>> {
  const { stdout } = await run(process.execPath, ['--import', 'tsx', PROBE, String(at)], { env: { ...process.env, TZ: zone }, timeout: 30_000 });
  return JSON.parse(stdout) as Record<string, unknown>;
}

describe('legal dates are Beijing calendar dates', () => {
  it('at 23:30 UTC the date is the next Beijing day, in a UTC and a Shanghai process alike', async () => {
    const at = Date.UTC(2026, 2, 14, 23, 30);
    const [utc, shanghai] = await Promise.all([datesIn('UTC', at), datesIn('Asia/Shanghai', at)]);
    expect(utc.zone).toBe('UTC');
    expect(shanghai.zone).toBe('Asia/Shanghai');
    for (const seen of [utc, shanghai]) {
      expect(seen).toMatchObject({ today: '2026-03-15', cardExpired: true, passportBirthDate: '1974-08-12' });
    }
  });

  it('turns at Beijing midnight (16:00 UTC), across a year end', () => {
    expect(beijingDate(Date.UTC(2026, 11, 31, 15, 59, 59))).toBe('2026-12-31');
    expect(beijingDate(Date.UTC(2026, 11, 31, 16, 0, 0))).toBe('2027-01-01');
    expect(beijingDate(new Date(Date.UTC(2027, 0, 1, 8)))).toBe('2027-01-01');
  });
});
