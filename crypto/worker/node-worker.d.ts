// electron-vite's `?nodeWorker` import (see spawn.ts); the same declaration as electron-vite/node.d.ts.
declare module '*?nodeWorker' {
  import type { Worker, WorkerOptions } from 'node:worker_threads';
  export default function create(options: WorkerOptions): Worker;
}
