import { describe, expect, it } from 'vitest';
import { ETHNICITIES, ethnicityName } from './ethnicity';

describe('GB/T 3304 ethnicity names', () => {
  it('has the 56 groups plus 97 and 98', () => {
    const codes = Object.keys(ETHNICITIES);
    expect(codes).toHaveLength(58);
    for (let i = 1; i <= 56; i++) expect(codes).toContain(String(i).padStart(2, '0'));
    expect(new Set(Object.values(ETHNICITIES)).size).toBe(58);
  });

  it.each([
    ['01', '汉族'],
    ['1', '汉族'],
    ['03', '回族'],
    ['05', '维吾尔族'],
    ['29', '柯尔克孜族'],
    ['43', '乌孜别克族'],
    ['56', '基诺族'],
    ['97', '其他'],
    ['98', '外国血统中国籍人士'],
  ])('%s is %s', (code, name) => {
    expect(ethnicityName(code)).toBe(name);
  });

  it('knows nothing of other codes', () => {
    expect(ethnicityName('57')).toBeUndefined();
    expect(ethnicityName('')).toBeUndefined();
    expect(ethnicityName('toString')).toBeUndefined();
  });
});
