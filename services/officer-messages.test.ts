import { describe, expect, it } from 'vitest';
import { isOwnErrorCode } from '../domain/coded-error';
import { OFFICER_MESSAGES } from './officer-messages';

describe('officer messages', () => {
  it('every code a layer defines passes the contract boundary as itself, with words in both locales', () => {
    expect(Object.keys(OFFICER_MESSAGES).filter((code) => !isOwnErrorCode(code))).toEqual([]);
    expect(Object.entries(OFFICER_MESSAGES).filter(([, text]) => !text['zh-CN'] || !text.en).map(([code]) => code)).toEqual([]);
  });
});
