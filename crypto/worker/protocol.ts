/** Messages between `SmWorker` (worker/client.ts) and the worker thread (worker/sm-worker.ts). */

/** workerData marker: the entry only serves a thread started with it (see sm-worker.ts). */
export const SM_WORKER_ROLE = 'window-terminal/sm-worker';

/**
 * Source runs only (tests, tsx scripts; never the built app): extra
 * `--import` modules for the thread, comma-separated. The Electron-like test
 * project names its node:crypto patch here so the thread runs under it too.
 */
export const SOURCE_WORKER_IMPORTS_ENV = 'WINDOW_TERMINAL_SOURCE_WORKER_IMPORTS';

export type SmRequest =
  /** SM3 of `data`. */
  | { id: number; op: 'sm3'; data: Uint8Array }
  /** SM4-CTR of `data` from counter block `blocks`, less its first `skip` bytes; with `sm3Of: 'output'` also the SM3 of that. */
  | { id: number; op: 'sm4-ctr'; key: Uint8Array; iv: Uint8Array; blocks: number; data: Uint8Array; skip?: number; sm3Of?: 'output' }
  /** Starts a sealing: the plaintext arrives in steps, is encrypted step by step and hashed whole at the end. */
  | { id: number; op: 'seal-begin'; session: number; size: number }
  | { id: number; op: 'seal-step'; session: number; key: Uint8Array; iv: Uint8Array; offset: number; data: Uint8Array }
  | { id: number; op: 'seal-end'; session: number }
  | { id: number; op: 'seal-abort'; session: number };

export type SmResponse = { id: number; ok: true; data?: Uint8Array; hex?: string } | { id: number; ok: false; message: string };
