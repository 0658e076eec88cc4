/**
 * The registry businesses' calls to the centre. A divorce application, its
 * withdrawal and its registration, and a look-up in the registration index
 * are shared state across every registry in the city, so they are asked
 * online and answered at once; the centre's refusals become the desk's own
 * coded errors, and a centre that cannot be reached is one clear error (the
 * business is not done, nothing is printed, and the registrar can try again).
 */
import { TerminalError } from '../../contract/errors';

export interface CentrePort {
  backendRequest<T = unknown>(method: string, path: string, options?: { body?: unknown; timeoutMs?: number }): Promise<{ data: T }>;
}

/** A desk waits this long for the centre before saying it cannot be reached. */
const CENTRE_TIMEOUT_MS = 5_000;

/** The centre's refusals the desk explains in its own words (the rest are shown as a refusal with the centre's code). */
const KNOWN_REFUSALS = new Set([
  'divorce-application-pending',
  'divorce-application-not-today',
  'divorce-application-same-person',
  'divorce-application-not-found',
  'divorce-application-not-pending',
  'divorce-withdrawal-too-late',
  'divorce-withdrawal-not-party',
  'divorce-cooling-off',
  'marriage-not-today',
]);

export async function askCentre<T>(centre: CentrePort, path: string, body: unknown): Promise<T> {
  try {
    return (await centre.backendRequest<T>('POST', path, { body, timeoutMs: CENTRE_TIMEOUT_MS })).data;
  } catch (error) {
    const code = error && typeof error === 'object' && 'code' in error ? String(error.code) : '';
    const reason = (error as { params?: { reason?: unknown } }).params?.reason;
    if (code === 'request-rejected' && typeof reason === 'string') {
      if (KNOWN_REFUSALS.has(reason)) throw new TerminalError(`registry-${reason}`, `the centre refused: ${reason}`);
      // The centre's schema refused what was sent: said in words, not as its code (the desk checks first; this is what slips past).
      if (reason === 'invalid-payload') throw new TerminalError('registry-centre-invalid-payload', 'the centre refused the data as malformed');
      throw new TerminalError('registry-centre-refused', `the centre refused: ${reason}`, { reason });
    }
    throw new TerminalError('registry-centre-unreachable', `the centre could not be reached: ${code || (error as Error).message}`, { cause: code || 'unknown' });
  }
}
