/**
 * Serves the built renderer from app://terminal/ instead of file://, so the
 * page has a real origin, a CSP header, and no access to the file system.
 */
import { protocol } from 'electron';
import { contentSecurityPolicy } from '../shared/csp';
import type { RendererFileReader } from '../shared/static-files';
import { APP_SCHEME } from './security';

/** Must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: false, stream: false } },
  ]);
}

/**
 * `readFile`: the slot host's reader, which serves the active payload's files checked against its signed list.
 * `cityEvaluationOrigin`: the configured city evaluation page's origin, the one origin the renderer may frame.
 */
export function serveRenderer(readFile: RendererFileReader, cityEvaluationOrigin?: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.host !== 'terminal') return new Response('not found', { status: 404 });
    const file = await readFile(url.pathname);
    if (!file) return new Response('not found', { status: 404 });
    return new Response(new Uint8Array(file.body), {
      headers: {
        'content-type': file.contentType,
        'content-security-policy': contentSecurityPolicy({ cityEvaluationOrigin }),
        'x-content-type-options': 'nosniff',
      },
    });
  });
}
