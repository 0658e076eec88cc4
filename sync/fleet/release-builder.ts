/**
 * Builds a release from a built app: the payload archive and its signed
 * manifest. Used by the admin's `npm run fleet -- publish` and by tests; the
 * terminal only ever verifies.
 */
import { readFileSync } from 'node:fs';
import type { Sm2KeyPair } from '../../crypto';
import { sm3Hex } from '../../crypto';
import { buildPayloadArchive } from './payload-archive';
import { signManifest, type ReleaseChannel, type ReleaseManifest, type SignedManifest } from './release-manifest';

/** What a payload carries: the window side's bundles; native modules change only with a shell release. */
export const PAYLOAD_FOLDERS = ['main', 'preload', 'renderer'] as const;

export interface ReleaseInput {
  /** The build output folder (electron-vite's out/). */
  root: string;
  version: string;
  channel: ReleaseChannel;
  minShellVersion: string;
  notes?: string;
  keys: Sm2KeyPair;
  archivePath: string;
  folders?: readonly string[];
  publishedAt?: string;
}

export async function buildRelease(input: ReleaseInput): Promise<{ signed: SignedManifest; manifest: ReleaseManifest; archive: Buffer }> {
  const files = await buildPayloadArchive(input.root, input.folders ?? PAYLOAD_FOLDERS, input.archivePath);
  const archive = readFileSync(input.archivePath);
  const signed = signManifest(
    {
      format: 1,
      version: input.version,
      channel: input.channel,
      minShellVersion: input.minShellVersion,
      payload: { size: archive.length, sm3: sm3Hex(archive), files },
      notes: input.notes ?? '',
      publishedAt: input.publishedAt ?? new Date().toISOString(),
    },
    input.keys,
  );
  return { signed, manifest: JSON.parse(signed.manifest) as ReleaseManifest, archive };
}
