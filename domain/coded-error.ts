/**
 * The error every layer raises for something the officer must hear about:
 * a code (the renderer turns it into Chinese), an English detail for the log,
 * and optional parameters for the message. The contract carries any error
 * with a string `code` as it is.
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
