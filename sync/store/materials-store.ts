/**
 * Data access for captured materials and their uploads. The uploader decides
 * what to send; every statement on the `materials` table lives here.
 */
import type { Db } from './database';

export type MaterialState = 'pending' | 'uploading' | 'done' | 'dead';

export interface MaterialRow {
  id: string;
  case_id: string;
  material_key: string;
  file_name: string;
  mime_type: string;
  size: number;
  sm3: string;
  state: MaterialState;
  upload_url: string | null;
  confirmed_offset: number;
  attempts: number;
  last_error: string | null;
  created_at: string;
  completed_at: string | null;
  archived_at: string | null;
  file_removed_at: string | null;
  resend: number;
  next_attempt_at: string | null;
  checksum_refusals: number;
}

export interface NewMaterial {
  id: string;
  caseId: string;
  materialKey: string;
  fileName: string;
  mimeType: string;
  size: number;
  sm3: string;
  createdAt: string;
}

export class MaterialsStore {
  constructor(readonly db: Db) {}

  insert(material: NewMaterial): void {
    this.db
      .prepare("INSERT INTO materials (id, case_id, material_key, file_name, mime_type, size, sm3, state, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'pending', ?)")
      .run(material.id, material.caseId, material.materialKey, material.fileName, material.mimeType, material.size, material.sm3, material.createdAt);
  }

  /** Ids whose encrypted file must stay on disk: not yet uploaded, or uploaded and not yet released. */
  idsWithFiles(): Set<string> {
    // A page kept for an open registry case shares the materials' folder (its file becomes the material's).
    const rows = this.db
      .prepare("SELECT id FROM materials WHERE state IN ('pending', 'uploading') OR (state = 'done' AND file_removed_at IS NULL) UNION SELECT id FROM open_case_pages")
      .all() as { id: string }[];
    return new Set(rows.map((row) => row.id));
  }

  /** The next materials to work on, oldest first; with `dueAtIso`, only those not waiting out their own backoff. */
  queued(limit: number, dueAtIso?: string): MaterialRow[] {
    if (dueAtIso === undefined) {
      return this.db.prepare("SELECT * FROM materials WHERE state IN ('pending', 'uploading') ORDER BY next_attempt_at, created_at, id LIMIT ?").all(Math.max(1, limit)) as MaterialRow[];
    }
    return this.db
      .prepare("SELECT * FROM materials WHERE state IN ('pending', 'uploading') AND (next_attempt_at IS NULL OR next_attempt_at <= ?) ORDER BY created_at, id LIMIT ?")
      .all(dueAtIso, Math.max(1, limit)) as MaterialRow[];
  }

  created(id: string, url: string): void {
    this.db.prepare("UPDATE materials SET upload_url = ?, state = 'uploading' WHERE id = ?").run(url, id);
  }

  /** The backend no longer knows the upload: create it again from the start. */
  forgetUpload(id: string): void {
    this.db.prepare('UPDATE materials SET upload_url = NULL, confirmed_offset = 0 WHERE id = ?').run(id);
  }

  confirm(id: string, offset: number): void {
    this.db.prepare('UPDATE materials SET confirmed_offset = ? WHERE id = ?').run(offset, id);
  }

  noteError(id: string, code: string): void {
    this.db.prepare('UPDATE materials SET last_error = ? WHERE id = ?').run(code, id);
  }

  attemptFailed(id: string, code: string, nextAttemptAt: string): void {
    this.db.prepare('UPDATE materials SET attempts = attempts + 1, last_error = ?, next_attempt_at = ? WHERE id = ?').run(code, nextAttemptAt, id);
  }

  /** One more chunk refused for its checksum; returns how many in a row. */
  checksumRefused(id: string): number {
    return (this.db.prepare('UPDATE materials SET checksum_refusals = checksum_refusals + 1 WHERE id = ? RETURNING checksum_refusals').get(id) as { checksum_refusals: number }).checksum_refusals;
  }

  checksumAccepted(id: string): void {
    this.db.prepare('UPDATE materials SET checksum_refusals = 0 WHERE id = ? AND checksum_refusals != 0').run(id);
  }

