import { describe, expect, it } from 'vitest';
import { divorcePeriods, divorceVerdict, isWorkingDay, type WorkCalendar } from './divorce-periods';

// 2026: National Day 1–7 October with 1, 2, 5, 6, 7 as holidays; Saturday 10 October is a make-up working day.
const calendar: WorkCalendar = { holidays: ['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07'], workingWeekends: ['2026-10-10'] };
const none: WorkCalendar = { holidays: [], workingWeekends: [] };

describe('divorce periods', () => {
  it('counts from the day after receipt: received 3 June, cooling-off to 3 July, certificate 4 July to 2 August', () => {
    // 3 July 2026 is a Friday, so the cooling-off ends that day; 2 August is a Sunday, so the window runs on to Monday 3 August.
    expect(divorcePeriods('2026-06-03', none)).toEqual({ coolingOffEnds: '2026-07-03', windowOpens: '2026-07-04', windowCloses: '2026-08-03' });
    // In 2025, 2 August is a Saturday: the window closes on Monday 4 August.
    expect(divorcePeriods('2025-06-03', none)).toEqual({ coolingOffEnds: '2025-07-03', windowOpens: '2025-07-04', windowCloses: '2025-08-04' });
  });

  it('moves a last day that falls in a holiday to the first working day after it', () => {
    // Received 2 September: day 30 is 2 October, a holiday; 3 and 4 October are the weekend, 5–7 holidays.
    expect(divorcePeriods('2026-09-02', calendar).coolingOffEnds).toBe('2026-10-08');
    expect(isWorkingDay('2026-10-10', calendar)).toBe(true);
    expect(isWorkingDay('2026-10-11', calendar)).toBe(false);
  });

  it('judges a day against the window', () => {
    const periods = divorcePeriods('2026-06-03', none);
    expect(divorceVerdict(periods, '2026-07-03')).toBe('cooling-off');
    expect(divorceVerdict(periods, '2026-07-04')).toBe('within-window');
    expect(divorceVerdict(periods, '2026-08-03')).toBe('within-window');
    expect(divorceVerdict(periods, '2026-08-04')).toBe('window-passed');
  });
});
