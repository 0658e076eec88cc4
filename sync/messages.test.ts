import { describe, expect, it } from 'vitest';
import { SYNC_ERROR_CODES } from './errors';
import { splitReason, SYNC_MESSAGES } from './messages';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

describe('officer messages', () => {
  it('exist in Chinese and English for every sync error code', () => {
    for (const code of SYNC_ERROR_CODES) {
      expect(SYNC_MESSAGES[code]?.['zh-CN'], code).toMatch(/[\u4e00-\u9fff]/);
      expect(SYNC_MESSAGES[code]?.en, code).toMatch(/[a-z]/);
    }
  });

  it('exist for every rejection reason the reference backend can give', () => {
    const source = readFileSync(fileURLToPath(new URL('../fixtures/backend/server.ts', import.meta.url)), 'utf8');
    const reasons = [...source.matchAll(/status: 'rejected', reason: '([a-z-]+)/g)].map((match) => match[1]!);
    const withField = [...source.matchAll(/reason: `([a-z-]+):/g)].map((match) => match[1]!);
    expect(reasons.length).toBeGreaterThan(5);
    for (const reason of [...reasons, ...withField]) expect(SYNC_MESSAGES[reason], reason).toBeDefined();
  });

  it('splits a reason from its parameter', () => {
    expect(splitReason('form-field-missing:phone')).toEqual({ code: 'form-field-missing', param: 'phone' });
    expect(splitReason('service-item-retired')).toEqual({ code: 'service-item-retired' });
  });
});
