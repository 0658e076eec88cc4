import { describe, expect, it } from 'vitest';
import { checkCityEvaluationOrigin } from './city-evaluation-origin';
import { describeRefusal } from './messages';
import { configSchema } from '../shared/config';
import { contentSecurityPolicy } from '../shared/csp';

describe('city evaluation origin policy', () => {
  it('is optional: without it page mode is off', () => {
    expect(checkCityEvaluationOrigin(undefined, { packaged: true })).toBeNull();
  });

  it('accepts https in a packaged terminal and refuses plain http, even to this machine, naming the setting', () => {
    expect(checkCityEvaluationOrigin('https://pj.example.gov.cn', { packaged: true })).toBeNull();
    for (const origin of ['http://pj.example.gov.cn', 'http://127.0.0.1:8787']) {
      const refusal = checkCityEvaluationOrigin(origin, { packaged: true });
      expect(refusal).toMatchObject({ code: 'city-evaluation-origin-insecure', setting: 'cityEvaluationOrigin', value: origin });
      expect(describeRefusal(refusal!, 'zh-CN')).toContain('cityEvaluationOrigin');
    }
  });

  it('in development allows plain http to loopback only', () => {
    expect(checkCityEvaluationOrigin('http://127.0.0.1:8787', { packaged: false })).toBeNull();
    expect(checkCityEvaluationOrigin('http://localhost:8787', { packaged: false })).toBeNull();
    expect(checkCityEvaluationOrigin('http://pj.example.gov.cn', { packaged: false })).toMatchObject({ code: 'city-evaluation-origin-insecure' });
  });

  it('the configuration takes an origin only (no path), normalised', () => {
    const base = { dataDir: '/tmp/x' };
    expect(configSchema.parse({ ...base, cityEvaluationOrigin: 'https://PJ.example.gov.cn/' }).cityEvaluationOrigin).toBe('https://pj.example.gov.cn');
    for (const bad of ['https://pj.example.gov.cn/evaluate', 'ftp://pj.example.gov.cn', 'pj.example.gov.cn', "https://pj.example.gov.cn 'unsafe-inline'"]) {
      expect(configSchema.safeParse({ ...base, cityEvaluationOrigin: bad }).success, bad).toBe(false);
    }
  });
});

describe('renderer CSP', () => {
  it('frames nothing without a configured origin, and only that origin with one', () => {
    expect(contentSecurityPolicy()).toContain("frame-src 'none'");
    const policy = contentSecurityPolicy({ connect: ['ws://127.0.0.1:1'], cityEvaluationOrigin: 'https://pj.example.gov.cn' });
    expect(policy.split('; ')).toContain('frame-src https://pj.example.gov.cn');
    expect(policy).toContain("connect-src 'self' ws://127.0.0.1:1");
    expect(policy).toContain("frame-ancestors 'none'");
  });
});
