import { describe, expect, it } from 'vitest';
import { crossCheck, findIdNumbers, findLabelledName } from './ocr-cross-check';

// What tesseract (chi_sim + eng) made of a photographed ID card copy, spaces and all.
const READ = `姓名 欧阳 春燕\n\n性 别 女 民族 汉\n\n出 生 1990 年 1 月 1 日\n\n住址 上 海 市 黄浦 区 中 山南 路 100 号\n\n公民 身份 呈 码 ”310104199001011233\n`;

describe('OCR cross-check', () => {
  it('finds the ID number and the labelled name in text as OCR gives it', () => {
    expect(findIdNumbers(READ)).toEqual(['310104199001011233']);
    expect(findLabelledName(READ)).toBe('欧阳春燕');
  });

  it('reads digits OCR took for letters, and keeps only numbers that pass the check character', () => {
    expect(findIdNumbers('公民身份号码 3lO1O4 19900101 1233')).toEqual(['310104199001011233']);
    expect(findIdNumbers('号码 310104199001011234')).toEqual([]);
    expect(findIdNumbers('电话 13800000000 310104199001011233 21')).toEqual(['310104199001011233']);
  });

  it('agrees with a form that says what the page says', () => {
    expect(crossCheck(READ, { name: '欧阳春燕', idNumber: '310104199001011233' }).warnings).toEqual([]);
  });

  it('warns naming the field, with what the page said, when the form differs', () => {
    const result = crossCheck(READ, { name: '欧阳春花', idNumber: '31010519961102002X' });
    expect(result.warnings).toEqual([
      { code: 'ocr-id-number-mismatch', field: 'idNumber', params: { found: '310104199001011233' } },
      { code: 'ocr-name-mismatch', field: 'name', params: { found: '欧阳春燕' } },
    ]);
  });

  it('says what it could not read rather than guessing', () => {
    expect(crossCheck('模糊不清的页面', { name: '张三', idNumber: '310104199001011233' }).warnings).toEqual([
      { code: 'ocr-id-number-not-read', field: 'idNumber' },
      { code: 'ocr-name-not-read', field: 'name' },
    ]);
  });
});
