/**
 * The error every layer raises for something the officer must hear about:
 * a code (the renderer turns it into Chinese), an English detail for the log,
 * and optional parameters for the message. The contract carries any error
 * with a kebab-case `code` as it is.
 */
export class CodedError<C extends string = string> extends Error {
  readonly code: C;
  readonly detail: string;
  readonly params: Record<string, string | number> | undefined;

  constructor(code: C, detail: string, params?: Record<string, string | number>) {
    super(`${code}: ${detail}`);
    this.code = code;
    this.detail = detail;
    this.params = params;
  }
}

/** Our codes are kebab-case; upper-case ones (ENOSPC, SQLITE_FULL) come from the platform. */
export function isOwnErrorCode(code: string): boolean {
  return /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(code);
}

/**
 * The disk is full: SQLite says SQLITE_FULL (and has rolled its transaction
 * back), the file system ENOSPC or EDQUOT. Nothing was written; the same
 * action succeeds once space is freed.
 */
export function isStorageFull(error: unknown): boolean {
  const code = typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
  return code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT';
}
