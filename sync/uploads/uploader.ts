/**
 * Resumable material uploads over tus 1.0.0 (core + creation + checksum),
 * see fixtures/backend/tus.ts for why we speak tus without a library.
 * Each chunk carries Upload-Checksum (SM3); the confirmed offset is stored
 * after every chunk, and on restart the server's offset (HEAD) wins, so an
 * interruption re-sends at most the chunk that was in flight.
 */
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { UploadView } from '../../domain/sync-status';
import type { AuditLog } from '../audit/audit-log';
import type { BackendClient } from '../client/backend-client';
import { SyncError } from '../errors';
import type { StepResult } from '../outbox/loop';
import type { SyncStore } from '../store/sync-store';
import { MaterialCipher } from './material-file';

export const MAX_MATERIAL_BYTES = 50 * 1024 * 1024;
const TUS = { 'tus-resumable': '1.0.0' };

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

/** A material's encrypted file on disk, not yet queued. */
export interface StagedMaterial {
  id: string;
  materialKey: string;
  fileName: string;
  mimeType: string;
  size: number;
  sm3: string;
}

interface MaterialRow {
  id: string;
  case_id: string;
  material_key: string;
  file_name: string;
  mime_type: string;
  size: number;
  sm3: string;
  state: 'pending' | 'uploading' | 'done' | 'dead';
  upload_url: string | null;
  confirmed_offset: number;
  attempts: number;
  last_error: string | null;
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
    private readonly store: SyncStore,
    private readonly audit: AuditLog,
    private readonly cipher: MaterialCipher,
    dataDir: string,
    private readonly options: () => UploaderOptions,
    private readonly onProgress: () => void,
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
    const live = new Set((this.store.db.prepare("SELECT id FROM materials WHERE state IN ('pending', 'uploading')").all() as { id: string }[]).map((row) => row.id));
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

  /** Queues a staged material for upload; call inside the caller's transaction. */
  record(caseId: string, staged: StagedMaterial): void {
    this.store.db
      .prepare("INSERT INTO materials (id, case_id, material_key, file_name, mime_type, size, sm3, state, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'pending', ?)")
      .run(staged.id, caseId, staged.materialKey, staged.fileName, staged.mimeType, staged.size, staged.sm3, new Date().toISOString());
    this.audit.append('material.captured', staged.id, { caseId, materialKey: staged.materialKey, size: staged.size });
  }

  /** Removes a staged file whose transaction did not commit. */
  discard(staged: StagedMaterial): void {
    rmSync(this.#path(staged.id), { force: true });
  }

  /** Uploads up to `parallel` materials at once; 'progress' while any remain. */
  async step(client: BackendClient): Promise<StepResult> {
    const { parallel } = this.options();
    const rows = this.store.db
      .prepare("SELECT * FROM materials WHERE state IN ('pending', 'uploading') ORDER BY created_at, id LIMIT ?")
      .all(Math.max(1, parallel)) as MaterialRow[];
    if (rows.length === 0) return 'idle';
    const outcomes = await Promise.allSettled(rows.map((row) => this.#upload(client, row)));
    const failure = outcomes.find((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
    if (failure) throw failure.reason;
    return 'progress';
  }

  async #upload(client: BackendClient, row: MaterialRow): Promise<void> {
    const path = this.#path(row.id);
    if (!existsSync(path)) {
      this.#markDead(row.id, 'upload-file-missing');
      return;
    }
    try {
      let url = row.upload_url;
      let offset: number;
      if (!url) {
        const metadata = { materialId: row.id, caseId: row.case_id, sm3: row.sm3, fileName: row.file_name, mimeType: row.mime_type };
        const response = await client.request('POST', '/v1/uploads', {
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
        url = location;
        offset = Number(response.headers['upload-offset'] ?? 0);
        this.store.db.prepare("UPDATE materials SET upload_url = ?, state = 'uploading' WHERE id = ?").run(url, row.id);
      } else {
        const response = await client.request('HEAD', url, { headers: TUS, accept: [404, 410] });
        if (response.status === 404 || response.status === 410) {
          // The backend lost the upload (restored from backup, or expired): start over.
          this.store.db.prepare('UPDATE materials SET upload_url = NULL, confirmed_offset = 0 WHERE id = ?').run(row.id);
          throw new SyncError('backend-bad-response', 'upload unknown to the backend; recreating');
        }
        offset = Number(response.headers['upload-offset']);
      }
      if (!Number.isInteger(offset) || offset < 0 || offset > row.size) throw new SyncError('backend-bad-response', 'bad Upload-Offset');
      this.#confirm(row.id, offset);
      const { chunkBytes } = this.options();
      while (offset < row.size) {
        const length = Math.min(chunkBytes, row.size - offset);
        const chunk = this.cipher.readRange(path, offset, length);
        this.#inFlight.set(row.id, 0);
        const response = await client.request('PATCH', url, {
          raw: chunk,
          headers: {
            ...TUS,
            'content-type': 'application/offset+octet-stream',
            'upload-offset': String(offset),
            'upload-checksum': `sm3 ${createHash('sm3').update(chunk).digest('base64')}`,
          },
          accept: [409, 460],
          timeoutMs: 120_000,
        });
        this.#inFlight.delete(row.id);
        if (response.status === 409 || response.status === 460) {
          // Offset moved or the chunk was damaged on the way: ask where the server is and go on from there.
          const head = await client.request('HEAD', url, { headers: TUS });
          offset = Number(head.headers['upload-offset']);
          if (response.status === 460) this.store.db.prepare('UPDATE materials SET last_error = ? WHERE id = ?').run('upload-checksum-mismatch', row.id);
          continue;
        }
        offset = Number(response.headers['upload-offset']);
        if (!Number.isInteger(offset)) throw new SyncError('backend-bad-response', 'PATCH answer without Upload-Offset');
        this.#confirm(row.id, offset);
      }
      this.store.db
        .transaction(() => {
          this.store.db.prepare("UPDATE materials SET state = 'done', completed_at = ?, last_error = NULL WHERE id = ?").run(new Date().toISOString(), row.id);
          this.audit.append('material.uploaded', row.id, { caseId: row.case_id, size: row.size });
        })
        .immediate();
      rmSync(path, { force: true });
      this.onProgress();
    } catch (error) {
      this.#inFlight.delete(row.id);
      this.store.db
        .prepare('UPDATE materials SET attempts = attempts + 1, last_error = ? WHERE id = ?')
        .run(error instanceof SyncError ? error.code : 'internal-error', row.id);
      this.onProgress();
      throw error;
    }
  }

  #confirm(id: string, offset: number): void {
    this.store.db.prepare('UPDATE materials SET confirmed_offset = ? WHERE id = ?').run(offset, id);
    this.onProgress();
  }

  #markDead(id: string, reason: string): void {
    this.store.db.prepare("UPDATE materials SET state = 'dead', last_error = ? WHERE id = ?").run(reason, id);
    this.audit.append('material.dead-lettered', id, { reason });
    this.onProgress();
  }

  views(limit = 200): UploadView[] {
    const rows = this.store.db
      .prepare("SELECT * FROM materials WHERE state != 'done' ORDER BY created_at LIMIT ?")
      .all(limit) as MaterialRow[];
    return rows.map((row) => {
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
    const row = this.store.db
      .prepare("SELECT COUNT(*) AS pending, COALESCE(SUM(confirmed_offset), 0) AS sent, COALESCE(SUM(size), 0) AS total FROM materials WHERE state IN ('pending', 'uploading')")
      .get() as { pending: number; sent: number; total: number };
    return row;
  }
}
