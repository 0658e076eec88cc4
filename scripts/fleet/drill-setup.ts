/**
 * What both fleet drills (drill.ts on real services processes,
 * drill-in-process.ts on SyncServices in this process) set up the same way:
 * their options and hard time limit, a temporary folder, the reference
 * backend in its own process (drill-backend.ts, driven over IPC), the fleet
 * admin, the release signing keys, the log with the drill's clock, and the
 * bounded wait that reports progress.
 */
import { fork } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { FleetAdmin } from '../../fixtures/backend/fleet/admin-client';
import { generateSm2KeyPair } from '../../sync/crypto/sm';
import { tempDir } from '../../sync/testing/harness';

/** The version every terminal's shell has built in. */
export const BUILTIN = '1.0.0';

export interface Drill {
  terminals: number;
  gateMs: number;
  checkMs: number;
  dir: { path: string; remove(): void };
  backendUrl: string;
  admin: FleetAdmin;
  releaseKeys: ReturnType<typeof generateSm2KeyPair>;
  startedAt: number;
  log(text: string): void;
  /** Asks the backend process: the ids of the cases it holds, or to close. */
  command<T>(cmd: 'caseIds' | 'close'): Promise<T>;
  /** Closes the backend process and the folder, and exits with the verdict. */
  finish(ok: boolean): Promise<never>;
}

/** Options (`--terminals`, `--gate-ms`, `--check-ms`, `--limit-s`) with each drill's defaults; the backend started. */
export async function startDrill(defaults: { gateMs: number; limitS: number }): Promise<Drill> {
  const { values } = parseArgs({
    options: {
      terminals: { type: 'string', default: '50' },
      'gate-ms': { type: 'string', default: String(defaults.gateMs) },
      'check-ms': { type: 'string', default: '3000' },
      'limit-s': { type: 'string', default: String(defaults.limitS) },
    },
  });
  const checkMs = Number(values['check-ms']);
  const hardStop = setTimeout(() => {
    process.stderr.write(`fleet drill hit its ${values['limit-s']} s limit\n`);
    process.exit(2);
  }, Number(values['limit-s']) * 1000);

  const dir = tempDir('fleet-drill-');
  const backendProcess = fork(fileURLToPath(new URL('./drill-backend.ts', import.meta.url)), [], {
    env: { ...process.env, DRILL_BACKEND_DIR: join(dir.path, 'backend'), DRILL_CHECK_MS: String(checkMs) },
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  // The backend must not outlive the drill, whatever way the drill ends.
  process.on('exit', () => backendProcess.kill());
  let nextId = 1;
  const pending = new Map<number, (value: unknown) => void>();
  const ready = new Promise<string>((resolveReady) => pending.set(0, (url) => resolveReady(url as string)));
  backendProcess.on('message', (message: { id: number; result: unknown }) => {
    pending.get(message.id)?.(message.result);
    pending.delete(message.id);
  });
  const command = <T>(cmd: 'caseIds' | 'close'): Promise<T> => {
    const id = nextId++;
    return new Promise((resolveCommand) => {
      pending.set(id, (value) => resolveCommand(value as T));
      backendProcess.send({ id, cmd });
    });
  };
  const backendUrl = await ready;
  const startedAt = Date.now();
  return {
    terminals: Number(values.terminals),
    gateMs: Number(values['gate-ms']),
    checkMs,
    dir,
    backendUrl,
    admin: new FleetAdmin(backendUrl),
    releaseKeys: generateSm2KeyPair(),
    startedAt,
    log: (text) => process.stdout.write(`[${((Date.now() - startedAt) / 1000).toFixed(1).padStart(5)} s] ${text}\n`),
    command,
    finish: async (ok) => {
      await command('close');
      dir.remove();
      clearTimeout(hardStop);
      process.exit(ok ? 0 : 1);
    },
  };
}

/** Polls until the probe holds, logging `progress()` every 15 s; throws after `timeoutMs`. */
export function drillWait(log: (text: string) => void, progress: () => string, pollMs: number, defaultTimeoutMs: number) {
  return async (what: string, probe: () => boolean | Promise<boolean>, timeoutMs = defaultTimeoutMs): Promise<void> => {
    const deadline = Date.now() + timeoutMs;
    let nextReport = Date.now() + 15_000;
    while (!(await probe())) {
      if (Date.now() > nextReport) {
        log(`waiting for ${what}: ${progress()}`);
        nextReport = Date.now() + 15_000;
      }
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${progress()}`);
      await new Promise((resolveWait) => setTimeout(resolveWait, pollMs));
    }
  };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? 0 : sorted[Math.floor(sorted.length / 2)]!;
}
