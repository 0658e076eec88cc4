import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KeyboardWedgeDetector, type KeyStroke } from './keyboard-wedge';
import { MrzLineAssembler, mrzDateToIso, normaliseMrzLines, parseMrz } from './mrz';

// ICAO Doc 9303 specimens (part 4 appendix, part 5 appendix), copied by hand from the spec.
const TD3 = ['P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C36UTO7408122F1204159ZE184226B<<<<<10'];
const TD1 = ['I<UTOD231458907<<<<<<<<<<<<<<<', '7408122F1204159UTO<<<<<<<<<<<6', 'ERIKSSON<<ANNA<MARIA<<<<<<<<<<'];
const TD2 = ['I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<', 'D231458907UTO7408122F1204159<<<<<<<6'];
const TODAY = new Date('2026-01-15T00:00:00Z');

/** ICAO 9303 part 3 check digit (weights 7,3,1), written independently of the library for these tests. */
function checkDigit(text: string): string {
  const weights = [7, 3, 1];
  let sum = 0;
  [...text].forEach((ch, i) => {
    const v = ch === '<' ? 0 : /\d/.test(ch) ? Number(ch) : ch.charCodeAt(0) - 55;
    sum += v * (weights[i % 3] as number);
  });
  return String(sum % 10);
}

describe('parseMrz', () => {
  it('reads the TD3 passport specimen', () => {
    const r = parseMrz(TD3.join('\r\n'), { today: TODAY });
    expect(r).toMatchObject({
      ok: true,
      format: 'TD3',
      documentCode: 'P',
      issuingState: 'UTO',
      documentNumber: 'L898902C3',
      surname: 'ERIKSSON',
      givenNames: 'ANNA MARIA',
      nationality: 'UTO',
      birthDate: '1974-08-12',
      sex: 'female',
      expiryDate: '2012-04-15',
      expired: true,
      optionalData: 'ZE184226B',
      checkDigits: { documentNumber: true, birthDate: true, expiryDate: true, personalNumber: true, composite: true },
      problems: [],
    });
    // The specimen's state 'UTO' is fictional: a warning, not an error.
    expect(r.warnings.map((w) => w.code)).toEqual(['mrz-unknown-state', 'mrz-unknown-state']);
  });

  it('reads the TD1 card specimen', () => {
    const r = parseMrz(TD1, { today: TODAY });
    expect(r).toMatchObject({
      ok: true,
      format: 'TD1',
      documentCode: 'I',
      documentNumber: 'D23145890',
      surname: 'ERIKSSON',
      givenNames: 'ANNA MARIA',
      birthDate: '1974-08-12',
      sex: 'female',
      expiryDate: '2012-04-15',
      checkDigits: { documentNumber: true, birthDate: true, expiryDate: true, composite: true },
    });
  });

  it('reads the TD2 layout', () => {
    const r = parseMrz(TD2, { today: TODAY });
    expect(r).toMatchObject({ ok: true, format: 'TD2', documentNumber: 'D23145890', surname: 'ERIKSSON', birthDate: '1974-08-12' });
  });

  it('names the field whose check digit is wrong, for every check digit of TD3', () => {
    const cases: [number, string][] = [
      [9, 'documentNumber'],
      [19, 'birthDate'],
      [27, 'expiryDate'],
      [42, 'personalNumber'],
      [43, 'composite'],
    ];
    for (const [position, field] of cases) {
      const line = TD3[1] as string;
      const wrong = String((Number(line[position]) + 1) % 10);
      const corrupted = [TD3[0] as string, line.slice(0, position) + wrong + line.slice(position + 1)];
      const r = parseMrz(corrupted, { today: TODAY });
      expect(r.ok, field).toBe(false);
      expect(r.checkDigits[field as keyof typeof r.checkDigits], field).toBe(false);
      expect(r.problems.filter((p) => p.code === 'mrz-check-digit').map((p) => p.field), field).toEqual(field === 'composite' ? ['composite'] : [field, 'composite']);
      // What was read is still shown to the officer.
      expect(r.documentNumber).toBe('L898902C3');
    }
  });

  it('catches a misread character in the data (not the check digit)', () => {
    const r = parseMrz([TD3[0] as string, (TD3[1] as string).replace('L898902C3', 'L898902G3')], { today: TODAY });
    expect(r.ok).toBe(false);
    expect(r.checkDigits.documentNumber).toBe(false);
  });

  it('corrupts TD1 check digits and reports them', () => {
    const line2 = TD1[1] as string;
    const r = parseMrz([TD1[0] as string, `${line2.slice(0, 6)}3${line2.slice(7)}`, TD1[2] as string], { today: TODAY });
    expect(r.ok).toBe(false);
    expect(r.checkDigits.birthDate).toBe(false);
  });

  it('accepts typing: lower case, spaces, one long line', () => {
    const typed = TD3.join('').toLowerCase().replace(/(.{11})/g, '$1 ');
    const r = parseMrz(typed, { today: TODAY });
    expect(r.ok).toBe(true);
    expect(r.lines).toEqual(TD3);
  });

  it('gives typed problems, never an exception, for junk', () => {
    expect(parseMrz('').problems[0]?.code).toBe('mrz-empty');
    expect(parseMrz('hello world!').problems[0]?.code).toBe('mrz-invalid-characters');
    expect(parseMrz(['P<UTO', 'ABC']).problems[0]?.code).toBe('mrz-format-unknown');
    expect(parseMrz(undefined as unknown as string).problems[0]?.code).toBe('mrz-empty');
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 200 }), fc.array(fc.string({ unit: fc.constantFrom(...'ABCXYZ0123456789<'), minLength: 30, maxLength: 44 }), { minLength: 1, maxLength: 3 })), (input) => {
        const r = parseMrz(input);
        expect(typeof r.ok).toBe('boolean');
        if (!r.ok) expect(r.problems.length).toBeGreaterThan(0);
      }),
      { numRuns: 2000 },
    );
  });

  it('accepts every generated TD3 whose check digits are right, and refuses it once a digit is changed', () => {
    const letters = (min: number, max: number) => fc.string({ unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'), minLength: min, maxLength: max });
    const alnum = (n: number) => fc.string({ unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'), minLength: n, maxLength: n });
    const day = fc.date({ min: new Date('1930-01-01T00:00:00Z'), max: new Date('2025-12-31T00:00:00Z'), noInvalidDate: true });
    fc.assert(
      fc.property(letters(2, 12), letters(2, 12), alnum(9), day, fc.constantFrom('M', 'F', '<'), fc.integer({ min: 0, max: 9 }), (surname, given, number, birth, sex, mutation) => {
        const yymmdd = (d: Date) => d.toISOString().slice(2, 10).replaceAll('-', '');
        const line1 = `P<CHN${surname}<<${given}`.padEnd(44, '<');
        const dob = yymmdd(birth);
        const expiry = '300101';
        const personal = '<'.repeat(14);
        const partA = `${number}${checkDigit(number)}`;
        const partB = `${dob}${checkDigit(dob)}`;
        const partC = `${expiry}${checkDigit(expiry)}${personal}${checkDigit(personal)}`;
        const composite = checkDigit(partA + partB + partC);
        const line2 = `${partA}CHN${partB}${sex}${partC}${composite}`;
        const good = parseMrz([line1, line2], { today: TODAY });
        expect(good.problems).toEqual([]);
        expect(good).toMatchObject({ ok: true, surname, givenNames: given, documentNumber: number, birthDate: birth.toISOString().slice(0, 10), nationality: 'CHN' });
        const bad = `${line2.slice(0, 9)}${(Number(line2[9]) + 1 + mutation % 9) % 10}${line2.slice(10)}`;
        expect(parseMrz([line1, bad], { today: TODAY }).ok).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});

describe('mrzDateToIso', () => {
  it('puts birth dates in the past and expiry dates up to 50 years ahead', () => {
    expect(mrzDateToIso('740812', 'past', TODAY)).toBe('1974-08-12');
    expect(mrzDateToIso('250101', 'past', TODAY)).toBe('2025-01-01');
    expect(mrzDateToIso('270101', 'past', TODAY)).toBe('1927-01-01');
    expect(mrzDateToIso('350101', 'future', TODAY)).toBe('2035-01-01');
    expect(mrzDateToIso('991231', 'future', TODAY)).toBe('1999-12-31');
    expect(mrzDateToIso('740230', 'past', TODAY)).toBeUndefined();
    expect(mrzDateToIso('74<<<<', 'past', TODAY)).toBeUndefined();
  });
});

describe('normaliseMrzLines', () => {
  it('splits on any line break and cuts a single long line', () => {
    expect(normaliseMrzLines(`${TD1[0]}\r${TD1[1]}\n${TD1[2]}\r\n`)).toEqual(TD1);
    expect(normaliseMrzLines(TD1.join(''))).toEqual(TD1);
  });
});

describe('MrzLineAssembler', () => {
  it('hands out a zone when its last line arrives, for every format', () => {
    for (const lines of [TD3, TD1, TD2]) {
      const a = new MrzLineAssembler();
      const results = lines.map((l) => a.push(l));
      expect(results.slice(0, -1)).toEqual(lines.slice(0, -1).map(() => undefined));
      expect(results.at(-1)?.lines).toEqual(lines);
      expect(a.pending).toBe(false);
    }
  });

  it('drops a stray half zone and junk lines so the next read is clean', () => {
    const a = new MrzLineAssembler();
    expect(a.push(TD3[1] as string)).toBeUndefined(); // line 2 of an earlier, broken read
    expect(a.push(TD3[0] as string)).toBeUndefined();
    expect(a.push(TD3[1] as string)?.format).toBe('TD3');
    expect(a.push(TD1[0] as string)).toBeUndefined();
    expect(a.push('garbage!')).toBeUndefined();
    expect(a.push(TD1[1] as string)).toBeUndefined();
    expect(a.push(TD1[2] as string)).toBeUndefined();
    for (const l of TD1.slice(0, 2)) expect(a.push(l)).toBeUndefined();
    expect(a.push(TD1[2] as string)?.format).toBe('TD1');
  });
});

describe('passport reader in keyboard mode', () => {
  it('goes from key strokes to a parsed zone: wedge bursts, then the assembler, then parseMrz', () => {
    const detector = new KeyboardWedgeDetector();
    const assembler = new MrzLineAssembler();
    const zones: string[][] = [];
    let t = 0;
    const strokes: KeyStroke[] = [];
    for (const line of TD1) {
      for (const ch of line) {
        if (ch >= 'A' && ch <= 'Z') strokes.push({ key: 'Shift', time: t });
        strokes.push({ key: ch, time: (t += 3) });
      }
      strokes.push({ key: 'Enter', time: (t += 3) });
      t += 20;
    }
    for (const s of strokes) {
      for (const verdict of detector.push(s)) {
        if (verdict.kind !== 'scan') continue;
        const zone = assembler.push(verdict.text);
        if (zone) zones.push(zone.lines);
      }
    }
    expect(zones).toEqual([TD1]);
    expect(parseMrz(zones[0] as string[], { today: TODAY })).toMatchObject({ ok: true, format: 'TD1', surname: 'ERIKSSON' });
  });
});
