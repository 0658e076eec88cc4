/**
 * Test support: the whole services (as both transports reach them, through
 * `dispatch`) on a temporary data folder, against the reference backend on
 * loopback. One set-up for every services test that needs the real peer, so
 * each test says only what is particular to it (printers, profile, sign-in).
 */
import { join } from 'node:path';
import type { CallInput, CallName, CallOutput } from '../../contract/api';
import { silentLogger } from '../../domain/logger';
import { SAMPLE_OFFICERS } from '../../fixtures/backend/officers';
import { startReferenceBackend, type ReferenceBackend, type ReferenceBackendOptions } from '../../fixtures/backend/server';
import { loadConfig, type TerminalConfig } from '../../main/shared/config';
import { tempDir } from '../../sync/testing/harness';
import { createTerminalServices, type TerminalServices } from '../create-services';

export type Call = <K extends CallName>(method: K, params?: CallInput<K>) => Promise<CallOutput<K>>;

/** A call's answer, or its coded error thrown (an Error carrying `code`, `message` and `params`). */
export function caller(services: () => TerminalServices): Call {
  return async (method, params) => {
    const reply = await services().dispatch(method, params);
    if (!reply.ok) throw Object.assign(new Error(reply.error.message), reply.error);
    return reply.result as never;
  };
}

/** The code a refused call carries, or `resolved`. */
export const codeOf = (promise: Promise<unknown>): Promise<string | undefined> => promise.then(() => 'resolved', (error: { code?: string }) => error.code);

/** Polls a probe until it gives a value (bounded; the terminal's loops run on their own). */
export async function until<T>(probe: () => T | undefined | false | Promise<T | undefined | false>, what: string): Promise<T> {
  for (let attempt = 0; attempt < 1500; attempt += 1) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`timed out waiting for ${what}`);
}

export interface LoopbackBackend {
  /** The temporary folder: the backend's data in `backend/`, terminals beside it. */
  dir: string;
  backend: ReferenceBackend;
  close(): Promise<void>;
}

/** A temporary folder and the reference backend on a free loopback port. */
export async function startLoopbackBackend(prefix: string, options: Partial<ReferenceBackendOptions> = {}): Promise<LoopbackBackend> {
  const dir = tempDir(prefix);
  const backend = await startReferenceBackend({ dataDir: join(dir.path, 'backend'), port: 0, ...options });
  return {
    dir: dir.path,
    backend,
    close: async () => {
      await backend.close();
      dir.remove();
    },
  };
}

export interface RunningServices {
  services: TerminalServices;
  config: TerminalConfig;
  call: Call;
  /** Signs a sample officer in (officer-only calls are refused before). */
  signIn(officer?: { account: string; password: string }): Promise<void>;
  close(): Promise<void>;
}

/**
 * The services of one terminal with this environment (`TERMINAL_DATA_DIR`, `TERMINAL_BACKEND_URL`, printers,
 * profile… as `npm start` would pass them).
 */
export async function startServices(env: Record<string, string>, version = '0.0.0-test'): Promise<RunningServices> {
  const config = loadConfig(env);
  const services = await createTerminalServices(config, silentLogger, version);
  const call = caller(() => services);
  return {
    services,
    config,
    call,
    signIn: async (officer = SAMPLE_OFFICERS[0]!) => void (await call('officer.signIn', { account: officer.account, password: officer.password })),
    close: () => services.close(),
  };
}

export interface ServicesOnLoopback extends Omit<RunningServices, 'close'> {
  dir: string;
  backend: ReferenceBackend;
  /** A restart of the services: closed, then started again on the same data (signed out, memory empty); `between` runs while they are down. */
  restart(between?: () => Promise<void>): Promise<void>;
  close(): Promise<void>;
}

/**
 * One terminal's services against its own reference backend: `env` adds to the data folder and the backend's URL.
 * `services`, `config` and `call` follow a restart.
 */
export async function servicesOnLoopback(options: { prefix: string; env?: Record<string, string>; backend?: Partial<ReferenceBackendOptions>; version?: string }): Promise<ServicesOnLoopback> {
  const peer = await startLoopbackBackend(options.prefix, options.backend);
  const env = { TERMINAL_DATA_DIR: join(peer.dir, 'terminal'), TERMINAL_BACKEND_URL: peer.backend.url, ...options.env };
  let running: RunningServices;
  try {
    running = await startServices(env, options.version);
  } catch (error) {
    await peer.close();
    throw error;
  }
  const fixture: ServicesOnLoopback = {
    dir: peer.dir,
    backend: peer.backend,
    services: running.services,
    config: running.config,
    call: caller(() => fixture.services),
    signIn: (officer) => running.signIn(officer),
    restart: async (between) => {
      await running.close();
      await between?.();
      running = await startServices(env, options.version);
      fixture.services = running.services;
      fixture.config = running.config;
    },
    close: async () => {
      await running.close();
      await peer.close();
    },
  };
  return fixture;
}
