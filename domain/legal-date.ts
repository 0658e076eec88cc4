/**
 * Legal dates (registration, receipt, form and cooling-off dates) are calendar
 * dates in Beijing, whatever time zone the counter PC is set to:
 * `toISOString().slice(0, 10)` is the UTC date, which is yesterday in Beijing
 * before 08:00, and `getDate()` follows the PC's own zone.
 */
export const LEGAL_TIME_ZONE = 'Asia/Shanghai';

// en-CA formats as YYYY-MM-DD; built once, since constructing a formatter is slow.
const formatter = new Intl.DateTimeFormat('en-CA', { timeZone: LEGAL_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/** The Asia/Shanghai calendar date (YYYY-MM-DD) of an instant (epoch milliseconds or a Date); now by default. */
export function beijingDate(at: number | Date = Date.now()): string {
  const parts = formatter.formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes): string => parts.find((entry) => entry.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

const clockFormatter = new Intl.DateTimeFormat('en-GB', { timeZone: LEGAL_TIME_ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** Minutes since midnight in Beijing (0–1439) of an instant, whatever the PC's own zone. */
export function beijingMinuteOfDay(at: number | Date = Date.now()): number {
  const parts = clockFormatter.formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.find((entry) => entry.type === type)?.value ?? 0);
  return part('hour') * 60 + part('minute');
}
