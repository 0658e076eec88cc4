/**
 * Materials captured at the counter (scans, photos) before their case
 * exists. They stay in memory, not on disk: until the case is saved they
 * are not the resident's record, and a restart of the terminal discards them
 * (the officer scans again). Bounded in size and age.
 */
import { randomUUID } from 'node:crypto';
import { TerminalError } from '../contract/errors';
import type { CleanedPage } from '../documents/materials/clean-page';

export interface Capture {
  data: Uint8Array;
  mimeType: string;
  /** A material page, cleaned for the archive (its `data` is the page's image). */
  page?: CleanedPage;
}

const MAX_TOTAL_BYTES = 200 * 1024 * 1024;
const MAX_AGE_MS = 4 * 3600_000;

export class MaterialCaptures {
  readonly #items = new Map<string, Capture & { at: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  add(capture: Capture): string {
    const id = randomUUID();
    this.#items.set(id, { ...capture, at: this.now() });
    this.#evict();
    return id;
  }

  /** The captures, in order; refuses if any is gone (discarded, evicted, or from before a restart). */
  get(ids: readonly string[]): Capture[] {
    return ids.map((id) => {
      const item = this.#items.get(id);
      if (!item) throw new TerminalError('capture-not-found', `captured material ${id} is no longer held`, { captureId: id });
      return { data: item.data, mimeType: item.mimeType, ...(item.page ? { page: item.page } : {}) };
    });
  }

  discard(ids: readonly string[]): void {
    for (const id of ids) this.#items.delete(id);
  }

  /** Oldest first: past the age limit, then while over the size limit. */
  #evict(): void {
    const now = this.now();
    let total = 0;
    for (const [id, item] of this.#items) {
      if (now - item.at > MAX_AGE_MS) this.#items.delete(id);
      else total += item.data.length;
    }
    for (const [id, item] of this.#items) {
      if (total <= MAX_TOTAL_BYTES) break;
      this.#items.delete(id);
      total -= item.data.length;
    }
  }
}
