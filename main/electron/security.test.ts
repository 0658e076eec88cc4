import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({}));
const { frameNavigationAllowed, grantedPermissions } = await import('./security');

describe('frame navigation in the Electron shell', () => {
  it('keeps the main frame on the app', () => {
    expect(frameNavigationAllowed('app://terminal/index.html', true)).toBe(true);
    expect(frameNavigationAllowed('https://pj.example.gov.cn/evaluate', true, 'https://pj.example.gov.cn')).toBe(false);
  });

  it('lets a subframe show the configured city evaluation origin only', () => {
    expect(frameNavigationAllowed('https://pj.example.gov.cn/evaluate?id=1', false, 'https://pj.example.gov.cn')).toBe(true);
    expect(frameNavigationAllowed('https://evil.example.com/', false, 'https://pj.example.gov.cn')).toBe(false);
    expect(frameNavigationAllowed('https://pj.example.gov.cn.evil.example.com/', false, 'https://pj.example.gov.cn')).toBe(false);
    expect(frameNavigationAllowed('https://pj.example.gov.cn/evaluate', false)).toBe(false);
    expect(frameNavigationAllowed('not a url', false, 'https://pj.example.gov.cn')).toBe(false);
  });
});

describe('permissions', () => {
  it('grants geolocation to a door-to-door pad only', () => {
    expect([...grantedPermissions({ doorToDoor: false })]).toEqual(['media']);
    expect([...grantedPermissions({ doorToDoor: true })].sort()).toEqual(['geolocation', 'media']);
  });
});
