/**
 * Every error the services report to the renderer travels as a code plus
 * parameters; the renderer turns the code into Chinese (or English) text.
 * Device, sync and document layers define their own codes; this file holds the
 * transport's codes and the error type that carries any of them.
 */
import { isOwnErrorCode, isStorageFull } from '../domain/coded-error';
export const RPC_ERROR_CODES = [
  'rpc-unknown-method',
  'rpc-invalid-params',
  'rpc-malformed-message',
  'rpc-unauthorized',
  /** The services process died and is being restarted; the call did not complete (or its reply was lost). */
  'services-restarting',
  'storage-full',
  'internal-error',
] as const;

/** What the officer reads for one code, in each locale the terminal ships. */
export interface OfficerMessage {
  'zh-CN': string;
  en: string;
}

export interface TerminalErrorShape {
  code: string;
  /** English detail for logs; never shown to the officer as is. */
  message: string;
  params?: Record<string, string | number>;
}

export class TerminalError extends Error implements TerminalErrorShape {
  readonly code: string;
  readonly params?: Record<string, string | number>;

  constructor(code: string, message: string, params?: Record<string, string | number>) {
    super(message);
    this.name = 'TerminalError';
    this.code = code;
    if (params) this.params = params;
  }

  static from(shape: TerminalErrorShape): TerminalError {
    return new TerminalError(shape.code, shape.message, shape.params);
  }
}

/**
 * A kebab-case `code` is already a typed error from a lower layer. Platform
 * errors are named here: a full disk (from any layer that writes) is
 * `storage-full`; anything else is an internal error whose code goes to the log.
 */
export function toErrorShape(error: unknown): TerminalErrorShape {
  const message = error instanceof Error ? error.message : String(error);
  const code = error && typeof error === 'object' && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
  if (code !== undefined && isOwnErrorCode(code)) {
    const shape: TerminalErrorShape = { code, message };
    const params = (error as { params?: unknown }).params;
    if (params && typeof params === 'object') shape.params = params as Record<string, string | number>;
    return shape;
  }
  if (isStorageFull(error)) return { code: 'storage-full', message: `${code}: ${message}` };
  return { code: 'internal-error', message: code ? `${code}: ${message}` : message };
}
