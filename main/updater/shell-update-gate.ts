/**
 * Full shell updates (a new Electron, new native modules) go through
 * electron-updater, whose latest.yml is not signed: it checks a download's
 * SHA-512 against latest.yml, but nothing vouches for latest.yml itself.
 * The gate closes that: electron-updater may download only when the update
 * it found is the shell version, file names and SHA-512 that the release
 * key signed in a release manifest, checked against the pinned keys.
 */
import { FleetError } from '../../sync/fleet/fleet-error';
import { verifyManifestSignature, type ReleaseManifest } from '../../sync/fleet/release-manifest';
import { compareVersions, coreVersion } from '../../sync/fleet/version';

/** The part of electron-updater's UpdateInfo the gate reads. */
export interface ShellUpdateInfo {
  version: string;
  files: { url: string; sha512: string; size?: number }[];
}

export function verifyShellUpdate(info: ShellUpdateInfo, envelope: unknown, context: { pinnedKeys: readonly string[]; shellVersion: string }): ReleaseManifest {
  if (envelope === undefined || envelope === null) throw new FleetError('shell-update-unsigned', `no signed manifest offers shell ${info.version}`);
  const manifest = verifyManifestSignature(envelope, context.pinnedKeys);
  const shell = manifest.shell;
  if (!shell) throw new FleetError('shell-update-unsigned', `the signed manifest ${manifest.version} carries no shell release`);
  if (shell.version !== info.version) throw new FleetError('shell-update-mismatch', `updater found ${info.version}, the release key signed ${shell.version}`);
  if (compareVersions(shell.version, coreVersion(context.shellVersion)) <= 0) {
    throw new FleetError('release-not-newer', `shell ${shell.version} is not newer than ${context.shellVersion}`, { version: shell.version, running: context.shellVersion });
  }
  if (info.files.length === 0) throw new FleetError('shell-update-mismatch', 'updater lists no files');
  for (const file of info.files) {
    const name = file.url.split('/').pop() ?? file.url;
    const signed = shell.artifacts.find((artifact) => artifact.file === name);
    if (!signed || signed.sha512 !== file.sha512 || (file.size !== undefined && file.size !== signed.size)) {
      throw new FleetError('shell-update-mismatch', `${name} is not the installer the release key signed`, { file: name });
    }
  }
  return manifest;
}

/** The code to report for anything the gate throws (the shell imports no sync module itself). */
export function shellRefusalCode(error: unknown): string {
  return error instanceof FleetError ? error.code : 'shell-update-unsigned';
}
