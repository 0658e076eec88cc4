/**
 * `npm run devices -- scanner-gun listen` as a field engineer runs it: a real
 * process, reading from the scanner simulator over a socat pty pair.
 */
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { ScannerGunSimulator } from '../../fixtures/scanner-gun/simulator';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const cleanups: (() => Promise<unknown> | void)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()?.();
});

interface Run {
  proc: ChildProcessWithoutNullStreams;
  stdout: () => string;
  stderr: () => string;
  exit: Promise<number | null>;
}

function cli(args: string[]): Run {
  const proc = spawn(join(root, 'node_modules/.bin/tsx'), [join(root, 'scripts/devices.ts'), ...args], { cwd: root });
  cleanups.push(() => void proc.kill('SIGKILL'));
  let stdout = '';
  let stderr = '';
  proc.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  proc.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exit = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
  return { proc, stdout: () => stdout, stderr: () => stderr, exit };
}

async function until(check: () => boolean, what: string, run: Run): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > 15_000) throw new Error(`timed out waiting for ${what}; stderr: ${run.stderr()}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const INVOICE = '01,32,,23442000000014209621,112,20230215,,74AE';

describe('npm run devices -- scanner-gun listen', () => {
  it('prints one JSON object per scan, classified, through noise and split frames', async () => {
    const sim = await ScannerGunSimulator.start({ suffix: 'crlf' });
    cleanups.push(() => sim.close());
    const run = cli(['scanner-gun', 'listen', '--port', sim.devicePath, '--suffix', 'crlf', '--json', '--count', '3']);
    await until(() => run.stderr().includes('ready on'), 'ready', run);
    await sim.scan(INVOICE, { splitAt: [5, 20], pauseMs: 30 });
    await sim.noise([0x00, 0xff]);
    await sim.scan('https://ss.sh.gov.cn/c?x=1');
    await sim.scan('普通文本');
    expect(await run.exit).toBe(0);
    const lines = run.stdout().trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => [l.payload.kind, l.payload.raw])).toEqual([
      ['e-invoice', INVOICE],
      ['suishen-code', 'https://ss.sh.gov.cn/c?x=1'],
      ['text', '普通文本'],
    ]);
    expect(lines[0].payload.invoice).toMatchObject({ invoiceNumber: '23442000000014209621', issueDate: '2023-02-15' });
  });

  it('prints readable lines and stops cleanly on Ctrl-C', async () => {
    const sim = await ScannerGunSimulator.start({ suffix: 'cr' });
    cleanups.push(() => sim.close());
    const run = cli(['scanner-gun', 'listen', '--port', sim.devicePath]);
    await until(() => run.stderr().includes('ready on'), 'ready', run);
    await sim.scan(INVOICE);
    await until(() => run.stdout().includes('e-invoice'), 'a scan line', run);
    expect(run.stdout()).toContain('number 23442000000014209621');
    run.proc.kill('SIGINT');
    expect(await run.exit).toBe(0);
  });

  it('exits 2 with a message when the port does not exist, and 64 on bad options', async () => {
    const missing = cli(['scanner-gun', 'listen', '--port', join(root, 'no-such-port')]);
    expect(await missing.exit).toBe(2);
    expect(missing.stderr()).toContain('scanner-gun-not-found');
    const bad = cli(['scanner-gun', 'listen', '--port', '/dev/null', '--suffix', 'tab']);
    expect(await bad.exit).toBe(64);
    expect(bad.stderr()).toContain('--suffix must be');
  });
});
