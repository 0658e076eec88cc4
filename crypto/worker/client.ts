/**
 * The services' side of the SM worker thread: one thread per process,
 * started on first use, restarted on the next call after it died (calls in
 * flight then fail with the reason). The thread keeps the process alive only
 * while calls are in flight. Inputs are copied once into the message; results
 * come back without a copy.
 */
import type { Worker } from 'node:worker_threads';
import type { SmRequest, SmResponse } from './protocol';
import { spawnSmWorker } from './spawn';

type Request = SmRequest extends infer R ? (R extends SmRequest ? Omit<R, 'id'> : never) : never;

/** One material being sealed: encrypted step by step, hashed whole at the end. */
export interface SmSealing {
  /** SM4-CTR of the plaintext step at `offset` (a multiple of 16). */
  step(key: Uint8Array, iv: Uint8Array, offset: number, data: Uint8Array): Promise<Uint8Array>;
  /** SM3 (hex) of the whole plaintext; fails unless every byte came through `step`. */
  end(): Promise<string>;
  abort(): Promise<void>;
}

export interface SmWorker {
  sm3Hex(data: Uint8Array): Promise<string>;
  /** SM4-CTR from counter block `blocks`, less its first `skip` bytes, and the SM3 of that. */
  sm4CtrWithSm3(key: Uint8Array, iv: Uint8Array, blocks: number, data: Uint8Array, skip?: number): Promise<{ data: Uint8Array; sm3Hex: string }>;
  beginSealing(size: number): Promise<SmSealing>;
  /** Stops the thread; the next call starts a new one. */
  close(): Promise<void>;
}

/** A copy with its own buffer, to transfer (Buffer#slice would share memory, and a pooled Buffer's buffer holds other data). */
const copyOf = (data: Uint8Array): Uint8Array => new Uint8Array(data);

export function createSmWorker(spawn: () => Worker = spawnSmWorker): SmWorker {
  let worker: Worker | undefined;
  let nextId = 1;
  let nextSession = 1;
  const pending = new Map<number, { resolve: (response: SmResponse & { ok: true }) => void; reject: (error: Error) => void }>();

  function failAll(error: Error): void {
    for (const call of pending.values()) call.reject(error);
    pending.clear();
  }

  function thread(): Worker {
    if (worker) return worker;
    const started = spawn();
    started.unref();
    started.on('message', (response: SmResponse) => {
      const call = pending.get(response.id);
      if (!call) return;
      pending.delete(response.id);
      if (pending.size === 0) started.unref();
      if (response.ok) call.resolve(response);
      else call.reject(new Error(`SM worker: ${response.message}`));
    });
    started.on('error', (error) => {
      if (worker === started) worker = undefined;
      failAll(new Error(`SM worker failed: ${error.message}`));
    });
    started.on('exit', (code) => {
      if (worker === started) worker = undefined;
      failAll(new Error(`SM worker exited (code ${code})`));
    });
    worker = started;
    return started;
  }

  function call(request: Request, transfer: ArrayBuffer[] = []): Promise<SmResponse & { ok: true }> {
    const target = thread();
    const id = nextId++;
    return new Promise((resolve, reject) => {
      if (pending.size === 0) target.ref();
      pending.set(id, { resolve, reject });
      target.postMessage({ ...request, id }, transfer);
    });
  }

  return {
    async sm3Hex(data) {
      const input = copyOf(data);
      return (await call({ op: 'sm3', data: input }, [input.buffer as ArrayBuffer])).hex!;
    },
    async sm4CtrWithSm3(key, iv, blocks, data, skip = 0) {
      const input = copyOf(data);
      const response = await call({ op: 'sm4-ctr', key, iv, blocks, data: input, skip, sm3Of: 'output' }, [input.buffer as ArrayBuffer]);
      return { data: response.data!, sm3Hex: response.hex! };
    },
    async beginSealing(size) {
      const session = nextSession++;
      await call({ op: 'seal-begin', session, size });
      return {
        async step(key, iv, offset, data) {
          const input = copyOf(data);
          return (await call({ op: 'seal-step', session, key, iv, offset, data: input }, [input.buffer as ArrayBuffer])).data!;
        },
        async end() {
          return (await call({ op: 'seal-end', session })).hex!;
        },
        async abort() {
          await call({ op: 'seal-abort', session }).catch(() => undefined);
        },
      };
    },
    async close() {
      const stopping = worker;
      worker = undefined;
      if (stopping) await stopping.terminate();
    },
  };
}

let shared: SmWorker | undefined;

/** The process's SM worker. */
export function smWorker(): SmWorker {
  shared ??= createSmWorker();
  return shared;
}
