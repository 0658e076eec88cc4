/**
 * The renderer's Content Security Policy, shared by both entries. No inline
 * scripts, no eval, nothing fetched from outside the terminal. The only frame
 * a page may hold is the city's evaluation page, from the one origin the
 * terminal's configuration names (checked at start-up: ../startup/city-evaluation-origin.ts);
 * without it no frame loads at all and the evaluation falls back to the terminal's own page.
 */
export interface CspOptions {
  /** Extra `connect-src` sources (the web host's own WebSocket). */
  connect?: string[];
  /** The configured city evaluation origin (`cityEvaluationOrigin`), the only `frame-src`. */
  cityEvaluationOrigin?: string | undefined;
}

export function contentSecurityPolicy(options: CspOptions = {}): string {
  const connect = options.connect ?? [];
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "media-src 'self' blob: mediastream:",
    "font-src 'self'",
    `connect-src 'self' ${connect.join(' ')}`.trim(),
    options.cityEvaluationOrigin ? `frame-src ${options.cityEvaluationOrigin}` : "frame-src 'none'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}
