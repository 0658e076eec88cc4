/**
 * One drain step: send the oldest pending items as one batch and record the
 * backend's answer for each. Items the backend did not answer stay pending:
 * a missing result is a failure, never a success.
 */
import { z } from 'zod';
import type { BackendClient } from '../client/backend-client';
import { SyncError } from '../errors';
import type { OutboxItem, SyncStore } from '../store/sync-store';
import type { StepResult } from './loop';

const resultsSchema = z.object({
  results: z.array(z.object({ seq: z.number().int(), status: z.enum(['applied', 'duplicate', 'rejected']), reason: z.string().optional() })),
  lastSeq: z.number().int().optional(),
});

export interface DrainerHooks {
  /** Cases whose sync state changed, for the caseChanged event. */
  casesChanged(ids: string[]): void;
  delivered(count: number): void;
  /** Reasons the backend gave for the items it refused in this batch. */
  rejected(reasons: string[]): void;
  /** The backend refused the whole batch, unapplied: the epoch we sent is not its own (it was restored). */
  epochChanged(): void;
}

export class OutboxDrainer {
  constructor(
    private readonly store: SyncStore,
    private readonly client: BackendClient,
    private readonly hooks: DrainerHooks,
    private readonly batchSize: number,
    /** The backend epoch this terminal last reconciled with; sent with every batch. */
    private readonly epoch: () => string | undefined = () => undefined,
  ) {}

  async step(): Promise<StepResult> {
    const batch = this.store.pendingBatch(this.batchSize);
    if (batch.length === 0) return 'idle';
    let data: unknown;
    try {
      const epoch = this.epoch();
      const response = await this.client.request('POST', '/v1/submissions', {
        body: { ...(epoch ? { epoch } : {}), items: batch.map((item) => ({ seq: item.seq, kind: item.kind, payload: item.payload })) },
        accept: [409],
      });
      if (response.status === 409) {
        if ((response.data as { code?: unknown } | undefined)?.code !== 'epoch-changed') throw new SyncError('backend-bad-response', 'submission refused with 409 but not epoch-changed');
        // Nothing was applied. The loop runs again at once and reconciles before the next batch.
        this.hooks.epochChanged();
        return 'progress';
      }
      data = response.data;
    } catch (error) {
      this.#failed(batch, error instanceof SyncError ? error.code : 'internal-error');
      throw error;
    }
    const parsed = resultsSchema.safeParse(data);
    if (!parsed.success) {
      this.#failed(batch, 'backend-bad-response');
      throw new SyncError('backend-bad-response', 'submission answer did not match the schema');
    }
    const bySeq = new Map(parsed.data.results.map((result) => [result.seq, result]));
    const answered: { item: OutboxItem; status: 'applied' | 'duplicate' | 'rejected'; reason?: string }[] = [];
    const unanswered: OutboxItem[] = [];
    for (const item of batch) {
      const result = bySeq.get(item.seq);
      if (!result) unanswered.push(item);
      else answered.push({ item, status: result.status, ...(result.reason ? { reason: result.reason } : {}) });
    }
    const changed = this.store.recordResults(answered);
    this.hooks.casesChanged(changed);
    this.hooks.delivered(answered.filter((entry) => entry.status !== 'rejected').length);
    const reasons = answered.filter((entry) => entry.status === 'rejected').map((entry) => entry.reason ?? 'rejected');
    if (reasons.length > 0) this.hooks.rejected(reasons);
    if (unanswered.length > 0) {
      this.#failed(unanswered, 'backend-bad-response');
      throw new SyncError('backend-bad-response', `backend did not answer ${unanswered.length} items`);
    }
    return 'progress';
  }

  #failed(items: OutboxItem[], code: string): void {
    this.hooks.casesChanged(this.store.recordAttemptFailed(items, code));
  }
}
