import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { describeRefusal } from '../startup/messages';
import { readDataKeyFile } from './key-file';

const KEY = '0123456789abcdef'.repeat(4);
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'key-file-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function keyFile(content: string, mode = 0o600): string {
  const path = join(dir, 'data.key');
  writeFileSync(path, content);
  chmodSync(path, mode);
  return path;
}

describe('administrator-provisioned data key file', () => {
  it('reads 64 hex digits into the 32-byte key', () => {
    expect(readDataKeyFile(keyFile(`${KEY}\n`))).toEqual({ key: Buffer.from(KEY, 'hex') });
  });

  it('refuses a file other accounts can read, naming the setting but not the key', () => {
    const result = readDataKeyFile(keyFile(KEY, 0o644), 'linux');
    expect(result).toMatchObject({ refusal: { code: 'data-key-file-invalid', setting: 'dataKeyFile' } });
    if (!('refusal' in result)) throw new Error('unreachable');
    const text = describeRefusal(result.refusal, 'zh-CN');
    expect(text).toContain('dataKeyFile');
    expect(text).toContain('请联系系统管理员');
    expect(text).not.toContain(KEY);
  });

  it('refuses a missing file and a malformed key', () => {
    expect(readDataKeyFile(join(dir, 'absent.key'))).toMatchObject({ refusal: { value: expect.stringContaining('ENOENT') } });
    expect(readDataKeyFile(keyFile(KEY.slice(2)))).toMatchObject({ refusal: { value: expect.stringContaining('64 hex digits') } });
    expect(readDataKeyFile(keyFile(`${KEY.slice(1)}g`))).toMatchObject({ refusal: { code: 'data-key-file-invalid' } });
  });
});
