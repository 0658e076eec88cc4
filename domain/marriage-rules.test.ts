import { describe, expect, it } from 'vitest';
import { fullYearsOn, marriageProblems, type MarriageParty } from './marriage-rules';

const man = (birthDate: string, idNumber = '310104200401150011'): MarriageParty => ({ name: '张伟', sex: '男', birthDate, idNumber });
const woman = (birthDate: string, idNumber = '310105200601150022'): MarriageParty => ({ name: '李娜', sex: '女', birthDate, idNumber });

describe('marriage rules', () => {
  it('counts whole years, a birthday on the day itself included', () => {
    expect(fullYearsOn('2004-11-23', '2026-11-23')).toBe(22);
    expect(fullYearsOn('2004-11-24', '2026-11-23')).toBe(21);
    // Born on 29 February: of age on 1 March in a common year, not on 28 February.
    expect(fullYearsOn('2004-02-29', '2026-02-28')).toBe(21);
    expect(fullYearsOn('2004-02-29', '2026-03-01')).toBe(22);
    expect(fullYearsOn('2004-13-01', '2026-03-01')).toBeUndefined();
  });

  it('lets a man of 22 and a woman of 20 marry on the day they come of age', () => {
    expect(marriageProblems([man('2004-11-23'), woman('2006-11-23')], '2026-11-23')).toEqual([]);
  });

  it('names each party under the legal age with the age they are', () => {
    expect(marriageProblems([man('2004-11-24'), woman('2006-11-24')], '2026-11-23')).toEqual([
      { code: 'marriage-under-age', party: 0, minimumAge: 22, age: 21 },
      { code: 'marriage-under-age', party: 1, minimumAge: 20, age: 19 },
    ]);
  });

  it('refuses the same person twice and two parties of one sex', () => {
    expect(marriageProblems([man('1990-01-01', 'X1'), { ...man('1990-01-01', 'x1') }], '2026-11-23')).toEqual([{ code: 'marriage-same-person' }, { code: 'marriage-same-sex' }]);
    expect(marriageProblems([woman('1990-01-01'), woman('1992-01-01', '310105199201010023')], '2026-11-23')).toEqual([{ code: 'marriage-same-sex' }]);
  });

  it('does not judge what is not filled in yet', () => {
    expect(marriageProblems([{ name: '', sex: '', birthDate: '', idNumber: '' }, { name: '', sex: '', birthDate: '', idNumber: '' }], '2026-11-23')).toEqual([]);
  });
});
