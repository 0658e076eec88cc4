import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyKeyBurst, KeyboardWedgeDetector, type KeyStroke, type WedgeVerdict } from './keyboard-wedge';

const printable = fc.string({ unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789,.:/?=&-_<'), minLength: 4, maxLength: 120 });

/** A scanner types each character 0–20 ms after the last, pressing Shift before capitals, then Enter. */
function scannerStrokes(text: string, gaps: number[], start: number, withTerminator: boolean): KeyStroke[] {
  const strokes: KeyStroke[] = [];
  let t = start;
  [...text].forEach((ch, i) => {
    if (i > 0) t += gaps[i % gaps.length] as number;
    if (ch >= 'A' && ch <= 'Z') strokes.push({ key: 'Shift', time: t });
    strokes.push({ key: ch, time: t });
  });
  if (withTerminator) strokes.push({ key: 'Enter', time: t + (gaps[0] as number) });
  return strokes;
}

function feed(detector: KeyboardWedgeDetector, strokes: KeyStroke[], quietAt: number): WedgeVerdict[] {
  const out: WedgeVerdict[] = [];
  for (const s of strokes) out.push(...detector.push(s));
  out.push(...detector.flush(quietAt));
  return out;
}

/**
 * A person: gaps are "normal" (60–1500 ms) or roll-over (0–45 ms, overlapping
 * presses), never three roll-overs in a row; now and then Backspace, Enter or
 * Tab. This is the model of human typing the thresholds rely on.
 */
const humanStrokes = fc
  .array(
    fc.record({
      key: fc.oneof({ weight: 10, arbitrary: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789 ') }, { weight: 1, arbitrary: fc.constantFrom('Backspace', 'Enter', 'Tab', 'Shift') }),
      rollover: fc.boolean(),
      fast: fc.integer({ min: 0, max: 45 }),
      slow: fc.integer({ min: 60, max: 1500 }),
    }),
    { minLength: 1, maxLength: 200 },
  )
  .map((keys) => {
    const strokes: KeyStroke[] = [];
    let t = 1000;
    let rollovers = 0;
    for (const k of keys) {
      const useFast = k.rollover && rollovers < 2;
      rollovers = useFast ? rollovers + 1 : 0;
      t += useFast ? k.fast : k.slow;
      strokes.push({ key: k.key, time: t });
    }
    return strokes;
  });

describe('KeyboardWedgeDetector', () => {
  it('reports every scanner-like burst as exactly one scan with its text', () => {
    fc.assert(
      fc.property(printable, fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 1, maxLength: 10 }), fc.boolean(), (text, gaps, withTerminator) => {
        const detector = new KeyboardWedgeDetector();
        const strokes = scannerStrokes(text, gaps, 5000, withTerminator);
        const verdicts = feed(detector, strokes, (strokes.at(-1) as KeyStroke).time + 1000);
        expect(verdicts).toHaveLength(1);
        expect(verdicts[0]).toMatchObject({ kind: 'scan', text });
        if (withTerminator) expect(verdicts[0]).toMatchObject({ terminator: 'Enter' });
      }),
      { numRuns: 1000 },
    );
  });

  it('never reports human typing as a scan', () => {
    fc.assert(
      fc.property(humanStrokes, (strokes) => {
        const detector = new KeyboardWedgeDetector();
        const verdicts = feed(detector, strokes, (strokes.at(-1) as KeyStroke).time + 5000);
        expect(verdicts.filter((v) => v.kind === 'scan')).toEqual([]);
      }),
      { numRuns: 1000 },
    );
  });

  it('finds a scan in the middle of typing and leaves the typing around it alone', () => {
    fc.assert(
      fc.property(humanStrokes, printable, humanStrokes, (before, code, after) => {
        const detector = new KeyboardWedgeDetector();
        const start = (before.at(-1) as KeyStroke).time + 200;
        const scan = scannerStrokes(code, [3, 7, 12], start, true);
        const shift = (scan.at(-1) as KeyStroke).time + 200 - (after[0] as KeyStroke).time;
        const later = after.map((s) => ({ key: s.key, time: s.time + shift }));
        const verdicts = feed(detector, [...before, ...scan, ...later], (later.at(-1) as KeyStroke).time + 5000);
        expect(verdicts.filter((v) => v.kind === 'scan')).toEqual([expect.objectContaining({ text: code, terminator: 'Enter' })]);
      }),
      { numRuns: 300 },
    );
  });

  it('reads a passport reader typing MRZ lines, each ended by Enter, as separate scans', () => {
    const lines = ['P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C36UTO7408122F1204159ZE184226B<<<<<10'];
    const detector = new KeyboardWedgeDetector();
    const strokes = [...scannerStrokes(lines[0] as string, [4], 0, true), ...scannerStrokes(lines[1] as string, [4], 400, true)];
    const verdicts = feed(detector, strokes, 10_000);
    expect(verdicts.map((v) => v.text)).toEqual(lines);
    expect(verdicts.every((v) => v.kind === 'scan')).toBe(true);
  });

  it('waits for quiet before reporting a burst without terminator', () => {
    const detector = new KeyboardWedgeDetector();
    for (const s of scannerStrokes('123456', [5], 0, false)) expect(detector.push(s)).toEqual([]);
    expect(detector.flush(40)).toEqual([]);
    expect(detector.flush(100)).toEqual([expect.objectContaining({ kind: 'scan', text: '123456' })]);
    expect(detector.flush(200)).toEqual([]);
  });

  it('honours requireTerminator and minLength', () => {
    const strict = new KeyboardWedgeDetector({ requireTerminator: true });
    expect(feed(strict, scannerStrokes('123456', [5], 0, false), 1000)).toEqual([expect.objectContaining({ kind: 'typing', reason: 'no-terminator' })]);
    const long = new KeyboardWedgeDetector({ minLength: 10 });
    expect(feed(long, scannerStrokes('123456', [5], 0, true), 1000)).toEqual([expect.objectContaining({ kind: 'typing', reason: 'too-short' })]);
  });
});

describe('classifyKeyBurst', () => {
  it('rejects a burst whose mean gap is too long even if each gap is short enough', () => {
    const strokes = [0, 40, 80, 120, 160].map((time, i) => ({ key: String(i), time }));
    expect(classifyKeyBurst(strokes)).toMatchObject({ kind: 'typing', reason: 'too-slow' });
  });

  it('rejects junk strokes without throwing', () => {
    expect(classifyKeyBurst([{ key: 'a', time: Number.NaN }])).toMatchObject({ kind: 'typing' });
    expect(classifyKeyBurst([null as unknown as KeyStroke])).toMatchObject({ kind: 'typing' });
    expect(classifyKeyBurst([{ key: 'Enter', time: 0 }, { key: 'a', time: 1 }])).toMatchObject({ kind: 'typing', reason: 'other-key' });
    expect(classifyKeyBurst([{ key: 'b', time: 5 }, { key: 'a', time: 1 }, { key: 'c', time: 6 }, { key: 'd', time: 7 }])).toMatchObject({ kind: 'typing', reason: 'too-slow' });
  });
});
