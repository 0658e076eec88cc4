/**
 * The service evaluation on the extension terminal. The centre asks
 * (`evaluation.request`); the request is kept on disk until answered, so a
 * crash re-offers it once; the rating goes to the centre as one event whose id
 * is the evaluation's, so it is recorded once however often it is sent.
 */
import { z } from 'zod';
import { TerminalError } from '../../contract/errors';
import { EVALUATION_LABELS, type EvaluationLevel, type EvaluationRequest } from '../../domain/evaluation';
import type { CentreChannel } from '../../sync/centre-channel/centre-channel';
import type { SessionStore } from './session-store';

const requestSchema = z
  .object({
    evaluationId: z.string().regex(/^[A-Za-z0-9._:-]{1,80}$/),
    cityPageUrl: z.url({ protocol: /^https?$/ }).max(500).optional(),
    timeoutMs: z.number().int().min(1_000).max(30_000).optional(),
  })
  .strict();

const DEFAULT_TIMEOUT_MS = 5_000;

interface Pending {
  request: EvaluationRequest;
  /** Offers made after a restart; one is allowed. */
  reoffered: number;
}

export class KioskEvaluation {
  constructor(
    private readonly channel: CentreChannel,
    private readonly store: SessionStore,
    private readonly offer: (request: EvaluationRequest | undefined) => void,
    /** The configured city evaluation origin: a page elsewhere is never opened (the CSP would refuse it anyway). */
    private readonly cityEvaluationOrigin?: string,
  ) {
    channel.handle('evaluation.request', (payload) => {
      const parsed = requestSchema.safeParse(payload);
      if (!parsed.success) throw new TerminalError('evaluation-request-invalid', parsed.error.message.slice(0, 300));
      const cityPageUrl = this.#admitted(parsed.data.cityPageUrl);
      const request: EvaluationRequest = { evaluationId: parsed.data.evaluationId, timeoutMs: parsed.data.timeoutMs ?? DEFAULT_TIMEOUT_MS, ...(cityPageUrl ? { cityPageUrl } : {}) };
      this.store.set('pendingEvaluation', { request, reoffered: 0 } satisfies Pending);
      this.offer(request);
      return { offered: true, mode: cityPageUrl ? 'page' : 'interface' };
    });
  }

  /** The city page when it is on the configured origin; otherwise none, and the terminal's own page rates at once. */
  #admitted(cityPageUrl: string | undefined): string | undefined {
    if (!cityPageUrl || !this.cityEvaluationOrigin) return undefined;
    return new URL(cityPageUrl).origin === this.cityEvaluationOrigin ? cityPageUrl : undefined;
  }

  /** After a restart: a pending evaluation is offered again once; after that it is given up and the centre told. */
  resume(): void {
    const pending = this.store.get<Pending>('pendingEvaluation');
    if (!pending) return;
    if (pending.reoffered >= 1) {
      this.store.set('pendingEvaluation', undefined);
      this.channel.publish('evaluation.abandoned', { evaluationId: pending.request.evaluationId }, `evaluation-${pending.request.evaluationId}`);
      return;
    }
    this.store.set('pendingEvaluation', { ...pending, reoffered: pending.reoffered + 1 });
    this.offer(pending.request);
  }

  /** The terminal's own page (interface mode) or the city page's result (page mode): recorded once at the centre. */
  submit(evaluationId: string, mode: 'interface' | 'page', level?: EvaluationLevel): void {
    const pending = this.store.get<Pending>('pendingEvaluation');
    if (!pending || pending.request.evaluationId !== evaluationId) throw new TerminalError('evaluation-not-requested', 'no evaluation with this id is waiting');
    // The event id is the evaluation's: sent twice (a double tap, a resend after a crash), it is stored once.
    this.channel.publish(
      'evaluation.submitted',
      { evaluationId, mode, ...(level ? { level, label: EVALUATION_LABELS[level]['zh-CN'] } : {}) },
      `evaluation-${evaluationId}`,
    );
    this.store.set('pendingEvaluation', undefined);
    this.offer(undefined);
  }
}
