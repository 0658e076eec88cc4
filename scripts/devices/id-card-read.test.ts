/**
 * The diagnostics CLI against fixtures/id-card-reader/independent_sim.py, a
 * reader simulator that shares no code with ours (Python, frames and layouts
 * written out by hand), so a misreading of the protocol common to our codec
 * and our simulator would show here.
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it, type TestContext } from 'vitest';
import { main } from '../devices';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

async function startIndependentSimulator(
  { onTestFinished }: TestContext,
  args: string[],
): Promise<{ path: string; expected: Record<string, unknown> }> {
  const proc = spawn('python3', [join(root, 'fixtures/id-card-reader/independent_sim.py'), ...args]);
  // Each test owns its simulator, so the tests can run concurrently.
  onTestFinished(() => {
    proc.kill('SIGTERM');
  });
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: proc.stdout }).once('line', resolve);
    proc.once('exit', (code) => reject(new Error(`simulator exited with ${code}`)));
  });
  return JSON.parse(line) as { path: string; expected: Record<string, unknown> };
}

function cli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const proc = spawn(join(root, 'node_modules/.bin/tsx'), [join(root, 'scripts/devices.ts'), ...args], { cwd: root });
    let stdout = '';
    let stderr = '';
    proc.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    proc.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    proc.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

/** The CLI in this process (same code path, minus a slow tsx start-up per case). */
async function cliInProcess(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, stdout: out.map((l) => `${l}\n`).join(''), stderr: err.map((l) => `${l}\n`).join('') };
}

// The cases mostly wait (for a card, a timeout, a process start), so they run concurrently.
describe.concurrent('npm run devices -- id-card read, against an independent simulator', () => {
  it.for(['resident', 'resident-long-term', 'foreign-2017', 'foreign-2023', 'gat'])(
    'prints exactly one JSON object for a %s card',
    async (card, context) => {
      const { expect } = context;
      const sim = await startIndependentSimulator(context, ['--card', card]);
      // One case as a real process (stdout, exit code); the rest in-process to keep the suite quick.
      const run = card === 'gat' ? cli : cliInProcess;
      const result = await run(['id-card', 'read', '--port', sim.path, '--baud', '115200', '--json']);
      expect(result.stderr).not.toMatch(/failed/);
      expect(result.code).toBe(0);
      const lines = result.stdout.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(JSON.parse(lines[0] as string)).toEqual(sim.expected);
    },
  );

  it('reads through a noisy line, split replies, a corrupted frame and a card placed late, detecting the baud rate', async (context) => {
    const { expect } = context;
    const sim = await startIndependentSimulator(context, [
      '--card', 'foreign-2023', '--baud', '38400', '--noise', '--split', '--corrupt-reads', '1', '--card-delay', '2',
    ]);
    const started = Date.now();
    const result = await cliInProcess(['id-card', 'read', '--port', sim.path, '--json']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual(sim.expected);
    expect(Date.now() - started).toBeGreaterThan(2000);
  });

  it('warns on stderr about an expired card and still prints it', async (context) => {
    const { expect } = context;
    const sim = await startIndependentSimulator(context, ['--card', 'resident']);
    const result = await cliInProcess(['id-card', 'read', '--port', sim.path, '--json']);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/card-expired/);
  });

  it('exits 1 with a clear message when no card is placed in time', async (context) => {
    const { expect } = context;
    const sim = await startIndependentSimulator(context, ['--card', 'gat', '--card-delay', '60']);
    const result = await cli(['id-card', 'read', '--port', sim.path, '--json', '--timeout', '1']);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/id-card-no-card/);
    expect(result.stderr).toMatch(/没有读到证件/);
  });

  it('exits 2 with a clear message when there is no reader at the port', async (context) => {
    const { expect } = context;
    const result = await cli(['id-card', 'read', '--port', join(root, 'no-such-port'), '--json']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/id-card-reader-not-found/);
  });

  it('exits 2 when the reader answers at a different baud rate than the one forced', async (context) => {
    const { expect } = context;
    const sim = await startIndependentSimulator(context, ['--card', 'resident', '--baud', '9600']);
    const result = await cliInProcess(['id-card', 'read', '--port', sim.path, '--baud', '115200', '--json']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/id-card-reader-no-response/);
  });
});
