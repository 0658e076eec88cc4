import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startReferenceBackend, type ReferenceBackend } from '../../fixtures/backend/server';
import { writeFakeApp } from '../../sync/testing/fake-app';
import { tempDir } from '../../sync/testing/harness';
import { runFleet, UsageError } from './cli';

describe('npm run fleet', () => {
  let dir: ReturnType<typeof tempDir>;
  let backend: ReferenceBackend;
  let output: string;
  const fleet = (...argv: string[]) => runFleet([...argv, '--backend', backend.url], { out: (text) => (output += text), err: (text) => (output += text), env: {} });

  beforeEach(async () => {
    dir = tempDir('fleet-cli-');
    backend = await startReferenceBackend({ dataDir: join(dir.path, 'backend'), port: 0 });
    output = '';
  });
  afterEach(async () => {
    await backend.close();
    dir.remove();
  });

  it('makes a key, publishes a signed release at 0 %, promotes, halts, and shows the status table', async () => {
    const key = join(dir.path, 'release-key.json');
    await fleet('keygen', '--out', key);
    expect(output).toMatch(/04[0-9a-f]{128}/);
    writeFakeApp(join(dir.path, 'out'), '2.0.0');
    await fleet('publish', join(dir.path, 'out'), '--version', '2.0.0', '--channel', 'canary', '--min-shell', '1.0.0', '--key', key, '--notes', '打印修正');
    expect(output).toContain('published 2.0.0 (canary) at 0 %: 5 files');
    await fleet('promote', '2.0.0', '--percent', '10');
    output = '';
    await fleet('status');
    expect(output.split('\n')[1]).toMatch(/^2\.0\.0\s+canary\s+10 %\s+0\s+0\s+0\s+0\s+0\s+0\s+\d+ KiB$/);
    await fleet('halt', '2.0.0');
    output = '';
    await fleet('status');
    expect(output.split('\n')[1]).toMatch(/^2\.0\.0\s+canary\s+halted/);
    await expect(fleet('publish', join(dir.path, 'out'), '--version', '2.0.0', '--key', key)).rejects.toThrow(/release-exists/);
  });

  it('checks a configuration file with the terminal schema before pushing it', async () => {
    const bad = join(dir.path, 'bad.json');
    writeFileSync(bad, JSON.stringify({ printers: [{ kind: 'ipp', id: 'p', name: 'p', uri: 'http://x' }] }));
    await expect(fleet('config', 'set', 'all', bad)).rejects.toThrow(UsageError);
    const good = join(dir.path, 'good.json');
    writeFileSync(good, JSON.stringify({ registryCode: '310115' }));
    await fleet('config', 'set', 'wt-123', good);
    expect(output).toContain('terminal:wt-123');
    await expect(fleet('promote', '9.9.9', '--percent', '10')).rejects.toThrow(/release-unknown/);
    await expect(fleet('promote', '9.9.9', '--percent', '101')).rejects.toThrow(UsageError);
  });
});
