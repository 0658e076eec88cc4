import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkIdNumber, idNumberCheckCharacter, looksLikeIdNumber } from './id-number';

describe('GB 11643 MOD 11-2', () => {
  // Worked by hand: weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2, check = "10X98765432"[sum mod 11].
  it.each([
    ['11010519491231002', 'X'], // the standard's own example
    ['44052419800101001', '3'], // 7·4+9·4+5·5+8·2+4·4+2·1+1·9+6·8+9·1+5·1+2·1 = 196, 196 mod 11 = 9 → '3'
    ['31010419850312003', 'X'],
    ['64010219600705002', '2'],
    ['93125019900704002', '7'],
    ['81000019920815001', '9'],
  ])('check character of %s is %s', (first17, expected) => {
    expect(idNumberCheckCharacter(first17)).toBe(expected);
    expect(checkIdNumber(first17 + expected)).toEqual({ ok: true });
  });

  it('reports a wrong check digit with what it should be', () => {
    expect(checkIdNumber('110105197701011235')).toEqual({ ok: false, reason: 'check-digit', expected: '4', actual: '5' });
  });

  it('accepts a lower-case x and rejects other shapes', () => {
    expect(checkIdNumber('11010519491231002x')).toEqual({ ok: true });
    expect(checkIdNumber('1101051949123100')).toEqual({ ok: false, reason: 'format' });
    expect(checkIdNumber('USA310079112301')).toEqual({ ok: false, reason: 'format' });
    expect(looksLikeIdNumber('11010519491231002X')).toBe(true);
    expect(idNumberCheckCharacter('12345')).toBeNull();
  });

  it('detects every single-digit substitution', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{17}$/), fc.integer({ min: 0, max: 16 }), fc.integer({ min: 1, max: 9 }), (body, at, delta) => {
        const number = body + (idNumberCheckCharacter(body) as string);
        expect(checkIdNumber(number).ok).toBe(true);
        const digit = (Number(number[at]) + delta) % 10;
        const changed = number.slice(0, at) + String(digit) + number.slice(at + 1);
        expect(checkIdNumber(changed).ok).toBe(false);
      }),
    );
  });
});
