/**
 * The payload: the built app (main and services bundles, preload, renderer)
 * as one gzip'd tar, plus the SM3 of every file inside it. The archive's SM3
 * is checked before unpacking; the per-file list is what the slot loader
 * checks before every start, so a file changed on disk after staging is
 * caught too. Unpacking takes regular files and folders only (no links, no
 * absolute or ".." paths), and the unpacked tree must match the signed list
 * exactly: nothing missing, nothing changed, nothing extra.
 */
import { mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { create, extract } from 'tar';
import { sm3Hex } from '../../crypto';
import { FleetError } from './fleet-error';
import type { PayloadFile } from './release-manifest';

/** Regular files under root, sorted, as forward-slash relative paths. */
export function listFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else out.push(relative(root, full).split(sep).join('/'));
    }
  };
  walk(root);
  return out.sort();
}

export function describeFiles(root: string): PayloadFile[] {
  return listFiles(root).map((path) => {
    const bytes = readFileSync(join(root, path));
    return { path, size: bytes.length, sm3: sm3Hex(bytes) };
  });
}

/**
 * Packs the chosen top-level folders of root into a gzip'd tar at archivePath,
 * in a fixed order without owners or times, so one build gives one archive.
 */
export async function buildPayloadArchive(root: string, folders: readonly string[], archivePath: string): Promise<PayloadFile[]> {
  const files = describeFiles(root).filter((file) => folders.some((folder) => file.path.startsWith(`${folder}/`)));
  if (files.length === 0) throw new FleetError('payload-archive-invalid', `no files under ${folders.join(', ')}`);
  await create({ gzip: true, file: archivePath, cwd: root, portable: true, noMtime: true, noDirRecurse: true }, files.map((file) => file.path));
  return files;
}

/** SM3 (hex) of some bytes; the shell passes its crypto worker's, so hashing a payload does not stall its event loop. */
export type Sm3Hasher = (bytes: Uint8Array) => Promise<string>;
export const inlineSm3: Sm3Hasher = async (bytes) => sm3Hex(bytes);

/** Unpacks an archive whose SM3 was already checked into an empty folder, then checks every file. */
export async function unpackPayload(archivePath: string, dest: string, files: readonly PayloadFile[], sm3: Sm3Hasher = inlineSm3): Promise<void> {
  mkdirSync(dest, { recursive: true });
  let refused: string | undefined;
  try {
    await extract({
      file: archivePath,
      cwd: dest,
      strict: true,
      filter: (path, entry) => {
        const type = 'type' in entry ? entry.type : 'File';
        const ok = (type === 'File' || type === 'Directory') && !path.startsWith('/') && !path.split('/').includes('..');
        if (!ok) refused ??= `${type} ${path}`;
        return ok;
      },
    });
  } catch (error) {
    throw new FleetError('payload-archive-invalid', `archive does not unpack: ${(error as Error).message}`);
  }
  if (refused) throw new FleetError('payload-archive-invalid', `archive holds an entry that is not a plain file: ${refused}`);
  await verifyPayloadFilesWith(dest, files, sm3);
}

/** The tree at dir against the signed file list (hashing inline: tests and scripts). */
export function verifyPayloadFiles(dir: string, files: readonly PayloadFile[]): void {
  checkTree(dir, files);
  for (const file of files) {
    const bytes = readSigned(dir, file);
    if (sm3Hex(bytes) !== file.sm3) throw mismatch(file);
  }
}

/** The same check, each file hashed by `sm3` (the shell's crypto worker), one file in memory at a time. */
export async function verifyPayloadFilesWith(dir: string, files: readonly PayloadFile[], sm3: Sm3Hasher): Promise<void> {
  checkTree(dir, files);
  for (const file of files) await readVerifiedFile(dir, file, sm3);
}

/** One file of a slot read and checked against its signed entry (size and SM3) before anyone uses its bytes. */
export async function readVerifiedFile(dir: string, file: PayloadFile, sm3: Sm3Hasher): Promise<Buffer> {
  let bytes: Buffer;
  try {
    bytes = await readFile(join(dir, file.path));
  } catch {
    throw new FleetError('payload-file-missing', `file ${file.path} is missing`, { path: file.path });
  }
  if (bytes.length !== file.size || (await sm3(bytes)) !== file.sm3) throw mismatch(file);
  return bytes;
}

function mismatch(file: PayloadFile): FleetError {
  return new FleetError('payload-file-mismatch', `file ${file.path} differs from the signed manifest`, { path: file.path });
}

function readSigned(dir: string, file: PayloadFile): Buffer {
  const bytes = readFileSync(join(dir, file.path));
  if (bytes.length !== file.size) throw mismatch(file);
  return bytes;
}

/** Nothing missing, nothing extra, every size as signed. */
function checkTree(dir: string, files: readonly PayloadFile[]): void {
  const expected = new Map(files.map((file) => [file.path, file]));
  let present: string[];
  try {
    present = listFiles(dir);
  } catch {
    throw new FleetError('payload-file-missing', `payload folder ${dir} cannot be read`);
  }
  for (const path of present) {
    if (!expected.has(path)) throw new FleetError('payload-file-unexpected', `file ${path} is not in the signed manifest`, { path });
  }
  for (const file of files) {
    const full = join(dir, file.path);
    let size: number;
    try {
      size = statSync(full).size;
    } catch {
      throw new FleetError('payload-file-missing', `file ${file.path} is missing`, { path: file.path });
    }
    if (size !== file.size) throw mismatch(file);
  }
}