  markDone(id: string, at: string): void {
    this.db.prepare("UPDATE materials SET state = 'done', completed_at = ?, last_error = NULL, resend = 0, next_attempt_at = NULL WHERE id = ?").run(at, id);
  }

  markDead(id: string, reason: string): void {
    this.db.prepare("UPDATE materials SET state = 'dead', last_error = ? WHERE id = ?").run(reason, id);
  }

  /** Clears the after-restore mark; true if it was set (the caller counts the material as re-sent). */
  takeResendMark(id: string): boolean {
    return this.db.prepare('UPDATE materials SET resend = 0 WHERE id = ? AND resend = 1').run(id).changes > 0;
  }

  /**
   * After the centre was restored from a backup: every uploaded material it has not confirmed archived,
   * whose file is still here, goes back in the queue. Creation is idempotent per material id, so one the
   * centre still holds completes at once without a byte sent.
   */
  requeueUnarchived(): string[] {
    const rows = this.db.prepare("SELECT id FROM materials WHERE state = 'done' AND archived_at IS NULL AND file_removed_at IS NULL").all() as { id: string }[];
    const update = this.db.prepare("UPDATE materials SET state = 'pending', upload_url = NULL, confirmed_offset = 0, completed_at = NULL, resend = 1 WHERE id = ?");
    for (const row of rows) update.run(row.id);
    return rows.map((row) => row.id);
  }

  /** Uploaded materials the centre has not yet confirmed archived, oldest first (for the archive check). */
  awaitingArchive(limit: number): MaterialRow[] {
    return this.db
      .prepare("SELECT * FROM materials WHERE state = 'done' AND archived_at IS NULL AND upload_url IS NOT NULL ORDER BY completed_at, id LIMIT ?")
      .all(limit) as MaterialRow[];
  }

  markArchived(id: string, at: string): void {
    this.db.prepare('UPDATE materials SET archived_at = ? WHERE id = ? AND archived_at IS NULL').run(at, id);
  }

  /**
   * Files that may go: archived by the centre, uploaded longer ago than the retention, or (oldest first)
   * whatever keeps the kept files over the disk budget.
   */
  releasable(retainedSinceIso: string, budgetBytes: number): string[] {
    const kept = this.db
      .prepare("SELECT id, size, completed_at, archived_at FROM materials WHERE state = 'done' AND file_removed_at IS NULL ORDER BY completed_at, id")
      .all() as { id: string; size: number; completed_at: string; archived_at: string | null }[];
    const out: string[] = [];
    let total = kept.reduce((sum, row) => sum + row.size, 0);
    for (const row of kept) {
      if (row.archived_at !== null || row.completed_at < retainedSinceIso || total > budgetBytes) {
        out.push(row.id);
        total -= row.size;
      }
    }
    return out;
  }

  fileRemoved(id: string, at: string): void {
    this.db.prepare('UPDATE materials SET file_removed_at = ? WHERE id = ?').run(at, id);
  }

  /** Bytes of uploaded materials still kept on disk for the centre's sake. */
  keptBytes(): number {
    return (this.db.prepare("SELECT COALESCE(SUM(size), 0) AS n FROM materials WHERE state = 'done' AND file_removed_at IS NULL").get() as { n: number }).n;
  }

  get(id: string): MaterialRow | undefined {
    return this.db.prepare('SELECT * FROM materials WHERE id = ?').get(id) as MaterialRow | undefined;
  }

  /** What the sync screen lists: everything not yet done, dead letters included. */
  unfinished(limit: number): MaterialRow[] {
    return this.db.prepare("SELECT * FROM materials WHERE state != 'done' ORDER BY created_at LIMIT ?").all(limit) as MaterialRow[];
  }

  totals(): { pending: number; sent: number; total: number } {
    return this.db
      .prepare("SELECT COUNT(*) AS pending, COALESCE(SUM(confirmed_offset), 0) AS sent, COALESCE(SUM(size), 0) AS total FROM materials WHERE state IN ('pending', 'uploading')")
      .get() as { pending: number; sent: number; total: number };
  }
}
