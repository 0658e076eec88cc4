import { describe, expect, it } from 'vitest';
import { checkBackendUrl } from './backend-url';
import { describeRefusal } from './messages';

describe('backend URL policy', () => {
  it('refuses a packaged terminal without a backend URL, naming the setting', () => {
    const refusal = checkBackendUrl(undefined, { packaged: true });
    expect(refusal).toEqual({ code: 'backend-url-missing', setting: 'backendUrl' });
    const zh = describeRefusal(refusal!, 'zh-CN');
    expect(zh).toContain('请联系系统管理员');
    expect(zh).toContain('backendUrl');
    expect(zh).toContain('TERMINAL_BACKEND_URL');
  });

  it('refuses plain http in a packaged terminal, even to this machine', () => {
    for (const url of ['http://backend.example.gov.cn/api', 'http://127.0.0.1:8787']) {
      expect(checkBackendUrl(url, { packaged: true })).toMatchObject({ code: 'backend-url-insecure', setting: 'backendUrl' });
    }
  });

  it('accepts https in a packaged terminal', () => {
    expect(checkBackendUrl('https://backend.example.gov.cn/api', { packaged: true })).toBeNull();
  });

  it('in development allows the embedded backend and http to loopback only', () => {
    expect(checkBackendUrl(undefined, { packaged: false })).toBeNull();
    expect(checkBackendUrl('http://127.0.0.1:8787', { packaged: false })).toBeNull();
    expect(checkBackendUrl('http://localhost:8787', { packaged: false })).toBeNull();
    expect(checkBackendUrl('http://[::1]:8787', { packaged: false })).toBeNull();
    expect(checkBackendUrl('https://backend.example.gov.cn', { packaged: false })).toBeNull();
    expect(checkBackendUrl('http://10.0.0.5:8787', { packaged: false })).toMatchObject({ code: 'backend-url-insecure' });
    expect(checkBackendUrl('http://127.0.0.1.evil.example:8787', { packaged: false })).toMatchObject({ code: 'backend-url-insecure' });
  });

  it('names the offending address without credentials or path', () => {
    const refusal = checkBackendUrl('http://officer:secret@backend.example.gov.cn/api?token=x', { packaged: true });
    expect(refusal?.value).toBe('http://backend.example.gov.cn');
    const en = describeRefusal(refusal!, 'en');
    expect(en).toContain('backendUrl is http://backend.example.gov.cn');
    expect(en).not.toContain('secret');
  });

  it('refuses other schemes and unparseable values', () => {
    expect(checkBackendUrl('ftp://backend.example.gov.cn', { packaged: false })).toMatchObject({ code: 'backend-url-insecure' });
    expect(checkBackendUrl('not a url', { packaged: true })).toMatchObject({ code: 'backend-url-insecure' });
  });
});
