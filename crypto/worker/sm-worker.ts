/**
 * Worker thread for bulk SM3/SM4: sealing materials and reading upload
 * chunks (tens of MB of pure-JavaScript crypto would otherwise block the
 * services' event loop for a second). Started by worker/spawn.ts; serves
 * only a thread started with the role marker, so importing this file
 * anywhere else (tsx and Vitest resolve the `?nodeWorker` import to it) does
 * nothing.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { sm3Hex } from '../sm3';
import { SM4_BLOCK, sm4Ctr } from '../sm4';
import { SM_WORKER_ROLE, type SmRequest, type SmResponse } from './protocol';

/** Plaintext of each sealing in progress, hashed whole at its end. */
const sealings = new Map<number, { plaintext: Uint8Array; received: number }>();

function serve(request: SmRequest): { data?: Uint8Array; hex?: string } {
  switch (request.op) {
    case 'sm3':
      return { hex: sm3Hex(request.data) };
    case 'sm4-ctr': {
      const data = sm4Ctr(request.key, request.iv, request.blocks, request.data).subarray(request.skip ?? 0);
      return request.sm3Of === 'output' ? { data, hex: sm3Hex(data) } : { data };
    }
    case 'seal-begin':
      sealings.set(request.session, { plaintext: new Uint8Array(request.size), received: 0 });
      return {};
    case 'seal-step': {
      const sealing = sealings.get(request.session);
      if (!sealing) throw new Error(`no sealing ${request.session}`);
      if (request.offset % SM4_BLOCK !== 0 || request.offset + request.data.length > sealing.plaintext.length) throw new Error('sealing step out of range');
      sealing.plaintext.set(request.data, request.offset);
      sealing.received += request.data.length;
      return { data: sm4Ctr(request.key, request.iv, request.offset / SM4_BLOCK, request.data) };
    }
    case 'seal-end': {
      const sealing = sealings.get(request.session);
      sealings.delete(request.session);
      if (!sealing || sealing.received !== sealing.plaintext.length) throw new Error('sealing ended before all its steps arrived');
      return { hex: sm3Hex(sealing.plaintext) };
    }
    case 'seal-abort':
      sealings.delete(request.session);
      return {};
  }
}

const port = parentPort;
if (port && (workerData as { role?: string } | null)?.role === SM_WORKER_ROLE) {
  port.on('message', (request: SmRequest) => {
    let response: SmResponse;
    try {
      response = { id: request.id, ok: true, ...serve(request) };
    } catch (error) {
      response = { id: request.id, ok: false, message: (error as Error).message };
    }
    // Results move to the caller without a copy.
    port.postMessage(response, response.ok && response.data ? [response.data.buffer as ArrayBuffer] : []);
  });
}
