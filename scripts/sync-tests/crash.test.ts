import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// A few runs of the crash acceptance script (npm run sync:crash runs 300).
describe('crash test (short)', () => {
  it('loses and duplicates nothing across SIGKILLs of the service process', async () => {
    const script = fileURLToPath(new URL('./crash.ts', import.meta.url));
    const output = await new Promise<string>((resolve, reject) => {
      execFile(process.execPath, ['--import', 'tsx', script, '--runs', '6', '--seed', '7'], { timeout: 120_000 }, (error, stdout, stderr) => {
        if (error) reject(new Error(`${error.message}\n${stdout}\n${stderr}`));
        else resolve(stdout);
      });
    });
    expect(output).toMatch(/duplicates: 0; missing: 0; unknown to the terminal: 0/);
    expect(output).toMatch(/of them lost: 0/);
    expect(output).toMatch(/a case under a second seq: 0; a seq under a second id: 0/);
    expect(output.trim().endsWith('PASS')).toBe(true);
  }, 150_000);
});
