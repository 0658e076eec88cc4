/**
 * A release manifest and its SM2 signature. The signature covers the exact
 * manifest text (no re-serialisation, so there is nothing to canonicalise),
 * and the terminal trusts only release public keys pinned in the shell.
 * Verification refuses, each with its own code: a malformed envelope, a key
 * not pinned, a bad signature, a version not newer than the running one
 * (replay or downgrade), another channel, a shell too old for the payload,
 * and a version that already failed on this terminal.
 */
import { z } from 'zod';
import { sm2Sign, sm2Verify, sm3Hex, type Sm2KeyPair } from '../../crypto';
import { FleetError } from './fleet-error';
import { compareVersions, coreVersion, isReleaseVersion } from './version';

export const RELEASE_CHANNELS = ['canary', 'stable'] as const;
export type ReleaseChannel = (typeof RELEASE_CHANNELS)[number];

const versionSchema = z.string().refine(isReleaseVersion, 'MAJOR.MINOR.PATCH');
const sm3Schema = z.string().regex(/^[0-9a-f]{64}$/);

export const payloadFileSchema = z.object({
  /** Relative, forward slashes, no "..": checked again when the archive is unpacked. */
  path: z.string().min(1).max(400).refine((path) => !path.startsWith('/') && !path.split('/').includes('..'), 'relative path'),
  size: z.number().int().nonnegative(),
  sm3: sm3Schema,
});

export const releaseManifestSchema = z
  .object({
    format: z.literal(1),
    version: versionSchema,
    channel: z.enum(RELEASE_CHANNELS),
    /** The oldest shell (Electron + native modules) this payload runs on. */
    minShellVersion: versionSchema,
    payload: z.object({
      size: z.number().int().positive(),
      sm3: sm3Schema,
      files: z.array(payloadFileSchema).min(1),
    }),
    notes: z.string().max(4000),
    /**
     * A full shell release (new Electron or native modules) installed by
     * electron-updater: its installers' SHA-512 (base64, as latest.yml
     * carries them), so the unsigned latest.yml is believed only where it
     * matches what the release key signed.
     */
    shell: z
      .object({
        version: versionSchema,
        artifacts: z.array(z.object({ file: z.string().min(1).max(200), size: z.number().int().positive(), sha512: z.string().regex(/^[A-Za-z0-9+/]{86}==$/) })).min(1),
      })
      .optional(),
    publishedAt: z.string().min(1),
    /** Which pinned key signed it: the first 16 hex digits of SM3(public key hex). */
    keyId: z.string().regex(/^[0-9a-f]{16}$/),
  })
  .strict();

export type ReleaseManifest = z.infer<typeof releaseManifestSchema>;
export type PayloadFile = z.infer<typeof payloadFileSchema>;

export const signedManifestSchema = z.object({ manifest: z.string().min(2).max(2_000_000), signature: z.string().regex(/^[0-9a-f]{16,400}$/) }).strict();
export type SignedManifest = z.infer<typeof signedManifestSchema>;

export function releaseKeyId(publicKeyHex: string): string {
  return sm3Hex(publicKeyHex.toLowerCase()).slice(0, 16);
}

export function signManifest(manifest: Omit<ReleaseManifest, 'keyId'>, keys: Sm2KeyPair): SignedManifest {
  const full: ReleaseManifest = releaseManifestSchema.parse({ ...manifest, keyId: releaseKeyId(keys.publicKey) });
  const text = JSON.stringify(full);
  return { manifest: text, signature: sm2Sign(text, keys) };
}

export interface VerifyContext {
  /** Release public keys pinned in the shell (uncompressed SM2 points, hex). */
  pinnedKeys: readonly string[];
  /** The payload version running now; a manifest must be strictly newer. */
  runningVersion: string;
  shellVersion: string;
  channel?: ReleaseChannel;
  /** Versions that failed their health gate here: never retried. */
  failedVersions?: readonly string[];
}

