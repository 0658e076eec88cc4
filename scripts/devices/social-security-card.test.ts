/**
 * `npm run devices -- social-security-card read` as a real process against a
 * private pcscd with the virtual reader and the emulated card (vicc).
 */
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pcscStackMissing, startPcscHarness, type PcscHarness } from '../../fixtures/social-security-card/pcsc-harness';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

function cli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    // The child inherits PCSCLITE_CSOCK_NAME from the harness, so it talks to the test's pcscd.
    const proc = spawn(join(root, 'node_modules/.bin/tsx'), [join(root, 'scripts/devices.ts'), ...args], { cwd: root });
    let stdout = '';
    let stderr = '';
    proc.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    proc.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    proc.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

describe.skipIf(pcscStackMissing())('npm run devices -- social-security-card read', () => {
  let pcsc: PcscHarness;
  beforeAll(async () => {
    pcsc = await startPcscHarness();
  }, 30_000);
  afterAll(async () => pcsc?.close());

  it('prints exactly one JSON object: the card in the reader', async () => {
    await pcsc.insert('ssc');
    const result = await cli(['social-security-card', 'read', '--json', '--timeout', '10']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0] as string)).toEqual(pcsc.sample);
    await pcsc.remove();
  }, 30_000);

  it('names a card without the social security application, in Chinese and English, exit 3', async () => {
    await pcsc.insert('bank');
    const result = await cli(['social-security-card', 'read', '--json', '--timeout', '10']);
    expect(result.code, result.stderr).toBe(3);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('[ssc-not-social-security-card]');
    expect(result.stderr).toContain('不是社会保障卡');
    await pcsc.remove();
  }, 30_000);

  it('says the smart card service is not running, exit 2', async () => {
    await pcsc.stopPcscd();
    const result = await cli(['social-security-card', 'read', '--json', '--timeout', '2']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('[ssc-pcsc-unavailable]');
    expect(result.stderr).toContain('智能卡服务没有运行');
  }, 30_000);
});
