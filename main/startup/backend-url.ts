/**
 * Which central backend a terminal may talk to. A packaged terminal must be
 * told where the backend is (it never falls back to the embedded reference
 * backend) and must reach it over TLS: personal data crosses that link.
 * In development, the embedded backend (no setting) and plain http to this
 * machine are allowed, so `npm start` and the tests run without certificates.
 */
import type { StartupRefusal } from './messages';

export const BACKEND_URL_SETTING = 'backendUrl';

export function checkBackendUrl(backendUrl: string | undefined, { packaged }: { packaged: boolean }): StartupRefusal | null {
  if (backendUrl === undefined || backendUrl === '') {
    return packaged ? { code: 'backend-url-missing', setting: BACKEND_URL_SETTING } : null;
  }
  let url: URL;
  try {
    url = new URL(backendUrl);
  } catch {
    return { code: 'backend-url-insecure', setting: BACKEND_URL_SETTING, value: backendUrl };
  }
  if (url.protocol === 'https:') return null;
  if (url.protocol === 'http:' && !packaged && isLoopbackHost(url.hostname)) return null;
  return { code: 'backend-url-insecure', setting: BACKEND_URL_SETTING, value: url.origin };
}

export function isLoopbackHost(hostname: string): boolean {
  if (hostname === 'localhost' || hostname === '[::1]') return true;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);
}
