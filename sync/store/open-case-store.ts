/**
 * Every statement on `open_registry_cases`, `open_case_pages` and
 * `registry_reviews`: the registry desk's open cases and national reviews,
 * sealed like a case's personal data, and the pages captured into them or
 * into a review (an override's document; their encrypted files are the
 * uploader's).
 */
import type { Sm4Box } from '../crypto/sm';
import type { Db } from './database';

export interface KeptPage {
  id: string;
  caseId: string;
  mimeType: string;
  size: number;
  sm3: string;
}

export class OpenCaseStore {
  constructor(
    readonly db: Db,
    private readonly box: Sm4Box,
  ) {}

  save(caseId: string, state: unknown, at: string): void {
    this.db
      .prepare('INSERT INTO open_registry_cases (id, state, updated_at) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at')
      .run(caseId, this.box.sealJson(state), at);
  }

  all(): unknown[] {
    const rows = this.db.prepare('SELECT state FROM open_registry_cases ORDER BY updated_at, id').all() as { state: Buffer }[];
    return rows.map((row) => this.box.openJson<unknown>(row.state));
  }

  remove(caseId: string): void {
    this.db.prepare('DELETE FROM open_registry_cases WHERE id = ?').run(caseId);
  }

  keepPage(page: KeptPage, at: string): boolean {
    return (
      this.db
        .prepare('INSERT INTO open_case_pages (id, case_id, mime_type, size, sm3, created_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING')
        .run(page.id, page.caseId, page.mimeType, page.size, page.sm3, at).changes > 0
    );
  }

  page(id: string): KeptPage | undefined {
    const row = this.db.prepare('SELECT id, case_id, mime_type, size, sm3 FROM open_case_pages WHERE id = ?').get(id) as
      | { id: string; case_id: string; mime_type: string; size: number; sm3: string }
      | undefined;
    return row ? { id: row.id, caseId: row.case_id, mimeType: row.mime_type, size: row.size, sm3: row.sm3 } : undefined;
  }

  pageIdsOf(caseId: string): string[] {
    return (this.db.prepare('SELECT id FROM open_case_pages WHERE case_id = ?').all(caseId) as { id: string }[]).map((row) => row.id);
  }

  removePage(id: string): void {
    this.db.prepare('DELETE FROM open_case_pages WHERE id = ?').run(id);
  }

  saveReview(reviewId: string, state: unknown, askedOn: string, at: string): void {
    this.db
      .prepare(
        'INSERT INTO registry_reviews (id, state, asked_on, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at',
      )
      .run(reviewId, this.box.sealJson(state), askedOn, at);
  }

  reviews(): { state: unknown; askedOn: string }[] {
    const rows = this.db.prepare('SELECT state, asked_on FROM registry_reviews ORDER BY updated_at, id').all() as { state: Buffer; asked_on: string }[];
    return rows.map((row) => ({ state: this.box.openJson<unknown>(row.state), askedOn: row.asked_on }));
  }

  removeReview(reviewId: string): void {
    this.db.prepare('DELETE FROM registry_reviews WHERE id = ?').run(reviewId);
  }
}
