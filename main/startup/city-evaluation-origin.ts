/**
 * Which city evaluation page a terminal may show (好差评 page mode). The page
 * runs in a sandboxed frame, and the renderer's CSP admits frames from this
 * one origin only, so the origin is as trusted as the backend: a packaged
 * terminal takes it over TLS only; in development plain http to this machine
 * is allowed, so the reference backend's sample page serves `npm start` and
 * the tests. No setting: page mode is off and the terminal's own page rates.
 */
import { isLoopbackHost } from './backend-url';
import type { StartupRefusal } from './messages';

export const CITY_EVALUATION_ORIGIN_SETTING = 'cityEvaluationOrigin';

export function checkCityEvaluationOrigin(origin: string | undefined, { packaged }: { packaged: boolean }): StartupRefusal | null {
  if (origin === undefined) return null;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return { code: 'city-evaluation-origin-insecure', setting: CITY_EVALUATION_ORIGIN_SETTING, value: origin };
  }
  if (url.protocol === 'https:') return null;
  if (url.protocol === 'http:' && !packaged && isLoopbackHost(url.hostname)) return null;
  return { code: 'city-evaluation-origin-insecure', setting: CITY_EVALUATION_ORIGIN_SETTING, value: url.origin };
}
