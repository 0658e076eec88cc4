import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeHidPosReports, HidPosAssembler, type HidPosParse, type HidPosReport, parseHidPosReport } from './hid-pos-codec';

function reportOf(parsed: HidPosParse): HidPosReport {
  if (!parsed.ok) throw new Error(parsed.detail);
  return parsed.report;
}

/**
 * Written by hand from the example in the Access-IS LSR116 manual (appendix A):
 * a boarding-pass code longer than one report, in two reports, symbology "]Q0", byte 61 's',
 * byte 63 = 1 on the first report and 0 on the second.
 */
function handWrittenReports(code: string): [Uint8Array, Uint8Array] {
  const bytes = Array.from(code, (c) => c.charCodeAt(0));
  const first = new Uint8Array(64);
  first.set([0x02, 56, 0x5d, 0x51, 0x30]);
  first.set(bytes.slice(0, 56), 5);
  first[61] = 0x73;
  first[63] = 0x01;
  const second = new Uint8Array(64);
  second.set([0x02, bytes.length - 56, 0x5d, 0x51, 0x30]);
  second.set(bytes.slice(56), 5);
  second[61] = 0x73;
  return [first, second];
}

describe('parseHidPosReport', () => {
  it('reads the two-report example from a vendor manual', () => {
    const code = 'M1GATHERGOOD/MICHAEL YABCDEF LHRDURAK 3542 052Y003D23  0001';
    expect(code).toHaveLength(59);
    const [first, second] = handWrittenReports(code);
    const a = parseHidPosReport(first);
    const b = parseHidPosReport(second);
    expect(a).toMatchObject({ ok: true, report: { symbologyId: ']Q0', continued: true } });
    expect(b).toMatchObject({ ok: true, report: { symbologyId: ']Q0', continued: false } });
    const assembler = new HidPosAssembler();
    expect(assembler.push(reportOf(a))).toBeUndefined();
    const scan = assembler.push(reportOf(b));
    expect(scan?.type).toBe('scan');
    expect(new TextDecoder().decode((scan as { data: Uint8Array }).data)).toBe(code);
  });

  it('ignores other report IDs and refuses lengths that do not fit', () => {
    expect(parseHidPosReport(Uint8Array.from([0x04, 1, 2, 3]))).toMatchObject({ ok: false, ignored: true });
    expect(parseHidPosReport(new Uint8Array(0))).toMatchObject({ ok: false, ignored: false });
    expect(parseHidPosReport(Uint8Array.from([0x02, 3]))).toMatchObject({ ok: false, ignored: false });
    const tooLong = new Uint8Array(64);
    tooLong.set([0x02, 57]);
    expect(parseHidPosReport(tooLong)).toMatchObject({ ok: false, ignored: false });
    expect(parseHidPosReport(Uint8Array.from([0x02, 10, 0x5d, 0x51, 0x31, 0x41]))).toMatchObject({ ok: false, ignored: false });
  });

  it('accepts a short report that carries no continuation byte', () => {
    expect(parseHidPosReport(Uint8Array.from([0x02, 2, 0, 0, 0, 0x41, 0x42]))).toEqual({ ok: true, report: { symbologyId: '', data: Uint8Array.from([0x41, 0x42]), continued: false } });
  });

  it('never throws on arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 80 }), (bytes) => {
        const result = parseHidPosReport(bytes);
        if (result.ok) expect(result.report.data.length).toBeLessThanOrEqual(56);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('HidPosAssembler', () => {
  it('round-trips any code through reports of 56 data bytes', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 400 }), { minLength: 1, maxLength: 5 }), (codes) => {
        const assembler = new HidPosAssembler();
        for (const code of codes) {
          const reports = encodeHidPosReports(code);
          expect(reports).toHaveLength(Math.max(1, Math.ceil(code.length / 56)));
          const results = reports.map((r) => {
            const parsed = parseHidPosReport(r);
            if (!parsed.ok) throw new Error(parsed.detail);
            return assembler.push(parsed.report);
          });
          expect(results.slice(0, -1).every((r) => r === undefined)).toBe(true);
          expect(results.at(-1)).toEqual({ type: 'scan', symbologyId: ']Q1', data: code });
        }
      }),
      { numRuns: 300 },
    );
  });

  it('drops a code longer than its cap and reports how much was lost', () => {
    const assembler = new HidPosAssembler(100);
    const reports = encodeHidPosReports(new Uint8Array(200).fill(0x41));
    const results = reports.map((r) => assembler.push(reportOf(parseHidPosReport(r))));
    expect(results.at(-1)).toEqual({ type: 'overflow', droppedBytes: 200 });
    const next = encodeHidPosReports(Uint8Array.from([0x42]))[0] as Uint8Array;
    expect(assembler.push(reportOf(parseHidPosReport(next)))).toMatchObject({ type: 'scan', data: Uint8Array.from([0x42]) });
  });
});
