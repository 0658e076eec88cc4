import { describe, expect, it } from 'vitest';
import { OUTSTANDING_ITEMS } from '../../../domain/registry/outstanding';
import { i18n } from './index';

describe("what a registry case's business still lacks, on screen", () => {
  it('names every outstanding item in Chinese and in English', () => {
    const { t, te } = i18n.global;
    for (const item of OUTSTANDING_ITEMS) {
      const key = `registryCase.outstanding.${item}`;
      expect(te(key, 'zh-CN') && te(key, 'en'), key).toBe(true);
      expect(t(key, {}, { locale: 'zh-CN' })).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});