/** Only the signature and the key: what the slot loader re-checks at every start. */
export function verifyManifestSignature(envelope: unknown, pinnedKeys: readonly string[]): ReleaseManifest {
  const outer = signedManifestSchema.safeParse(envelope);
  if (!outer.success) throw new FleetError('release-malformed', 'signed manifest envelope does not match its schema');
  let raw: unknown;
  try {
    raw = JSON.parse(outer.data.manifest);
  } catch {
    throw new FleetError('release-malformed', 'manifest is not JSON');
  }
  const keyId = typeof raw === 'object' && raw !== null && 'keyId' in raw ? String((raw as { keyId: unknown }).keyId) : '';
  const key = pinnedKeys.find((candidate) => releaseKeyId(candidate) === keyId);
  if (!key) throw new FleetError('release-key-unknown', `manifest names key ${keyId}, which this terminal does not trust`, { keyId });
  if (!sm2Verify(outer.data.manifest, outer.data.signature, key)) throw new FleetError('release-signature-invalid', 'manifest signature does not verify with the pinned key', { keyId });
  // Parsed only after the signature holds: unsigned input never reaches the schema's refinements.
  const parsed = releaseManifestSchema.safeParse(raw);
  if (!parsed.success) throw new FleetError('release-malformed', `signed manifest does not match its schema: ${parsed.error.issues[0]?.message ?? ''}`);
  return parsed.data;
}

/** Everything a terminal checks before it downloads or stages a release. */
export function verifyManifest(envelope: unknown, context: VerifyContext): ReleaseManifest {
  const manifest = verifyManifestSignature(envelope, context.pinnedKeys);
  const params = { version: manifest.version, running: context.runningVersion };
  if (context.failedVersions?.includes(manifest.version)) throw new FleetError('release-previously-failed', `${manifest.version} failed here before`, params);
  if (compareVersions(manifest.version, coreVersion(context.runningVersion)) <= 0) {
    throw new FleetError('release-not-newer', `${manifest.version} is not newer than the running ${context.runningVersion}`, params);
  }
  if (context.channel && manifest.channel !== context.channel && !(context.channel === 'canary' && manifest.channel === 'stable')) {
    throw new FleetError('release-channel-mismatch', `release is for ${manifest.channel}, terminal follows ${context.channel}`, { channel: manifest.channel });
  }
  if (compareVersions(manifest.minShellVersion, coreVersion(context.shellVersion)) > 0) {
    throw new FleetError('release-needs-newer-shell', `payload needs shell ${manifest.minShellVersion}, this is ${context.shellVersion}`, { minShellVersion: manifest.minShellVersion });
  }
  return manifest;
}

/** verifyArchive with the hash computed elsewhere (the shell's crypto worker). */
export async function verifyArchiveWith(manifest: ReleaseManifest, archive: Uint8Array, sm3: (bytes: Uint8Array) => Promise<string>): Promise<void> {
  if (archive.length !== manifest.payload.size) {
    throw new FleetError('payload-size-mismatch', `payload is ${archive.length} bytes, manifest says ${manifest.payload.size}`, { size: archive.length, expected: manifest.payload.size });
  }
  if ((await sm3(archive)) !== manifest.payload.sm3) throw new FleetError('payload-sm3-mismatch', 'payload SM3 differs from the signed manifest');
}

/** The downloaded archive against the signed size and SM3. */
export function verifyArchive(manifest: ReleaseManifest, archive: Uint8Array): void {
  if (archive.length !== manifest.payload.size) {
    throw new FleetError('payload-size-mismatch', `payload is ${archive.length} bytes, manifest says ${manifest.payload.size}`, { size: archive.length, expected: manifest.payload.size });
  }
  if (sm3Hex(archive) !== manifest.payload.sm3) throw new FleetError('payload-sm3-mismatch', 'payload SM3 differs from the signed manifest');
}
