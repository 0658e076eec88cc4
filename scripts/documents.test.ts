import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDocumentEngine } from '../documents/node';

const run = promisify(execFile);
const root = fileURLToPath(new URL('..', import.meta.url));
const fixtures = join(root, 'fixtures', 'documents');
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'wt-documents-cli-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Runs the CLI as an admin would (tsx under the project's Node); never throws, returns the exit code. */
async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', join(root, 'scripts', 'documents.ts'), ...args], { cwd: root });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

async function text(pdf: string): Promise<string> {
  return (await run('pdftotext', ['-enc', 'UTF-8', pdf, '-'])).stdout.replace(/\s+/g, '');
}

describe('documents CLI', () => {
  it('renders a certificate with calibration offsets', async () => {
    const out = join(dir, 'certificate.pdf');
    const result = await cli('render', 'marriage-certificate', '--data', join(fixtures, 'marriage-certificate.json'), '--out', out, '--calibration', '-1.5,0.8');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('2 page(s)');
    expect(await text(out)).toContain('J310104-2026-000123');
    expect(await text(out)).toContain('李䶮𪚥');
  });

  it('fills the template application form named in the data, relative to the data file', async () => {
    const out = join(dir, 'template.pdf');
    const result = await cli('render', 'application-form', '--data', join(fixtures, 'application-form-template.json'), '--out', out);
    expect(result.code).toBe(0);
    const extracted = await text(out);
    expect(extracted).toContain('高龄老人营养补贴申请表');
    expect(extracted).toContain('周桂英');
  });

  it('has sample data that renders for every other kind', async () => {
    // In process: each CLI start costs seconds of TypeScript loading on a busy CI box.
    const engine = await openDocumentEngine();
    for (const kind of ['marriage-declaration', 'review-form', 'application-form', 'pledge-confirmation', 'withdrawal-application', 'replacement-declaration', 'record-certificate-application']) {
      const result = await engine.render(kind, JSON.parse(await readFile(join(fixtures, `${kind}.json`), 'utf8')));
      expect(Buffer.from(result.pdf.subarray(0, 5)).toString()).toBe('%PDF-');
    }
  });

  it('exits 1 listing every missing field, and writes nothing', async () => {
    const data = join(dir, 'bad.json');
    await writeFile(data, JSON.stringify({ parties: [{ name: '张伟' }] }));
    const out = join(dir, 'bad.pdf');
    const result = await cli('render', 'marriage-certificate', '--data', data, '--out', out);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('document-fields-missing');
    for (const field of ['number', 'registeredOn', 'parties[0].sex', 'parties[0].idNumber', 'parties[1]']) expect(result.stderr).toContain(field);
    await expect(readFile(out)).rejects.toThrow();
  });

  it('exits 2 with usage on a malformed command line', async () => {
    expect((await cli('render', 'marriage-certificate', '--data', 'x.json', '--out', 'y.pdf', '--calibration', 'left')).code).toBe(2);
  });
});
