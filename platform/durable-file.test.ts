import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commitTempFile, writeFileDurably, writeFileDurablySync } from './durable-file';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'durable-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('durable file writes', () => {
  it('replaces a file whole and leaves no temp file behind', async () => {
    const file = join(dir, 'record.json');
    writeFileSync(file, 'old');
    await writeFileDurably(file, 'new');
    expect(readFileSync(file, 'utf8')).toBe('new');
    writeFileDurablySync(file, new Uint8Array([1, 2, 3]));
    expect([...readFileSync(file)]).toEqual([1, 2, 3]);
    expect(readdirSync(dir)).toEqual(['record.json']);
  });

  it('creates new files with the requested mode', async () => {
    await writeFileDurably(join(dir, 'a.key'), 'k', { mode: 0o600 });
    writeFileDurablySync(join(dir, 'b.key'), 'k', { mode: 0o600 });
    expect(statSync(join(dir, 'a.key')).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, 'b.key')).mode & 0o777).toBe(0o600);
  });

  it('keeps the old content and cleans up when the write cannot complete', async () => {
    const file = join(dir, 'record.json');
    writeFileSync(file, 'old');
    // The target's directory is gone for the temp file: the write fails before the rename.
    await expect(writeFileDurably(join(dir, 'missing', 'x'), 'new')).rejects.toThrow();
    // A rename onto a directory fails: the temp file must not be left behind.
    const temp = join(dir, 'streamed.tmp');
    writeFileSync(temp, 'streamed');
    await expect(commitTempFile(temp, dir)).rejects.toThrow();
    expect(existsSync(temp)).toBe(false);
    expect(readFileSync(file, 'utf8')).toBe('old');
  });
});
