/**
 * Resumable material uploads over tus 1.0.0 (core + creation + checksum),
 * see fixtures/backend/tus.ts for why we speak tus without a library.
 * Each chunk carries Upload-Checksum (SM3); the confirmed offset is stored
 * after every chunk, and on restart the server's offset (HEAD) wins, so an
 * interruption re-sends at most the chunk that was in flight.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { UploadView } from '../../domain/sync-status';
import type { AuditLog } from '../audit/audit-log';
import type { BackendClient } from '../client/backend-client';
import { SyncError } from '../errors';
import type { StepResult } from '../outbox/loop';
import type { MaterialRow, MaterialsStore } from '../store/materials-store';
import { MaterialCipher } from './material-file';

export const MAX_MATERIAL_BYTES = 50 * 1024 * 1024;
const TUS = { 'tus-resumable': '1.0.0' };
const CREATE_PATH = '/v1/uploads';
/** Chunks refused for their checksum in a row before the upload is given up as one the centre will never take. */
const MAX_CHECKSUM_REFUSALS = 5;

/** A captured material before it belongs to a case. */
export interface MaterialFile {
  materialKey: string;
  fileName: string;
  mimeType: string;
  data: Uint8Array;
}

export interface MaterialInput extends MaterialFile {
  caseId: string;
}

/** A page already kept for an open registry case: its file becomes the material's as it is. */
export interface KeptMaterial {
  materialKey: string;
  fileName: string;
  keptPageId: string;
}

/** A material's encrypted file on disk, not yet queued. */
export interface StagedMaterial {
  id: string;
  materialKey: string;
  fileName: string;
  mimeType: string;
  size: number;
  sm3: string;
}

export interface UploaderOptions {
  chunkBytes: number;
  parallel: number;
}

export class Uploader {
  readonly #dir: string;
  /** Bytes sent of the chunk in flight, per material, for the progress bar. */
  readonly #inFlight = new Map<string, number>();

  constructor(
    private readonly store: MaterialsStore,
    private readonly audit: AuditLog,
    private readonly cipher: MaterialCipher,
    dataDir: string,
    private readonly options: () => UploaderOptions,
    private readonly onProgress: () => void,
    /** A material the centre lost in a restore went up again. */
    private readonly onResent: () => void = () => {},
    /** How long one failing upload waits before its next attempt (the others go on meanwhile). */
    private readonly backoffMs: (attempt: number) => number = (attempt) => Math.min(300_000, 1_000 * 2 ** Math.min(attempt, 20)),
  ) {
    this.#dir = join(dataDir, 'materials');
  }

