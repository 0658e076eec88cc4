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

/** Unpacks an archive whose SM3 was already checked into an empty folder, then checks every file. */
export async function unpackPayload(archivePath: string, dest: string, files: readonly PayloadFile[]): Promise<void> {
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
  verifyPayloadFiles(dest, files);
}

/** The tree at dir against the signed file list. */
export function verifyPayloadFiles(dir: string, files: readonly PayloadFile[]): void {
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
    if (size !== file.size || sm3Hex(readFileSync(full)) !== file.sm3) {
      throw new FleetError('payload-file-mismatch', `file ${file.path} differs from the signed manifest`, { path: file.path });
    }
  }
}
