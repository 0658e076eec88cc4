/**
 * The diagnostics CLI against fixtures/id-card-reader/independent_sim.py, a
 * reader simulator that shares no code with ours (Python, frames and layouts
 * written out by hand), so a misreading of the protocol common to our codec
 * and our simulator would show here.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createInterface } from 'node:readline';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const simulators: ChildProcessWithoutNullStreams[] = [];

async function startIndependentSimulator(args: string[]): Promise<{ path: string; expected: Record<string, unknown> }> {
  const proc = spawn('python3', [join(root, 'fixtures/id-card-reader/independent_sim.py'), ...args]);
  simulators.push(proc);
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

afterEach(() => {
  for (const proc of simulators.splice(0)) proc.kill('SIGTERM');
});

describe('npm run devices -- id-card read, against an independent simulator', () => {
  it.each([
    ['resident', []],
    ['resident-long-term', []],
    ['foreign-2017', []],
    ['foreign-2023', []],
    ['gat', []],
  ])('prints exactly one JSON object for a %s card', async (card) => {
    const sim = await startIndependentSimulator(['--card', card]);
    const result = await cli(['id-card', 'read', '--port', sim.path, '--baud', '115200', '--json']);
    expect(result.stderr).not.toMatch(/failed/);
    expect(result.code).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0] as string)).toEqual(sim.expected);
  });

  it('reads through a noisy line, split replies, a corrupted frame and a card placed late, detecting the baud rate', async () => {
    const sim = await startIndependentSimulator([
      '--card', 'foreign-2023', '--baud', '38400', '--noise', '--split', '--corrupt-reads', '1', '--card-delay', '2',
    ]);
    const started = Date.now();
    const result = await cli(['id-card', 'read', '--port', sim.path, '--json']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual(sim.expected);
    expect(Date.now() - started).toBeGreaterThan(2000);
  });

  it('warns on stderr about an expired card and still prints it', async () => {
    const sim = await startIndependentSimulator(['--card', 'resident']);
    const result = await cli(['id-card', 'read', '--port', sim.path, '--json']);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/card-expired/);
  });

  it('exits 1 with a clear message when no card is placed in time', async () => {
    const sim = await startIndependentSimulator(['--card', 'gat', '--card-delay', '60']);
    const result = await cli(['id-card', 'read', '--port', sim.path, '--json', '--timeout', '1']);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/id-card-no-card/);
    expect(result.stderr).toMatch(/没有读到证件/);
  });

  it('exits 2 with a clear message when there is no reader at the port', async () => {
    const result = await cli(['id-card', 'read', '--port', join(root, 'no-such-port'), '--json']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/id-card-reader-not-found/);
  });

  it('exits 2 when the reader answers at a different baud rate than the one forced', async () => {
    const sim = await startIndependentSimulator(['--card', 'resident', '--baud', '9600']);
    const result = await cli(['id-card', 'read', '--port', sim.path, '--baud', '115200', '--json']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/id-card-reader-no-response/);
  });
});
