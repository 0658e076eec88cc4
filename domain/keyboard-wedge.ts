/**
 * Telling a scanner in keyboard-wedge mode from a person at the keyboard, by
 * key timing alone. Pure: the renderer feeds key strokes (KeyboardEvent.key
 * and timeStamp) and a clock; nothing here touches the DOM or timers.
 *
 * Why timing works: a wedge scanner "types" a whole code in one burst, a few
 * milliseconds per character (USB keyboard reports every 1–10 ms), usually
 * followed by Enter. A person rarely keeps three gaps in a row under 50 ms:
 * fast typists average 100–200 ms per key and only overlapping key presses
 * (roll-over) produce isolated short gaps. So a segment is a scan when it has
 * at least `minLength` characters, every gap is at most `maxInterKeyMs` and
 * the mean gap is at most `maxMeanInterKeyMs`.
 */

export interface KeyStroke {
  /** KeyboardEvent.key: a single character, or a name such as 'Enter', 'Shift', 'Backspace'. */
  key: string;
  /** Milliseconds on any monotonic clock (KeyboardEvent.timeStamp). */
  time: number;
}

export interface WedgeOptions {
  /** A longer gap ends the burst. */
  maxInterKeyMs: number;
  /** Mean gap over the whole burst, so one lucky pair of fast keys never decides. */
  maxMeanInterKeyMs: number;
  /** Characters, not counting the terminator. */
  minLength: number;
  /** Keys the scanner sends after the code (its "suffix"). */
  terminators: string[];
  /** When true, a fast burst without a terminator is not a scan (for scanners configured to send Enter). */
  requireTerminator: boolean;
}

export const DEFAULT_WEDGE_OPTIONS: WedgeOptions = {
  maxInterKeyMs: 50,
  maxMeanInterKeyMs: 25,
  minLength: 4,
  terminators: ['Enter'],
  requireTerminator: false,
};

/** Keys a scanner presses around characters (Shift for capitals) that carry no text and no timing meaning. */
const MODIFIERS = new Set(['Shift', 'Control', 'Alt', 'AltGraph', 'CapsLock', 'Meta', 'NumLock', 'Fn']);

export type WedgeVerdict =
  | { kind: 'scan'; text: string; terminator?: string; startTime: number; endTime: number }
  | { kind: 'typing'; reason: 'too-short' | 'too-slow' | 'no-terminator' | 'other-key'; text: string };

function isCharacter(key: string): boolean {
  if (typeof key !== 'string' || key.length === 0) return false;
  let count = 0;
  for (const _ of key) if (++count > 1) return false;
  return true;
}

/**
 * Classifies one finished segment: characters and modifiers, optionally ended
 * by one terminator. Gaps are measured between characters (and to the terminator).
 */
export function classifyKeyBurst(strokes: readonly KeyStroke[], options: WedgeOptions = DEFAULT_WEDGE_OPTIONS): WedgeVerdict {
  let text = '';
  let terminator: string | undefined;
  const times: number[] = [];
  for (const stroke of strokes) {
    if (!stroke || typeof stroke.key !== 'string' || !Number.isFinite(stroke.time)) return { kind: 'typing', reason: 'other-key', text };
    if (MODIFIERS.has(stroke.key)) continue;
    if (terminator !== undefined) return { kind: 'typing', reason: 'other-key', text };
    if (options.terminators.includes(stroke.key)) {
      terminator = stroke.key;
      times.push(stroke.time);
    } else if (isCharacter(stroke.key)) {
      text += stroke.key;
      times.push(stroke.time);
    } else {
      return { kind: 'typing', reason: 'other-key', text };
    }
  }
  const length = [...text].length;
  if (length < options.minLength) return { kind: 'typing', reason: 'too-short', text };
  if (options.requireTerminator && terminator === undefined) return { kind: 'typing', reason: 'no-terminator', text };
  let total = 0;
  for (let i = 1; i < times.length; i++) {
    const gap = (times[i] as number) - (times[i - 1] as number);
    if (gap < 0 || gap > options.maxInterKeyMs) return { kind: 'typing', reason: 'too-slow', text };
    total += gap;
  }
  const mean = times.length > 1 ? total / (times.length - 1) : 0;
  if (mean > options.maxMeanInterKeyMs) return { kind: 'typing', reason: 'too-slow', text };
  const verdict: WedgeVerdict = { kind: 'scan', text, startTime: times[0] as number, endTime: times[times.length - 1] as number };
  if (terminator !== undefined) verdict.terminator = terminator;
  return verdict;
}

/**
 * Cuts a live key stream into segments and classifies each: a segment ends at
 * a terminator, at a gap longer than `maxInterKeyMs`, or at any other
 * non-character key. The caller calls `flush(now)` from a timer so a burst
 * without a terminator is reported once the keyboard has gone quiet.
 */
export class KeyboardWedgeDetector {
  private segment: KeyStroke[] = [];
  private lastTime: number | undefined;
  private readonly options: WedgeOptions;

  constructor(options: Partial<WedgeOptions> = {}) {
    this.options = { ...DEFAULT_WEDGE_OPTIONS, ...options };
  }

  push(stroke: KeyStroke): WedgeVerdict[] {
    const out: WedgeVerdict[] = [];
    if (!stroke || typeof stroke.key !== 'string' || !Number.isFinite(stroke.time)) return out;
    if (MODIFIERS.has(stroke.key)) {
      if (this.segment.length > 0) this.segment.push(stroke);
      return out;
    }
    if (this.lastTime !== undefined && (stroke.time - this.lastTime > this.options.maxInterKeyMs || stroke.time < this.lastTime)) {
      this.close(out);
    }
    const isTerminator = this.options.terminators.includes(stroke.key);
    if (isTerminator) {
      this.segment.push(stroke);
      this.close(out);
      this.lastTime = undefined;
      return out;
    }
    if (!isCharacter(stroke.key)) {
      this.close(out);
      this.lastTime = undefined;
      return out;
    }
    this.segment.push(stroke);
    this.lastTime = stroke.time;
    return out;
  }

  /** Ends the current segment if the keyboard has been quiet long enough. */
  flush(now: number): WedgeVerdict[] {
    const out: WedgeVerdict[] = [];
    if (this.lastTime !== undefined && now - this.lastTime > this.options.maxInterKeyMs) {
      this.close(out);
      this.lastTime = undefined;
    }
    return out;
  }

  private close(out: WedgeVerdict[]): void {
    const hasContent = this.segment.some((s) => !MODIFIERS.has(s.key));
    if (hasContent) out.push(classifyKeyBurst(this.segment, this.options));
    this.segment = [];
  }
}