  /** Removes files a crash left behind: half-written temporaries and files whose row never committed. */
  cleanOrphans(): number {
    let removed = 0;
    let names: string[];
    try {
      names = readdirSync(this.#dir);
    } catch {
      return 0;
    }
    const live = this.store.idsWithFiles();
    for (const name of names) {
      const id = name.replace(/\.sm4(\.tmp)?$/, '');
      if (name.endsWith('.tmp') || !live.has(id)) {
        rmSync(join(this.#dir, name), { force: true });
        removed += 1;
      }
    }
    return removed;
  }

  #path(id: string): string {
    return join(this.#dir, `${id}.sm4`);
  }

  /**
   * Stores the material encrypted and queues it; returns its id once the file
   * is on disk and the row committed. Never waits on the network.
   */
  async add(input: MaterialInput): Promise<string> {
    const staged = await this.stage(input);
    try {
      this.store.db.transaction(() => this.record(input.caseId, staged)).immediate();
    } catch (error) {
      this.discard(staged);
      throw error;
    }
    return staged.id;
  }

  /**
   * Writes a material's encrypted file without queueing it, so a caller can
   * queue it in the same transaction as its case (`record`). Until then the
   * file is an orphan that the next start removes.
   */
  async stage(input: MaterialFile): Promise<StagedMaterial> {
    if (input.data.length > MAX_MATERIAL_BYTES) throw new SyncError('upload-too-large', `material is ${input.data.length} bytes`, { params: { size: input.data.length } });
    const id = randomUUID();
    const sm3 = await this.cipher.writeAsync(this.#path(id), input.data);
    return { id, materialKey: input.materialKey, fileName: input.fileName, mimeType: input.mimeType, size: input.data.length, sm3 };
  }

  /**
   * Writes a page of an open registry case under its own id (a capture id): kept encrypted until the completed
   * case's material takes the file over (`recordKept`). Until its row commits the file is an orphan.
   */
  async keepFile(id: string, data: Uint8Array): Promise<{ size: number; sm3: string }> {
    if (!/^[0-9a-f-]{8,64}$/i.test(id)) throw new SyncError('upload-bad-id', `not a page id: ${id}`);
    if (data.length > MAX_MATERIAL_BYTES) throw new SyncError('upload-too-large', `material is ${data.length} bytes`, { params: { size: data.length } });
    const sm3 = await this.cipher.writeAsync(this.#path(id), data);
    return { size: data.length, sm3 };
  }

  /** A kept page's bytes, or undefined when its file is gone. */
  async readKept(id: string, size: number): Promise<Uint8Array | undefined> {
    if (!/^[0-9a-f-]{8,64}$/i.test(id) || !existsSync(this.#path(id))) return undefined;
    return (await this.cipher.readRange(this.#path(id), 0, size)).data;
  }

  hasKept(id: string): boolean {
    return /^[0-9a-f-]{8,64}$/i.test(id) && existsSync(this.#path(id));
  }

  dropKept(id: string): void {
    if (/^[0-9a-f-]{8,64}$/i.test(id)) rmSync(this.#path(id), { force: true });
  }

  /** Queues a staged material for upload; call inside the caller's transaction. */
  record(caseId: string, staged: StagedMaterial): void {
    this.store.insert({ ...staged, caseId, createdAt: new Date().toISOString() });
    this.audit.append('material.captured', staged.id, { caseId, materialKey: staged.materialKey, size: staged.size });
  }

  /** Removes a staged file whose transaction did not commit. */
  discard(staged: StagedMaterial): void {
    rmSync(this.#path(staged.id), { force: true });
  }

  /**
   * Uploads up to `parallel` materials at once; 'progress' while any remain. A failing upload waits out its
   * own backoff while the ones behind it go on; only when nothing else is due does the loop's backoff decide.
   */
  async step(client: BackendClient): Promise<StepResult> {
    const { parallel } = this.options();
    const now = new Date().toISOString();
    let rows = this.store.queued(parallel, now);
    if (rows.length === 0) rows = this.store.queued(parallel);
    if (rows.length === 0) return 'idle';
    const outcomes = await Promise.allSettled(rows.map((row) => this.#upload(client, row)));
    if (outcomes.some((outcome) => outcome.status === 'fulfilled')) return 'progress';
    throw (outcomes[0] as PromiseRejectedResult).reason;
  }

  async #upload(client: BackendClient, row: MaterialRow): Promise<void> {
    const path = this.#path(row.id);
    if (!existsSync(path)) {
      this.#markDead(row.id, 'upload-file-missing');
      return;
    }
    try {
      const { url, offset: start } = row.upload_url ? await this.#resume(client, row, row.upload_url) : await this.#create(client, row);
      if (url === undefined) return;
      let offset = start;
      this.#confirm(row.id, offset);
      const { chunkBytes } = this.options();
      while (offset < row.size) {
        const length = Math.min(chunkBytes, row.size - offset);
        const { data: chunk, sm3Hex: chunkSm3 } = await this.cipher.readRange(path, offset, length);
        this.#inFlight.set(row.id, 0);
        const response = await client.request('PATCH', url, {
          raw: chunk,
          headers: {
            ...TUS,
            'content-type': 'application/offset+octet-stream',
            'upload-offset': String(offset),
            'upload-checksum': `sm3 ${Buffer.from(chunkSm3, 'hex').toString('base64')}`,
          },
          accept: [404, 409, 410, 460],
          timeoutMs: 120_000,
        });
        this.#inFlight.delete(row.id);
        if (response.status === 404 || response.status === 410) {
          this.store.forgetUpload(row.id);
          throw new SyncError('backend-bad-response', 'upload unknown to the backend; recreating');
        }
        if (response.status === 409 || response.status === 460) {
          if (response.status === 460 && this.store.checksumRefused(row.id) >= MAX_CHECKSUM_REFUSALS) {
            this.#markDead(row.id, `upload-refused:${centreCode(response, 'checksum-mismatch')}`);
            return;
          }
          // Offset moved or the chunk was damaged on the way: ask where the server is and go on from there.
          const head = await client.request('HEAD', url, { headers: TUS });
          offset = parseOffset(head.headers['upload-offset'], row.size);
          if (response.status === 460) this.store.noteError(row.id, 'upload-checksum-mismatch');
          continue;
        }
        offset = parseOffset(response.headers['upload-offset'], row.size);
        this.store.checksumAccepted(row.id);
        this.#confirm(row.id, offset);
      }
      this.store.db
        .transaction(() => {
          this.store.markDone(row.id, new Date().toISOString());
          this.audit.append('material.uploaded', row.id, { caseId: row.case_id, size: row.size });
        })
        .immediate();
      // The file stays until the centre confirms the material archived (or the retention passes): see release().
      this.onProgress();
    } catch (error) {
      this.#inFlight.delete(row.id);
      const refusal = permanentRefusal(error);
      if (refusal) {
        this.#markDead(row.id, `upload-refused:${refusal}`);
        return;
      }
      this.store.attemptFailed(row.id, error instanceof SyncError ? error.code : 'internal-error', new Date(Date.now() + this.backoffMs(row.attempts + 1)).toISOString());
      this.onProgress();
      throw error;
    }
  }

  /** Creates the upload (idempotent per material id); the centre may answer with a Location in any RFC 3986 form. */
  async #create(client: BackendClient, row: MaterialRow): Promise<{ url?: string; offset: number }> {
    const metadata = { materialId: row.id, caseId: row.case_id, sm3: row.sm3, fileName: row.file_name, mimeType: row.mime_type };
    const response = await client.request('POST', CREATE_PATH, {
      headers: {
        ...TUS,
        'upload-length': String(row.size),
        'upload-metadata': Object.entries(metadata)
          .map(([key, value]) => `${key} ${Buffer.from(value).toString('base64')}`)
          .join(','),
      },
    });
    const location = response.headers.location;
    if (!location) throw new SyncError('backend-bad-response', 'tus creation without Location');
    const url = client.resolve(location, CREATE_PATH);
    this.store.created(row.id, url);
    // Creation answers need not carry Upload-Offset (tus 1.0.0); without one, ask.
    const header = response.headers['upload-offset'];
    const offset = header === undefined ? parseOffset((await client.request('HEAD', url, { headers: TUS })).headers['upload-offset'], row.size) : parseOffset(header, row.size);
    if (this.store.takeResendMark(row.id) && offset < row.size) this.onResent();
    return { url, offset };
  }

  async #resume(client: BackendClient, row: MaterialRow, url: string): Promise<{ url?: string; offset: number }> {
    const response = await client.request('HEAD', url, { headers: TUS, accept: [404, 410] });
    if (response.status === 404 || response.status === 410) {
      // The backend lost the upload (restored from backup, or expired): start over.
      this.store.forgetUpload(row.id);
      return this.#create(client, row);
    }
    return { url, offset: parseOffset(response.headers['upload-offset'], row.size) };
  }

  /**
   * Asks the centre whether uploaded materials are durably archived (HEAD answers `Upload-Archived: true`),
   * a bounded number per call so a backlog never turns into a burst.
   */
  async checkArchived(client: BackendClient, limit = 20): Promise<number> {
    let archived = 0;
    for (const row of this.store.awaitingArchive(limit)) {
      const response = await client.request('HEAD', row.upload_url!, { headers: TUS, accept: [404, 410] });
      if (response.status === 200 && response.headers['upload-archived'] === 'true') {
        this.store.markArchived(row.id, new Date().toISOString());
        archived += 1;
      }
    }
    return archived;
  }

  /** Deletes the local files the centre no longer needs from us: archived, past the retention, or over the disk budget. */
  release(retainedSinceIso: string, budgetBytes: number): number {
    const ids = this.store.releasable(retainedSinceIso, budgetBytes);
    for (const id of ids) {
      rmSync(this.#path(id), { force: true });
      this.store.fileRemoved(id, new Date().toISOString());
    }
    if (ids.length > 0) this.onProgress();
    return ids.length;
  }

  /** Deletes one material's local file now (its case's personal data is being purged) and records it removed. */
  removeFile(id: string): void {
    rmSync(this.#path(id), { force: true });
    this.store.fileRemoved(id, new Date().toISOString());
  }

  /** After the centre was restored from a backup: upload again what it has not confirmed archived. */
  requeueAfterRestore(): number {
    const ids = this.store.db.transaction(() => this.store.requeueUnarchived()).immediate();
    if (ids.length > 0) this.audit.append('material.requeued-after-restore', null, { materials: ids.length });
    return ids.length;
  }

  keptBytes(): number {
    return this.store.keptBytes();
  }

  #confirm(id: string, offset: number): void {
    this.store.confirm(id, offset);
    this.onProgress();
  }

  #markDead(id: string, reason: string): void {
    this.store.markDead(id, reason);
    this.audit.append('material.dead-lettered', id, { reason });
    this.onProgress();
  }

  views(limit = 200): UploadView[] {
    return this.store.unfinished(limit).map((row) => {
      const view: UploadView = {
        materialId: row.id,
        caseId: row.case_id,
        fileName: row.file_name,
        size: row.size,
        sentBytes: row.confirmed_offset,
        state: row.state === 'dead' ? 'dead-letter' : row.state === 'uploading' ? 'uploading' : 'queued',
      };
      if (row.last_error) view.lastError = row.last_error;
      return view;
    });
  }

  totals(): { pending: number; sent: number; total: number } {
    return this.store.totals();
  }
}

/** The tus `Upload-Offset`: a missing or malformed one is an error, never "done". */
function parseOffset(header: string | undefined, size: number): number {
  const offset = header !== undefined && /^\d+$/.test(header.trim()) ? Number(header) : Number.NaN;
  if (!Number.isSafeInteger(offset) || offset > size) throw new SyncError('backend-bad-response', `bad Upload-Offset ${JSON.stringify(header ?? null)}`);
  return offset;
}

function centreCode(response: { data: unknown }, fallback: string): string {
  const code = (response.data as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' && /^[a-z0-9-]{1,60}$/.test(code) ? code : fallback;
}

/**
 * Answers that no retry can change: the upload is dead-lettered with the centre's reason. A 401 is not one of
 * them: it refuses the terminal (key, clock, registration), not this upload, and every loop backs off on it.
 */
function permanentRefusal(error: unknown): string | undefined {
  if (!(error instanceof SyncError) || error.code !== 'request-rejected') return undefined;
  const status = Number(error.params?.status);
  if (![400, 403, 404, 409, 413, 415].includes(status)) return undefined;
  const reason = String(error.params?.reason ?? 'unknown');
  return /^[a-z0-9-]{1,60}$/.test(reason) ? reason : `http-${status}`;
}
