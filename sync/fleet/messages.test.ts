import { describe, expect, it } from 'vitest';
import { FLEET_ERROR_CODES } from './fleet-error';
import { FLEET_MESSAGES } from './messages';

describe('fleet messages', () => {
  it('has zh-CN and English text for every code', () => {
    for (const code of FLEET_ERROR_CODES) {
      expect(FLEET_MESSAGES[code]['zh-CN'].length, code).toBeGreaterThan(0);
      expect(FLEET_MESSAGES[code].en.length, code).toBeGreaterThan(0);
    }
    expect(FLEET_MESSAGES['update-ready']['zh-CN']).toBe('新版本已就绪，空闲时更新');
  });
});
