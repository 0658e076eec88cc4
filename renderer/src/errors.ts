import { i18n } from './i18n';

export interface ShownError {
  code: string;
  text: string;
}

/** Turns anything a call rejected with into the officer's words. */
export function describeError(error: unknown): ShownError {
  const code = typeof error === 'object' && error && 'code' in error && typeof error.code === 'string' ? error.code : 'internal-error';
  const params = typeof error === 'object' && error && 'params' in error && error.params && typeof error.params === 'object' ? (error.params as Record<string, unknown>) : {};
  const { t, te } = i18n.global;
  const key = `errors.${code}`;
  return { code, text: te(key) ? t(key, params) : t('errors.unknown', { code }) };
}

/** The `field:problem` entries of a `case-invalid` error; empty for any other error. */
export function fieldProblemsOf(error: unknown): string[] {
  const fields = typeof error === 'object' && error && 'params' in error ? (error.params as { fields?: unknown } | undefined)?.fields : undefined;
  return typeof fields === 'string' && fields !== '' ? fields.split(',') : [];
}
