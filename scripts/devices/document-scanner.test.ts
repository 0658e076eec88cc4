import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startSaneTestScanner, type SaneTestScanner } from '../../fixtures/document-scanner/sane-test-scanner';
import { main } from '../devices';

let scanner: SaneTestScanner | undefined;
let dir: string | undefined;
const saved = process.env.SANE_CONFIG_DIR;
afterEach(() => {
  scanner?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  if (saved === undefined) delete process.env.SANE_CONFIG_DIR;
  else process.env.SANE_CONFIG_DIR = saved;
});

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (text) => out.push(text), err: (text) => err.push(text) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('npm run devices -- document-scanner scan', () => {
  it('writes a JPEG page, and says in both languages why it could not', async () => {
    scanner = startSaneTestScanner();
    process.env.SANE_CONFIG_DIR = scanner.env.SANE_CONFIG_DIR;
    dir = mkdtempSync(join(tmpdir(), 'scan-cli-'));
    const out = join(dir, 'page.jpg');
    const ok = await run(['document-scanner', 'scan', '--device', scanner.device, '--out', out]);
    expect(ok.code).toBe(0);
    expect([...readFileSync(out).subarray(0, 2)]).toEqual([0xff, 0xd8]);

    scanner.fail('SANE_STATUS_NO_DOCS');
    const empty = await run(['document-scanner', 'scan', '--device', scanner.device, '--out', out, '--resolution', '25']);
    expect(empty.code).toBe(1);
    expect(empty.err).toContain('document-scanner-no-paper');
    expect(empty.err).toContain('扫描仪里没有纸');

    const absent = await run(['document-scanner', 'scan', '--device', 'test:7', '--out', out]);
    expect(absent.code).toBe(2);
    expect((await run(['document-scanner', 'scan', '--out', out])).code).toBe(64);
  });
});
