/**
 * Downloads a payload in ranged chunks into a `.part` file that survives
 * restarts. Each chunk is appended and fsync'd only when it arrived whole,
 * so after a cut the download resumes from the file's length and at most
 * the one chunk in flight is fetched again (the tus uploader's rule, the
 * other way round). The finished file is checked against the signed size
 * and SM3 before anyone unpacks it; a file that fails is deleted.
 */
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { BackendResponse, RequestOptions } from '../client/backend-client';
import { FleetError } from './fleet-error';
import { verifyArchive, type ReleaseManifest } from './release-manifest';

export type BackendRequest = <T = unknown>(method: string, path: string, options?: RequestOptions) => Promise<BackendResponse<T>>;

export const DEFAULT_CHUNK_BYTES = 1024 * 1024;

export interface DownloadProgress {
  version: string;
  received: number;
  size: number;
}

export async function downloadPayload(
  request: BackendRequest,
  manifest: ReleaseManifest,
  dir: string,
  options: { chunkBytes?: number; onProgress?: (progress: DownloadProgress) => void } = {},
): Promise<string> {
  mkdirSync(dir, { recursive: true });
  const name = `${manifest.version}-${manifest.payload.sm3.slice(0, 16)}`;
  const part = join(dir, `${name}.part`);
  // Older partial downloads (a halted or superseded release) are dead weight on a counter PC's disk.
  for (const entry of readdirSync(dir)) if (entry.endsWith('.part') && entry !== `${name}.part`) rmSync(join(dir, entry), { force: true });
  const size = manifest.payload.size;
  const chunk = options.chunkBytes ?? DEFAULT_CHUNK_BYTES;
  let offset = existsSync(part) ? statSync(part).size : 0;
  if (offset > size) {
    rmSync(part);
    offset = 0;
  }
  while (offset < size) {
    const end = Math.min(offset + chunk, size) - 1;
    let response: BackendResponse<Buffer>;
    try {
      response = await request<Buffer>('GET', `/v1/releases/${manifest.version}/payload`, { headers: { range: `bytes=${offset}-${end}` }, binary: true, accept: [206] });
    } catch (error) {
      throw new FleetError('payload-download-failed', `download of ${manifest.version} stopped at ${offset} of ${size}: ${(error as Error).message}`, { received: offset, size });
    }
    const bytes = response.data;
    if (response.status !== 206 || !Buffer.isBuffer(bytes) || bytes.length !== end - offset + 1) {
      throw new FleetError('payload-download-failed', `range ${offset}-${end} of ${manifest.version} answered ${response.status} with ${Buffer.isBuffer(bytes) ? bytes.length : 0} bytes`, { received: offset, size });
    }
    appendDurable(part, bytes);
    offset += bytes.length;
    options.onProgress?.({ version: manifest.version, received: offset, size });
  }
  try {
    verifyArchive(manifest, readFileSync(part));
  } catch (error) {
    rmSync(part, { force: true });
    throw error;
  }
  return part;
}

function appendDurable(path: string, bytes: Uint8Array): void {
  const fd = openSync(path, 'a', 0o600);
  try {
    let written = 0;
    while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
