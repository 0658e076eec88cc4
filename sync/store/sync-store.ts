/**
 * Data access for cases, the outbox and pulled reference data. Every write
 * that must reach the backend commits together with its outbox row; nothing
 * here touches the network.
 */
import { randomUUID } from 'node:crypto';
import type { CaseDraft, CaseRecord, CaseSyncState } from '../../domain/case';
import type { AuditLog } from '../audit/audit-log';
import { currentActor } from '../audit/actor';
import type { Sm4Box } from '../crypto/sm';
import { SyncError } from '../errors';
import type { Db } from './database';

export type OutboxKind = 'case' | 'certificate-issued' | 'certificate-void' | 'desk-event' | 'registry-case' | 'registry-day-report';

export interface OutboxItem {
  id: number;
  seq: number;
  kind: OutboxKind;
  refId: string;
  payload: Record<string, unknown>;
  attempts: number;
}

export interface OutboxRowView {
  seq: number;
  kind: OutboxKind;
  refId: string;
  state: 'pending' | 'delivered' | 'dead';
  attempts: number;
  lastError: string | null;
  deadReason: string | null;
  createdAt: string;
  lastAttemptAt: string | null;
}

interface CaseRow {
  id: string;
  seq: number;
  service_item_id: string;
  pii: Buffer;
  created_at: string;
  sync_state: CaseSyncState;
  synced_at: string | null;
  last_error: string | null;
}

interface OutboxRow {
  id: number;
  seq: number;
  kind: OutboxKind;
  ref_id: string;
  payload: Buffer;
  state: 'pending' | 'delivered' | 'dead';
  attempts: number;
  last_error: string | null;
  dead_reason: string | null;
  created_at: string;
  last_attempt_at: string | null;
}

/** Everything personal about a case: sealed with SM4 at rest. */
type CasePii = Pick<CaseDraft, 'applicant' | 'form' | 'signatures' | 'pledgeAccepted' | 'signatureBindings' | 'identitySource'> & Pick<CaseRecord, 'officerId'>;

/** Shown on the sync screen after the centre was restored from a backup. */
export interface RestoreReport {
  at: string;
  epoch: string;
  /** The centre's contiguous high-water mark for this terminal after the restore. */
  contiguousSeq: number;
  cases: number;
  items: number;
  materials: number;
}

export interface OutboxCounts {
  pending: number;
  failed: number;
  dead: number;
}

export class SyncStore {
  constructor(
    readonly db: Db,
    private readonly box: Sm4Box,
    private readonly audit: AuditLog,
    private readonly clock: () => number,
  ) {}

