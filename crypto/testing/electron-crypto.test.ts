import * as nodeCrypto from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { smWorker } from '../worker/client';

/**
 * A module outside tests, fixtures and test helpers, calling node:crypto's SM
 * algorithms as production code would; it reports each call's error.
 */
const probeSource = `
import * as c from 'node:crypto';
const attempt = (call) => { try { call(); return 'works'; } catch (error) { return error.message; } };
export const probe = () => ({
  createHash: attempt(() => c.createHash('sm3')),
  createHmac: attempt(() => c.createHmac('sm3', 'k')),
  hkdfSync: attempt(() => c.hkdfSync('sm3', Buffer.alloc(32), Buffer.alloc(0), 'x', 16)),
  createCipheriv: attempt(() => c.createCipheriv('sm4-cbc', Buffer.alloc(16), Buffer.alloc(16))),
  createDecipheriv: attempt(() => c.createDecipheriv('sm4-ctr', Buffer.alloc(16), Buffer.alloc(16))),
  generateKeyPairSync: attempt(() => c.generateKeyPairSync('ec', { namedCurve: 'SM2' })),
  sha256: attempt(() => c.createHash('sha256')),
});
`;

async function probeAsProduction(): Promise<Record<string, string>> {
  const dir = mkdtempSync(join(tmpdir(), 'electron-crypto-probe-'));
  try {
    writeFileSync(join(dir, 'probe.mjs'), probeSource);
    const module = (await import(/* @vite-ignore */ pathToFileURL(join(dir, 'probe.mjs')).href)) as { probe: () => Record<string, string> };
    return module.probe();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('node:crypto in the test projects', () => {
  it('in electron-crypto has no SM algorithms for production code, as Electron’s BoringSSL; elsewhere it is plain Node', async ({ task }) => {
    const probe = await probeAsProduction();
    if (task.file.projectName !== 'electron-crypto') {
      expect(probe.createHash).toBe('works');
      return;
    }
    expect(nodeCrypto.getHashes()).not.toContain('sm3');
    expect(nodeCrypto.getCiphers().filter((name) => name.startsWith('sm4'))).toEqual([]);
    expect(nodeCrypto.getCurves()).not.toContain('SM2');
    expect(probe).toEqual({
      createHash: 'Digest method not supported',
      createHmac: 'Digest method not supported',
      hkdfSync: 'Digest method not supported',
      createCipheriv: 'Unknown cipher',
      createDecipheriv: 'Unknown cipher',
      generateKeyPairSync: 'Invalid EC curve name',
      sha256: 'works',
    });
    // Tests keep them as the oracle.
    expect(nodeCrypto.createHash('sm3').update('abc').digest('hex')).toBe('66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0');
  });

  it('runs the SM worker thread (under the same restriction in electron-crypto)', async () => {
    expect(await smWorker().sm3Hex(new TextEncoder().encode('abc'))).toBe('66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0');
  });
});
