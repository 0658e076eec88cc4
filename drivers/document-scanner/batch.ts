/**
 * The transport for feeder batches: `scanimage --batch … --batch-print`
 * writes each page to its own file and prints the file's name once the page
 * is complete, so pages are taken one by one as the feeder delivers them.
 * The files live in a private directory (mode 700) only until read.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

export interface BatchRun {
  /** Pages delivered (their files were read and handed on). */
  pages: number;
  stderr: string;
  exitCode: number | null;
  notInstalled: boolean;
  timedOut: boolean;
  /** The batch was stopped on request. */
  stopped: boolean;
}

export interface BatchRunOptions {
  binary?: string;
  env?: NodeJS.ProcessEnv;
  /** The longest a single page may take before the batch is taken as hung. */
  pageTimeoutMs: number;
  maxPageBytes: number;
  onPage: (data: Uint8Array, index: number) => Promise<void> | void;
}

export interface BatchHandle {
  stop(): void;
  done: Promise<BatchRun>;
}

export function runScanimageBatch(args: string[], options: BatchRunOptions): BatchHandle {
  let requested = false;
  let stopNow: (() => void) | undefined;
  const done = (async (): Promise<BatchRun> => {
    const dir = await mkdtemp(join(tmpdir(), 'wt-scan-'));
    try {
      return await new Promise<BatchRun>((resolve) => {
        let stderr = '';
        let pages = 0;
        let timedOut = false;
        let stopped = false;
        let queue: Promise<void> = Promise.resolve();
        const child = spawn(options.binary ?? 'scanimage', [...args, `--batch=${join(dir, 'page-%04d.img')}`, '--batch-print'], {
          env: options.env ?? process.env,
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        let timer = setTimeout(() => hang(), options.pageTimeoutMs);
        const hang = () => {
          timedOut = true;
          child.kill('SIGKILL');
        };
        stopNow = () => {
          if (stopped) return;
          stopped = true;
          // scanimage cancels at SIGTERM and ends the batch after the page in the feeder; a hung backend is killed.
          child.kill('SIGTERM');
          clearTimeout(timer);
          timer = setTimeout(hang, Math.min(options.pageTimeoutMs, 10_000));
        };
        if (requested) stopNow();
        createInterface({ input: child.stdout }).on('line', (line) => {
          const file = line.trim();
          if (!file.startsWith(dir)) return;
          clearTimeout(timer);
          if (!stopped) timer = setTimeout(hang, options.pageTimeoutMs);
          // In order, one at a time: the receiver cleans each page before the next.
          queue = queue.then(async () => {
            const data = await readFile(file);
            await rm(file, { force: true });
            // A page that completed after a stop went through the feeder all the same: it is kept.
            if (data.length > options.maxPageBytes) return;
            const index = pages++;
            await options.onPage(new Uint8Array(data), index);
          }).catch(() => undefined);
        });
        child.stderr.setEncoding('utf8');
        child.stderr.on('data', (text: string) => {
          stderr = (stderr + text).slice(-4000);
        });
        const finish = (run: Partial<BatchRun>) => {
          clearTimeout(timer);
          void queue.finally(() => resolve({ pages, stderr, exitCode: null, notInstalled: false, timedOut, stopped, ...run }));
        };
        child.on('error', (error: NodeJS.ErrnoException) => finish({ notInstalled: error.code === 'ENOENT', stderr: String(error.message) }));
        child.on('close', (code) => finish({ exitCode: code }));
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  })();
  return {
    stop: () => {
      requested = true;
      stopNow?.();
    },
    done,
  };
}