  #iso(): string {
    return new Date(this.clock()).toISOString();
  }

  getMeta(key: string): string | undefined {
    return (this.db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined)?.value;
  }

  setMeta(key: string, value: string): void {
    this.db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
  }

  deleteMeta(key: string): void {
    this.db.prepare('DELETE FROM meta WHERE key = ?').run(key);
  }

  /** Sealed secrets (the SM2 private key) live in meta too, under the data key. */
  getSealedMeta<T>(key: string): T | undefined {
    const value = this.getMeta(key);
    return value === undefined ? undefined : this.box.openJson<T>(Buffer.from(value, 'base64'));
  }

  setSealedMeta(key: string, value: unknown): void {
    this.setMeta(key, this.box.sealJson(value).toString('base64'));
  }

  /** Strictly increasing per terminal; never reused even after rows are pruned. Call inside a transaction. */
  #takeSeq(): number {
    const next = Number(this.getMeta('next_seq') ?? '1');
    this.setMeta('next_seq', String(next + 1));
    return next;
  }

  /** Adds an outbox row; call inside the transaction of the change it carries. */
  enqueue(kind: OutboxKind, refId: string, payload: Record<string, unknown>): number {
    const seq = this.#takeSeq();
    this.db
      .prepare("INSERT INTO outbox (seq, kind, ref_id, payload, state, created_at) VALUES (?, ?, ?, ?, 'pending', ?)")
      .run(seq, kind, refId, this.box.sealJson(payload), this.#iso());
    return seq;
  }

  createCase(draft: CaseDraft): CaseRecord {
    return this.db
      .transaction((): CaseRecord => {
        const id = draft.submissionId ?? randomUUID();
        const createdAt = this.#iso();
        const { cardType, name, idNumber } = draft.applicant;
        const pii: CasePii = { applicant: { cardType, name, idNumber }, form: draft.form };
        if (draft.signatures) pii.signatures = draft.signatures;
        if (draft.pledgeAccepted !== undefined) pii.pledgeAccepted = draft.pledgeAccepted;
        if (draft.signatureBindings) pii.signatureBindings = draft.signatureBindings;
        if (draft.identitySource) pii.identitySource = draft.identitySource;
        // The officer who received the case (absent on an unattended terminal, which acts as itself).
        const officerId = currentActor()?.officerId;
        if (officerId) pii.officerId = officerId;
        const seq = this.enqueue('case', id, { caseId: id, serviceItemId: draft.serviceItemId, ...pii, createdAt });
        this.db
          .prepare("INSERT INTO cases (id, seq, service_item_id, pii, created_at, sync_state) VALUES (?, ?, ?, ?, ?, 'queued')")
          .run(id, seq, draft.serviceItemId, this.box.sealJson(pii), createdAt);
        this.audit.append('case.created', id, { seq, serviceItemId: draft.serviceItemId });
        return { id, seq, createdAt, syncState: 'queued', serviceItemId: draft.serviceItemId, ...structuredClone(pii) };
      })
      .immediate();
  }

  getCase(id: string): CaseRecord | undefined {
    const row = this.db.prepare('SELECT * FROM cases WHERE id = ?').get(id) as CaseRow | undefined;
    return row ? this.#toCase(row) : undefined;
  }

  listCases(limit = 100): CaseRecord[] {
    const rows = this.db.prepare('SELECT * FROM cases ORDER BY created_at DESC, seq DESC LIMIT ?').all(Math.max(1, Math.min(limit, 10_000))) as CaseRow[];
    return rows.map((row) => this.#toCase(row));
  }

  caseIds(): string[] {
    return (this.db.prepare('SELECT id FROM cases ORDER BY seq').all() as { id: string }[]).map((row) => row.id);
  }

  #toCase(row: CaseRow): CaseRecord {
    const pii = this.box.openJson<CasePii>(row.pii);
    const record: CaseRecord = {
      id: row.id,
      seq: row.seq,
      createdAt: row.created_at,
      syncState: row.sync_state,
      serviceItemId: row.service_item_id,
      ...pii,
    };
    if (row.synced_at) record.syncedAt = row.synced_at;
    if (row.last_error) record.lastError = row.last_error;
    return record;
  }

  /** The oldest pending items in sequence order: the drain loop sends them as one batch. */
  pendingBatch(limit: number): OutboxItem[] {
    const rows = this.db.prepare("SELECT * FROM outbox WHERE state = 'pending' ORDER BY seq LIMIT ?").all(limit) as OutboxRow[];
    return rows.map((row) => ({
      id: row.id,
      seq: row.seq,
      kind: row.kind,
      refId: row.ref_id,
      attempts: row.attempts,
      payload: this.box.openJson<Record<string, unknown>>(row.payload),
    }));
  }

  /** Records the backend's per-item answers; returns the case ids whose state changed. */
  recordResults(results: { item: OutboxItem; status: 'applied' | 'duplicate' | 'rejected'; reason?: string }[]): string[] {
    const at = this.#iso();
    const changedCases: string[] = [];
    const deliver = this.db.prepare("UPDATE outbox SET state = 'delivered', delivered_at = ?, last_error = NULL, attempts = attempts + 1, last_attempt_at = ? WHERE seq = ? AND state = 'pending'");
    const kill = this.db.prepare("UPDATE outbox SET state = 'dead', dead_reason = ?, attempts = attempts + 1, last_attempt_at = ? WHERE seq = ? AND state = 'pending'");
    const caseSynced = this.db.prepare("UPDATE cases SET sync_state = 'synced', synced_at = ?, last_error = NULL WHERE id = ?");
    const caseDead = this.db.prepare("UPDATE cases SET sync_state = 'dead-letter', last_error = ? WHERE id = ?");
    this.db
      .transaction(() => {
        for (const { item, status, reason } of results) {
          if (status === 'rejected') {
            if (kill.run(reason ?? 'rejected', at, item.seq).changes === 0) continue;
            this.audit.append('outbox.dead-lettered', item.refId, { seq: item.seq, kind: item.kind, reason: reason ?? 'rejected' });
            if (item.kind === 'case') {
              caseDead.run(reason ?? 'rejected', item.refId);
              changedCases.push(item.refId);
            }
          } else {
            if (deliver.run(at, at, item.seq).changes === 0) continue;
            if (item.kind === 'case') {
              caseSynced.run(at, item.refId);
              changedCases.push(item.refId);
              this.audit.append('case.synced', item.refId, { seq: item.seq, status });
            }
          }
        }
      })
      .immediate();
    return changedCases;
  }

  /** A temporary failure: the items stay pending; cases show "failed" with the code. */
  recordAttemptFailed(items: OutboxItem[], errorCode: string): string[] {
    const at = this.#iso();
    const changed: string[] = [];
    const update = this.db.prepare("UPDATE outbox SET attempts = attempts + 1, last_error = ?, last_attempt_at = ? WHERE seq = ? AND state = 'pending'");
    const caseFailed = this.db.prepare("UPDATE cases SET sync_state = 'failed', last_error = ? WHERE id = ? AND sync_state IN ('queued', 'failed')");
    this.db
      .transaction(() => {
        for (const item of items) {
          update.run(errorCode, at, item.seq);
          if (item.kind === 'case' && caseFailed.run(errorCode, item.refId).changes > 0) changed.push(item.refId);
        }
      })
      .immediate();
    return changed;
  }

  /**
   * The officer fixed a dead-lettered item: it goes back in the queue under a
   * new sequence number (the backend never applied the old one). `patch`
   * replaces the case's form fields when the officer corrected them.
   */
  retryDeadLetter(seq: number, patch?: Partial<Pick<CaseDraft, 'form' | 'serviceItemId'>>): { seq: number; refId: string } {
    return this.db
      .transaction(() => {
        const row = this.db.prepare('SELECT * FROM outbox WHERE seq = ?').get(seq) as OutboxRow | undefined;
        if (!row || row.state !== 'dead') throw new SyncError('outbox-item-not-dead-lettered', `outbox item ${seq} is not dead-lettered`, { params: { seq } });
        const payload = this.box.openJson<Record<string, unknown>>(row.payload);
        if (row.kind === 'case' && patch) {
          if (patch.form) payload.form = patch.form;
          if (patch.serviceItemId) payload.serviceItemId = patch.serviceItemId;
        }
        const newSeq = this.#takeSeq();
        this.db
          .prepare("UPDATE outbox SET seq = ?, payload = ?, state = 'pending', attempts = 0, last_error = NULL, dead_reason = NULL WHERE id = ?")
          .run(newSeq, this.box.sealJson(payload), row.id);
        if (row.kind === 'case') {
          const caseRow = this.db.prepare('SELECT * FROM cases WHERE id = ?').get(row.ref_id) as CaseRow | undefined;
          if (caseRow) {
            const pii = this.box.openJson<CasePii>(caseRow.pii);
            if (patch?.form) pii.form = patch.form;
            this.db
              .prepare("UPDATE cases SET seq = ?, sync_state = 'queued', last_error = NULL, pii = ?, service_item_id = ? WHERE id = ?")
              .run(newSeq, this.box.sealJson(pii), String(payload.serviceItemId ?? caseRow.service_item_id), row.ref_id);
          }
        }
        this.audit.append('outbox.retried', row.ref_id, { oldSeq: seq, seq: newSeq, kind: row.kind, patched: patch !== undefined });
        return { seq: newSeq, refId: row.ref_id };
      })
      .immediate();
  }

  /**
   * After the backend was restored from an older backup it no longer holds
   * what it acknowledged above `contiguousSeq` (its contiguous high-water mark
   * for this terminal): put those items back in the queue under the same seq.
   * Anything it still holds comes back `duplicate`, so erring high is safe.
   */
  requeueDeliveredAfter(contiguousSeq: number): { items: number; caseIds: string[] } {
    return this.db
      .transaction(() => {
        const caseIds = (this.db.prepare("SELECT ref_id FROM outbox WHERE kind = 'case' AND state = 'delivered' AND seq > ? ORDER BY seq").all(contiguousSeq) as { ref_id: string }[]).map((row) => row.ref_id);
        const result = this.db.prepare("UPDATE outbox SET state = 'pending', delivered_at = NULL WHERE state = 'delivered' AND seq > ?").run(contiguousSeq);
        const markCase = this.db.prepare("UPDATE cases SET sync_state = 'queued', synced_at = NULL, archived_at = NULL WHERE id = ?");
        for (const id of caseIds) markCase.run(id);
        if (result.changes > 0) this.audit.append('outbox.requeued-after-restore', null, { contiguousSeq, items: result.changes, cases: caseIds.length });
        return { items: result.changes, caseIds };
      })
      .immediate();
  }

  /**
   * The centre confirmed it holds everything of ours up to `archivedSeq` durably (in every backup it may
   * restore from): those cases are archived, and their outbox rows need no longer be kept for a re-send.
   */
  markArchivedThrough(archivedSeq: number): number {
    return this.db
      .prepare("UPDATE cases SET archived_at = ? WHERE archived_at IS NULL AND sync_state = 'synced' AND seq <= ?")
      .run(this.#iso(), archivedSeq).changes;
  }

  /**
   * Cases whose personal data may be removed from this terminal: confirmed archived by the centre, and
   * synced longer ago than `retentionMs`. (The officer-accountability work purges them; nothing here does.)
   */
  purgeableCases(now: number, retentionMs: number): string[] {
    const before = new Date(now - retentionMs).toISOString();
    return (this.db.prepare('SELECT id FROM cases WHERE archived_at IS NOT NULL AND synced_at <= ? ORDER BY seq').all(before) as { id: string }[]).map((row) => row.id);
  }

  /** What the sync screen says after the centre lost data in a restore: what was sent again. */
  restoreReport(): RestoreReport | undefined {
    const value = this.getMeta('restore_report');
    return value === undefined ? undefined : (JSON.parse(value) as RestoreReport);
  }

  setRestoreReport(report: RestoreReport): void {
    this.setMeta('restore_report', JSON.stringify(report));
  }

  /** One more material the restore lost went up again (counted once its creation showed the centre lacked it). */
  countResentMaterial(): void {
    this.db
      .transaction(() => {
        const report = this.restoreReport();
        if (report) this.setRestoreReport({ ...report, materials: report.materials + 1 });
      })
      .immediate();
  }

  highestDeliveredSeq(): number {
    return (this.db.prepare("SELECT COALESCE(MAX(seq), 0) AS seq FROM outbox WHERE state = 'delivered'").get() as { seq: number }).seq;
  }

  /** Three index lookups (state, seq), not a scan: called after every batch, with delivered rows kept. */
  counts(): OutboxCounts {
    const count = (sql: string) => (this.db.prepare(sql).get() as { n: number }).n;
    return {
      pending: count("SELECT COUNT(*) AS n FROM outbox WHERE state = 'pending'"),
      failed: count("SELECT COUNT(*) AS n FROM outbox WHERE state = 'pending' AND last_error IS NOT NULL"),
      dead: count("SELECT COUNT(*) AS n FROM outbox WHERE state = 'dead'"),
    };
  }

  outboxView(limit = 200): OutboxRowView[] {
    const rows = this.db
      .prepare("SELECT * FROM outbox WHERE state != 'delivered' ORDER BY CASE state WHEN 'dead' THEN 0 ELSE 1 END, seq LIMIT ?")
      .all(limit) as OutboxRow[];
    return rows.map((row) => ({
      seq: row.seq,
      kind: row.kind,
      refId: row.ref_id,
      state: row.state,
      attempts: row.attempts,
      lastError: row.last_error,
      deadReason: row.dead_reason,
      createdAt: row.created_at,
      lastAttemptAt: row.last_attempt_at,
    }));
  }

  /**
   * Keeps delivered rows so a backend restored from backup can be re-fed: until the centre confirms them
   * archived (`archivedSeq`), or at most until `olderThanIso` (the configured retention).
   */
  pruneDelivered(olderThanIso: string, archivedSeq = 0): number {
    return this.db.prepare("DELETE FROM outbox WHERE state = 'delivered' AND (delivered_at < ? OR seq <= ?)").run(olderThanIso, archivedSeq).changes;
  }

  // Pulled reference data

  feedCursor(feed: string): { cursor: string; etag: string | null } | undefined {
    return this.db.prepare('SELECT cursor, etag FROM feed_cursors WHERE feed = ?').get(feed) as { cursor: string; etag: string | null } | undefined;
  }

  /** The cursor is no good on this backend (410): the next pull starts from the beginning. */
  forgetFeedCursor(feed: string): void {
    this.db.prepare('DELETE FROM feed_cursors WHERE feed = ?').run(feed);
  }

  applyFeed(feed: string, changes: { id: string; deleted?: boolean; data?: unknown }[], cursor: string, etag: string | null, reset: boolean): void {
    const upsert = this.db.prepare('INSERT INTO feed_entries (feed, id, data) VALUES (?, ?, ?) ON CONFLICT (feed, id) DO UPDATE SET data = excluded.data');
    const remove = this.db.prepare('DELETE FROM feed_entries WHERE feed = ? AND id = ?');
    this.db
      .transaction(() => {
        if (reset) this.db.prepare('DELETE FROM feed_entries WHERE feed = ?').run(feed);
        for (const change of changes) {
          if (change.deleted) remove.run(feed, change.id);
          else upsert.run(feed, change.id, JSON.stringify(change.data));
        }
        this.db
          .prepare('INSERT INTO feed_cursors (feed, cursor, etag, pulled_at) VALUES (?, ?, ?, ?) ON CONFLICT (feed) DO UPDATE SET cursor = excluded.cursor, etag = excluded.etag, pulled_at = excluded.pulled_at')
          .run(feed, cursor, etag, this.#iso());
      })
      .immediate();
  }

  feedEntries<T>(feed: string): T[] {
    return (this.db.prepare('SELECT data FROM feed_entries WHERE feed = ? ORDER BY id').all(feed) as { data: string }[]).map((row) => JSON.parse(row.data) as T);
  }
}
