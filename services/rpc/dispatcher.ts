/**
 * Validates and routes one call from either transport to the services. It is
 * the single place where untrusted renderer input meets the services, so it
 * never throws: every failure becomes an error reply with a code.
 */
import { calls, isCallName, type CallInput, type CallName, type CallOutput } from '../../contract/api';
import { toErrorShape } from '../../contract/errors';
import type { Dispatch } from '../../contract/wire';
import type { Logger } from '../../domain/logger';

export type Handlers = {
  [K in CallName]: (input: CallInput<K>) => Promise<CallOutput<K>> | CallOutput<K>;
};

export type { Dispatch };

export function createDispatcher(handlers: Handlers, logger: Logger): Dispatch {
  return async (method, params) => {
    if (!isCallName(method)) {
      logger.warn('rpc: unknown method', { method: String(method).slice(0, 80) });
      return { ok: false, error: { code: 'rpc-unknown-method', message: `unknown method ${String(method).slice(0, 80)}` } };
    }
    const parsed = calls[method].input.safeParse(params);
    if (!parsed.success) {
      const detail = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; ');
      logger.warn('rpc: invalid params', { method, detail });
      return { ok: false, error: { code: 'rpc-invalid-params', message: detail } };
    }
    try {
      const handler = handlers[method] as (input: unknown) => unknown;
      return { ok: true, result: await handler(parsed.data) };
    } catch (error) {
      const shape = toErrorShape(error);
      const log = shape.code === 'internal-error' ? logger.error : logger.warn;
      log.call(logger, 'rpc: call failed', { method, code: shape.code, detail: shape.message });
      return { ok: false, error: shape };
    }
  };
}
