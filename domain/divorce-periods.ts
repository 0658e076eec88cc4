/**
 * Divorce by agreement (Civil Code art. 1077): after the registry receives the
 * joint application, 30 days in which either party may withdraw; then 30
 * days in which both must come for the certificate, or the application
 * counts as withdrawn. Counting starts the day after receipt, and a period
 * whose last day is not a working day ends on the next working day
 * (arts. 201, 203). Holidays and make-up working days come from the
 * backend's configuration, because they change every year.
 */
export interface WorkCalendar {
  /** Statutory holidays, YYYY-MM-DD. */
  holidays: readonly string[];
  /** Weekend days that are working days (make-up days). */
  workingWeekends: readonly string[];
}

export interface DivorcePeriods {
  /** Last day of the cooling-off period. */
  coolingOffEnds: string;
  /** First and last day on which the certificate may be issued. */
  windowOpens: string;
  windowCloses: string;
}

export type DivorceVerdict = 'within-window' | 'cooling-off' | 'window-passed';

export function isWorkingDay(date: string, calendar: WorkCalendar): boolean {
  if (calendar.holidays.includes(date)) return false;
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return (weekday !== 0 && weekday !== 6) || calendar.workingWeekends.includes(date);
}

export function divorcePeriods(receivedOn: string, calendar: WorkCalendar): DivorcePeriods {
  const coolingOffEnds = nextWorkingDay(addDays(receivedOn, 30), calendar);
  const windowOpens = addDays(coolingOffEnds, 1);
  return { coolingOffEnds, windowOpens, windowCloses: nextWorkingDay(addDays(coolingOffEnds, 30), calendar) };
}

export function divorceVerdict(periods: DivorcePeriods, on: string): DivorceVerdict {
  if (on < periods.windowOpens) return 'cooling-off';
  if (on > periods.windowCloses) return 'window-passed';
  return 'within-window';
}

function nextWorkingDay(date: string, calendar: WorkCalendar): string {
  let day = date;
  while (!isWorkingDay(day, calendar)) day = addDays(day, 1);
  return day;
}

function addDays(date: string, days: number): string {
  const at = new Date(`${date}T00:00:00Z`);
  at.setUTCDate(at.getUTCDate() + days);
  return at.toISOString().slice(0, 10);
}
