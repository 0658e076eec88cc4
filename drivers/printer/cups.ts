/**
 * Transport: the CUPS command-line tools (`lpstat`, `lp`, `cancel`), for
 * printers set up as CUPS queues. Output is parsed in the C locale, so a
 * Chinese desktop locale does not change the words we look for. A machine
 * without CUPS (Windows, or Linux without cups-client) is reported as such,
 * never as a crash.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { PrinterError } from './errors';

export interface CupsOptions {
  /** CUPS_SERVER: "host[:port]" or a socket path; default: the local scheduler. */
  server?: string;
  /** Budget for one command. */
  timeoutMs?: number;
  /** Directory holding lp/lpstat/cancel when they are not on PATH. */
  binDir?: string;
}

export interface CupsQueue {
  name: string;
  deviceUri?: string;
  state: 'idle' | 'processing' | 'stopped' | 'unknown';
  acceptingJobs?: boolean;
  isDefault: boolean;
  reason?: string;
}

interface CommandResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export class CupsCli {
  private readonly timeoutMs: number;

  constructor(private readonly options: CupsOptions = {}) {
    this.timeoutMs = options.timeoutMs ?? 15_000;
  }

  /** Where to ask the scheduler about a job over IPP (CUPS is an IPP server too). */
  ippTarget(queue: string): { printerUri: string; socketPath?: string } {
    const server = this.options.server;
    const path = `/printers/${encodeURIComponent(queue)}`;
    if (server?.startsWith('/')) return { printerUri: `ipp://localhost${path}`, socketPath: server };
    const host = server ?? 'localhost:631';
    return { printerUri: `ipp://${host.includes(':') ? host : `${host}:631`}${path}` };
  }

  private run(command: string, args: string[], input?: Uint8Array): Promise<CommandResult> {
    const env: NodeJS.ProcessEnv = { ...process.env, LANG: 'C', LC_ALL: 'C' };
    if (this.options.server) env.CUPS_SERVER = this.options.server;
    return new Promise((resolve, reject) => {
      const executable = this.options.binDir ? path.join(this.options.binDir, command) : command;
      const child = spawn(executable, args, { env, stdio: ['pipe', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new PrinterError('cups-not-running', `${command} did not finish within ${this.timeoutMs} ms`));
      }, this.timeoutMs);
      child.stdout.on('data', (chunk) => (stdout += chunk));
      child.stderr.on('data', (chunk) => (stderr += chunk));
      child.once('error', (error: NodeJS.ErrnoException) => {
        clearTimeout(timer);
        if (error.code === 'ENOENT') reject(new PrinterError('cups-not-installed', `${command} not found: CUPS client tools are not installed`));
        else reject(new PrinterError('cups-not-running', `${command}: ${error.message}`));
      });
      child.once('close', (code) => {
        clearTimeout(timer);
        resolve({ code, stdout, stderr });
      });
      child.stdin.on('error', () => undefined); // the command may exit before reading all input
      child.stdin.end(input ?? new Uint8Array(0));
    });
  }

  async schedulerRunning(): Promise<boolean> {
    const result = await this.run('lpstat', ['-r']);
    return /scheduler is running/.test(result.stdout);
  }

  async queues(): Promise<CupsQueue[]> {
    if (!(await this.schedulerRunning())) throw new PrinterError('cups-not-running', 'the CUPS scheduler is not running');
    const result = await this.run('lpstat', ['-d', '-p', '-a', '-v']);
    if (result.code !== 0 && /No destinations added/i.test(result.stderr)) return [];
    return parseLpstat(result.stdout);
  }

  /** Submits with `lp` reading the PDF on stdin; resolves with CUPS's job id. */
  async submit(job: { queue: string; document: Uint8Array; title: string; media: string; copies: number }): Promise<number> {
    const args = ['-d', job.queue, '-n', String(job.copies), '-t', job.title, '-o', 'print-scaling=none', '-o', `media=${job.media}`];
    const result = await this.run('lp', args, job.document);
    const id = new RegExp(`request id is ${escapeRegExp(job.queue)}-(\\d+)`).exec(result.stdout);
    if (result.code === 0 && id) return Number(id[1]);
    throw await this.explainFailure('lp', job.queue, result);
  }

  async cancel(queue: string, jobId: number): Promise<void> {
    const result = await this.run('cancel', [`${queue}-${jobId}`]);
    if (result.code !== 0) throw await this.explainFailure('cancel', queue, result);
  }

  private async explainFailure(command: string, queue: string, result: CommandResult): Promise<PrinterError> {
    const message = `${result.stderr}${result.stdout}`.trim();
    const params = { queue };
    // lp says "does not exist" also when no scheduler answers at all, so ask the scheduler first.
    if (!(await this.schedulerRunning().catch(() => false))) {
      return new PrinterError('cups-not-running', `${command}: ${message || 'the CUPS scheduler is not running'}`, params);
    }
    if (/does not exist|Unknown destination|not found/i.test(message)) return new PrinterError('printer-unknown', `${command}: ${message}`, params);
    if (/not accepting/i.test(message)) return new PrinterError('printer-not-accepting-jobs', `${command}: ${message}`, params);
    return new PrinterError('printer-rejected-job', `${command} exited ${result.code}: ${message}`, params);
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Parses `lpstat -d -p -a -v` output (C locale). Exported for tests. */
export function parseLpstat(output: string): CupsQueue[] {
  const queues = new Map<string, CupsQueue>();
  const queue = (name: string): CupsQueue => {
    let entry = queues.get(name);
    if (!entry) {
      entry = { name, state: 'unknown', isDefault: false };
      queues.set(name, entry);
    }
    return entry;
  };
  let defaultName: string | undefined;
  let last: CupsQueue | undefined;
  for (const line of output.split('\n')) {
    let match: RegExpExecArray | null;
    if ((match = /^system default destination: (\S+)/.exec(line))) {
      defaultName = match[1];
    } else if ((match = /^printer (\S+) (is idle|now printing|disabled)/.exec(line))) {
      last = queue(match[1]!);
      last.state = match[2] === 'is idle' ? 'idle' : match[2] === 'now printing' ? 'processing' : 'stopped';
    } else if ((match = /^(\S+) (not )?accepting requests/.exec(line))) {
      queue(match[1]!).acceptingJobs = !match[2];
      last = undefined;
    } else if ((match = /^device for (\S+): (.+)$/.exec(line))) {
      queue(match[1]!).deviceUri = match[2]!.trim();
      last = undefined;
    } else if (last && /^\s+\S/.test(line) && last.state === 'stopped') {
      // lpstat -p prints the reason a printer is disabled on the following indented line.
      last.reason = line.trim();
    }
  }
  if (defaultName) queue(defaultName).isDefault = true;
  return [...queues.values()];
}
