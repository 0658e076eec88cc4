import { describe, expect, it } from 'vitest';
import { looksLikeCountryCode, nationalityInChinese, partyNationality } from './nationality';

describe('nationality in Chinese', () => {
  it('names countries by their Chinese short name', () => {
    expect(nationalityInChinese('FRA')).toBe('法国');
    expect(nationalityInChinese('usa')).toBe('美国');
    expect(nationalityInChinese('GBR')).toBe('英国');
    expect(nationalityInChinese('KOR')).toBe('韩国');
    expect(nationalityInChinese('COD')).toBe('刚果（金）');
  });
  it('reads the codes only passports carry', () => {
    expect(nationalityInChinese('D<<')).toBe('德国');
    expect(nationalityInChinese('GBD')).toBe('英国');
    expect(nationalityInChinese('XXA')).toBe('无国籍');
  });
  it('gives HK, Macao and Taiwan residents Chinese nationality', () => {
    for (const code of ['HKG', 'MAC', 'TWN', 'CHN']) expect(nationalityInChinese(code)).toBe('中国');
    expect(partyNationality('gat-residence', undefined)).toBe('中国');
    expect(partyNationality('resident', undefined)).toBe('中国');
  });
  it('knows no name for a code no one issues, so nothing prints a code', () => {
    expect(nationalityInChinese('UTO')).toBeUndefined();
    expect(nationalityInChinese('ZZZ')).toBeUndefined();
    expect(nationalityInChinese(undefined)).toBeUndefined();
    expect(partyNationality('passport', 'FRA')).toBe('法国');
    expect(partyNationality('foreign-permanent-2017', 'USA')).toBe('美国');
  });
  it('finds nothing for names of object properties', () => {
    expect(nationalityInChinese('constructor')).toBeUndefined();
  });

  it('tells a code from a name', () => {
    expect(looksLikeCountryCode('FRA')).toBe(true);
    expect(looksLikeCountryCode('D<<')).toBe(true);
    expect(looksLikeCountryCode('法国')).toBe(false);
  });
});
