/**
 * Pulls reference data (catalogue, appointments, configuration) with the
 * server's cursors, never by time: the cursor is an opaque server change
 * sequence, so a terminal clock a day off pulls exactly the same rows.
 * ETag/If-None-Match avoids re-sending an unchanged feed; a 410
 * cursor-invalid (e.g. backend restored from an older backup) triggers a
 * full refetch that replaces the local copy.
 */
import { z } from 'zod';
import type { Logger } from '../../domain/logger';
import type { BackendClient } from '../client/backend-client';
import { SyncError } from '../errors';
import type { SyncStore } from '../store/sync-store';

export const FEEDS = ['catalogue', 'appointments', 'configuration'] as const;
export type Feed = (typeof FEEDS)[number];

const pageSchema = z.object({
  feed: z.string(),
  cursor: z.string().min(1),
  reset: z.boolean(),
  more: z.boolean(),
  changes: z.array(z.object({ id: z.string(), deleted: z.boolean().optional(), data: z.unknown().optional() })),
});

export interface PullOutcome {
  feed: Feed;
  changed: number;
  notModified: boolean;
  refetched: boolean;
}

export class FeedPuller {
  constructor(
    private readonly store: SyncStore,
    private readonly client: BackendClient,
    private readonly logger: Logger,
  ) {}

  async pull(feed: Feed): Promise<PullOutcome> {
    let refetched = false;
    let changed = 0;
    for (let page = 0; page < 10_000; page += 1) {
      const saved = this.store.feedCursor(feed);
      const query = saved ? `?cursor=${encodeURIComponent(saved.cursor)}` : '';
      const headers: Record<string, string> = {};
      if (saved?.etag) headers['if-none-match'] = saved.etag;
      const response = await this.client.request('GET', `/v1/feeds/${feed}${query}`, { headers, accept: [410] });
      if (response.status === 304) return { feed, changed, notModified: page === 0, refetched };
      if (response.status === 410) {
        if (refetched) throw new SyncError('feed-cursor-invalid', `backend refused a fresh cursor for ${feed}`);
        this.logger.warn('feed cursor refused; refetching everything', { feed });
        this.store.forgetFeedCursor(feed);
        refetched = true;
        continue;
      }
      const parsed = pageSchema.safeParse(response.data);
      if (!parsed.success) throw new SyncError('backend-bad-response', `feed ${feed} page did not match the schema`);
      const body = parsed.data;
      const etag = body.more ? null : (response.headers.etag ?? null);
      this.store.applyFeed(feed, body.changes, body.cursor, etag, body.reset);
      changed += body.changes.length + (body.reset ? 1 : 0);
      if (!body.more) return { feed, changed, notModified: false, refetched };
    }
    throw new SyncError('backend-bad-response', `feed ${feed} never ended`);
  }
}
