/**
 * Starts the SM worker thread. In the built app electron-vite turns the
 * `?nodeWorker` import into a factory for the worker's own bundle (a chunk
 * beside the importing one in out/main), which works the same in plain Node,
 * Electron's main process and a utility process. Run from source (Vitest,
 * tsx scripts) the import resolves to the TypeScript module itself, which
 * has no default export: then the thread loads the source through tsx.
 */
import { Worker } from 'node:worker_threads';
import * as bundled from './sm-worker?nodeWorker';
import { SM_WORKER_ROLE, SOURCE_WORKER_IMPORTS_ENV } from './protocol';

export function spawnSmWorker(): Worker {
  const workerData = { role: SM_WORKER_ROLE };
  const create = (bundled as { default?: unknown }).default;
  if (typeof create === 'function') return (create as (options: { workerData: unknown }) => Worker)({ workerData });
  const imports = (process.env[SOURCE_WORKER_IMPORTS_ENV] ?? '').split(',').filter(Boolean);
  return new Worker(new URL('./sm-worker.ts', import.meta.url), { workerData, execArgv: ['--import', 'tsx', ...imports.flatMap((module) => ['--import', module])] });
}
