import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { generateSm2KeyPair } from '../../sync/crypto/sm';
import { FleetError } from '../../sync/fleet/fleet-error';
import { signManifest } from '../../sync/fleet/release-manifest';
import { verifyShellUpdate, type ShellUpdateInfo } from './shell-update-gate';

const keys = generateSm2KeyPair();
const installer = Buffer.from('an NSIS installer');
const sha512 = createHash('sha512').update(installer).digest('base64');
const manifest = {
  format: 1 as const,
  version: '2.0.0',
  channel: 'stable' as const,
  minShellVersion: '2.0.0',
  payload: { size: 1, sm3: '0'.repeat(64), files: [{ path: 'main/x.js', size: 1, sm3: '0'.repeat(64) }] },
  notes: 'Electron upgrade',
  publishedAt: '2026-11-28T00:00:00Z',
  shell: { version: '2.0.0', artifacts: [{ file: 'Window-Terminal-Setup-2.0.0.exe', size: installer.length, sha512 }] },
};
const info: ShellUpdateInfo = { version: '2.0.0', files: [{ url: 'Window-Terminal-Setup-2.0.0.exe', sha512, size: installer.length }] };
const context = { pinnedKeys: [keys.publicKey], shellVersion: '1.4.0' };

function code(action: () => unknown): string | undefined {
  try {
    action();
  } catch (error) {
    if (error instanceof FleetError) return error.code;
    throw error;
  }
  return undefined;
}

describe('shell update gate (electron-updater behind the signed manifest)', () => {
  it('lets electron-updater download only the installer the release key signed', () => {
    const signed = signManifest(manifest, keys);
    expect(verifyShellUpdate(info, signed, context).shell?.version).toBe('2.0.0');
    // latest.yml rewritten by whoever controls the update server: another file hash, another version, or no manifest.
    const otherHash = createHash('sha512').update('malware').digest('base64');
    expect(code(() => verifyShellUpdate({ ...info, files: [{ ...info.files[0]!, sha512: otherHash }] }, signed, context))).toBe('shell-update-mismatch');
    expect(code(() => verifyShellUpdate({ ...info, version: '2.0.1' }, signed, context))).toBe('shell-update-mismatch');
    expect(code(() => verifyShellUpdate(info, undefined, context))).toBe('shell-update-unsigned');
    expect(code(() => verifyShellUpdate(info, signManifest({ ...manifest, shell: undefined }, keys), context))).toBe('shell-update-unsigned');
    expect(code(() => verifyShellUpdate(info, signManifest(manifest, generateSm2KeyPair()), context))).toBe('release-key-unknown');
    expect(code(() => verifyShellUpdate(info, signed, { ...context, shellVersion: '2.0.0' }))).toBe('release-not-newer');
  });
});
