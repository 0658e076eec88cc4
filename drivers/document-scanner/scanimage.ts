/**
 * The transport: runs SANE's `scanimage` and collects its output. Nothing
 * else in the terminal starts it.
 */
import { spawn } from 'node:child_process';

export interface ScanimageRun {
  stdout: Buffer;
  stderr: string;
  exitCode: number | null;
  /** The binary could not be started (not installed). */
  notInstalled: boolean;
  timedOut: boolean;
  /** Output passed maxBytes and the run was stopped. */
  tooLarge: boolean;
}

export interface ScanimageOptions {
  binary?: string;
  env?: NodeJS.ProcessEnv;
  timeoutMs: number;
  maxBytes: number;
}

export function runScanimage(args: string[], options: ScanimageOptions): Promise<ScanimageRun> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let stderr = '';
    let timedOut = false;
    let tooLarge = false;
    const child = spawn(options.binary ?? 'scanimage', args, { env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, options.timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > options.maxBytes) {
        tooLarge = true;
        child.kill('SIGKILL');
        return;
      }
      chunks.push(chunk);
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (text: string) => {
      // Keep the end: that is where scanimage says what went wrong.
      stderr = (stderr + text).slice(-4000);
    });
    const finish = (run: Partial<ScanimageRun>) => {
      clearTimeout(timer);
      resolve({ stdout: Buffer.concat(chunks), stderr, exitCode: null, notInstalled: false, timedOut, tooLarge, ...run });
    };
    child.on('error', (error: NodeJS.ErrnoException) => finish({ notInstalled: error.code === 'ENOENT', stderr: String(error.message) }));
    child.on('close', (code) => finish({ exitCode: code }));
  });
}
