/**
 * The slot host with the shell's defaults: slots under the data folder, the
 * SM3 of slot files computed in the crypto worker (the shell's event loop
 * keeps serving while a payload is verified), the pinned release keys.
 */
import { join } from 'node:path';
import { smWorker } from '../../crypto/worker/client';
import type { Logger } from '../../domain/logger';
import { APP_VERSION } from '../shared/version';
import { DEFAULT_HEALTH_GATE_MS } from './health-gate';
import { SlotHost } from './slot-host';

export const HEALTH_GATE_ENV = 'TERMINAL_HEALTH_GATE_MS';

export function shellSlotHost(options: { dataDir: string; builtinDir: string; pinnedKeys: readonly string[]; logger: Logger; env?: NodeJS.ProcessEnv }): SlotHost {
  const gate = Number(options.env?.[HEALTH_GATE_ENV]);
  const worker = smWorker();
  return new SlotHost({
    root: join(options.dataDir, 'slots'),
    builtinDir: options.builtinDir,
    pinnedKeys: options.pinnedKeys,
    builtinVersion: APP_VERSION,
    shellVersion: APP_VERSION,
    channel: 'stable',
    sm3: (bytes) => worker.sm3Hex(bytes),
    logger: options.logger,
    gateMs: Number.isFinite(gate) && gate >= 1_000 ? gate : DEFAULT_HEALTH_GATE_MS,
  });
}
