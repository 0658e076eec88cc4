import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { create } from 'tar';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateSm2KeyPair, sm2Sign } from '../../crypto';
import { writeFakeApp } from '../testing/fake-app';
import { tempDir } from '../testing/harness';
import { FleetError, type FleetErrorCode } from './fleet-error';
import { unpackPayload, verifyPayloadFiles } from './payload-archive';
import { buildRelease } from './release-builder';
import { releaseKeyId, verifyArchive, verifyManifest, type ReleaseManifest, type SignedManifest } from './release-manifest';

const releaseKeys = generateSm2KeyPair();
const pinned = [releaseKeys.publicKey];
const context = { pinnedKeys: pinned, runningVersion: '1.0.0', shellVersion: '1.0.0' };

function codeOf(action: () => unknown): FleetErrorCode | undefined {
  try {
    action();
  } catch (error) {
    if (error instanceof FleetError) return error.code;
    throw error;
  }
  return undefined;
}

async function codeOfAsync(action: () => Promise<unknown>): Promise<FleetErrorCode | undefined> {
  try {
    await action();
  } catch (error) {
    if (error instanceof FleetError) return error.code;
    throw error;
  }
  return undefined;
}

describe('releases', () => {
  let dir: ReturnType<typeof tempDir>;
  let signed: SignedManifest;
  let manifest: ReleaseManifest;
  let archive: Buffer;

  beforeEach(async () => {
    dir = tempDir('release-');
    writeFakeApp(join(dir.path, 'out'), 'v1.1.0');
    ({ signed, manifest, archive } = await buildRelease({ root: join(dir.path, 'out'), version: '1.1.0', channel: 'stable', minShellVersion: '1.0.0', keys: releaseKeys, archivePath: join(dir.path, 'p.tgz') }));
  });
  afterEach(() => dir.remove());

  it('a genuine release verifies, and its archive unpacks to exactly the signed files', async () => {
    expect(verifyManifest(signed, context).version).toBe('1.1.0');
    verifyArchive(manifest, archive);
    await unpackPayload(join(dir.path, 'p.tgz'), join(dir.path, 'slot'), manifest.payload.files);
    expect(readFileSync(join(dir.path, 'slot', 'main/services.js'), 'utf8')).toContain('v1.1.0');
    expect(manifest.payload.files.map((file) => file.path)).toEqual(['main/electron.js', 'main/services.js', 'preload/index.cjs', 'renderer/assets/app.js', 'renderer/index.html']);
  });

  it('refuses a payload with one byte changed (payload-sm3-mismatch) and one of another size', () => {
    const tampered = Buffer.from(archive);
    const middle = Math.floor(tampered.length / 2);
    tampered[middle] = tampered[middle]! ^ 0x01;
    expect(codeOf(() => verifyArchive(manifest, tampered))).toBe('payload-sm3-mismatch');
    expect(codeOf(() => verifyArchive(manifest, Buffer.concat([archive, Buffer.from([0])])))).toBe('payload-size-mismatch');
  });

  it('refuses a manifest signed by another key, and one whose text was changed after signing', async () => {
    const other = generateSm2KeyPair();
    const foreign = await buildRelease({ root: join(dir.path, 'out'), version: '1.1.0', channel: 'stable', minShellVersion: '1.0.0', keys: other, archivePath: join(dir.path, 'q.tgz') });
    expect(codeOf(() => verifyManifest(foreign.signed, context))).toBe('release-key-unknown');
    // Another key that claims to be the pinned one.
    const claimed = JSON.stringify({ ...foreign.manifest, keyId: releaseKeyId(releaseKeys.publicKey) });
    expect(codeOf(() => verifyManifest({ manifest: claimed, signature: sm2Sign(claimed, other) }, context))).toBe('release-signature-invalid');
    const edited = signed.manifest.replace('"version":"1.1.0"', '"version":"9.1.0"');
    expect(codeOf(() => verifyManifest({ ...signed, manifest: edited }, context))).toBe('release-signature-invalid');
    expect(codeOf(() => verifyManifest({ manifest: 'x', signature: 'zz' }, context))).toBe('release-malformed');
  });

  it('refuses an older or equal signed manifest replayed (downgrade), and a version that failed here', () => {
    expect(codeOf(() => verifyManifest(signed, { ...context, runningVersion: '1.1.0' }))).toBe('release-not-newer');
    expect(codeOf(() => verifyManifest(signed, { ...context, runningVersion: '1.2.0' }))).toBe('release-not-newer');
    expect(codeOf(() => verifyManifest(signed, { ...context, failedVersions: ['1.1.0'] }))).toBe('release-previously-failed');
    expect(codeOf(() => verifyManifest(signed, { ...context, shellVersion: '0.9.0' }))).toBe('release-needs-newer-shell');
  });

  it('refuses an archive holding a link, and an unpacked tree changed or added to', async () => {
    const evil = join(dir.path, 'evil');
    mkdirSync(join(evil, 'main'), { recursive: true });
    symlinkSync('/etc/passwd', join(evil, 'main', 'link.js'));
    await create({ gzip: true, file: join(dir.path, 'evil.tgz'), cwd: evil, portable: true }, ['main/link.js']);
    expect(await codeOfAsync(() => unpackPayload(join(dir.path, 'evil.tgz'), join(dir.path, 'evil-slot'), manifest.payload.files))).toBe('payload-archive-invalid');

    const slot = join(dir.path, 'slot');
    await unpackPayload(join(dir.path, 'p.tgz'), slot, manifest.payload.files);
    writeFileSync(join(slot, 'renderer/extra.js'), 'alert(1)');
    expect(codeOf(() => verifyPayloadFiles(slot, manifest.payload.files))).toBe('payload-file-unexpected');
    writeFileSync(join(slot, 'renderer/extra.js'), '');
    rmSync(join(slot, 'renderer/extra.js'));
    writeFileSync(join(slot, 'main/services.js'), 'export const marker = "evil";');
    expect(codeOf(() => verifyPayloadFiles(slot, manifest.payload.files))).toBe('payload-file-mismatch');
    rmSync(join(slot, 'main/services.js'));
    expect(codeOf(() => verifyPayloadFiles(slot, manifest.payload.files))).toBe('payload-file-missing');
  });
});
