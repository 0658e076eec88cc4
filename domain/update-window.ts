/**
 * The hours in which a terminal may switch to a new version (per-terminal
 * configuration `updates.window`), in Beijing time whatever the PC's own
 * zone. A window may cross midnight (22:00–06:00); `from` equal to `to`
 * means the whole day. No window: any time.
 */
import { beijingMinuteOfDay } from './legal-date';

export const CLOCK_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

export interface UpdateWindow {
  /** HH:MM, Beijing time, inclusive. */
  from: string;
  /** HH:MM, Beijing time, exclusive. */
  to: string;
}

export type UpdateWindowState = { open: true } | { open: false; opensAt: string };

function minutes(clock: string): number {
  const [hours, mins] = clock.split(':').map(Number);
  return hours! * 60 + mins!;
}

/** Is the window open at this instant; if not, the Beijing time it opens at (what the status bar says). */
export function updateWindowState(window: UpdateWindow | undefined, at: number | Date = Date.now()): UpdateWindowState {
  if (!window) return { open: true };
  const from = minutes(window.from);
  const to = minutes(window.to);
  const now = beijingMinuteOfDay(at);
  const open = from === to || (from < to ? now >= from && now < to : now >= from || now < to);
  return open ? { open: true } : { open: false, opensAt: window.from };
}
