/**
 * The registry desk's contract handlers, spread into the services' handler
 * table from the composition root with one line, plus the guard the
 * certificate call runs before a marriage certificate is printed.
 */
import type { CallInput } from '../../contract/api';
import type { RegistryBusiness } from '../../domain/registry/business';
import type { Handlers } from '../rpc/dispatcher';
import { AppointmentDesk, type DeskSyncPort } from './appointment-desk';
import { NationalReview, type ReviewView } from './national-review';

export interface RegistryDeps {
  sync: DeskSyncPort & {
    backendRequest<T = unknown>(method: string, path: string, options?: { body?: unknown; timeoutMs?: number }): Promise<{ data: T }>;
    audit(): { append(action: string, subject: string | null, details?: Record<string, unknown>): void };
  };
  registryCode: string;
  reviewChanged(view: ReviewView): void;
  hasCapture(captureId: string): boolean;
  /** How long a pending review waits before it is asked again. */
  reviewRetryMs?: number;
}

type RegistryCall = 'registry.day' | 'registry.checkIn' | 'registry.walkIn' | 'registry.review' | 'registry.reviewStatus' | 'registry.overrideReview';

export interface RegistryDesk {
  handlers: Pick<Handlers, RegistryCall>;
  /** Refuses a marriage certificate without a clear national review of the parties on it. */
  guardCertificate(request: Pick<CallInput<'certificates.print'>, 'type' | 'data' | 'reviewId'>): void;
  close(): void;
}

/** A review answer is a simple action: the desk waits this long before showing it as pending. */
const REVIEW_TIMEOUT_MS = 3_000;

export function createRegistryDesk(deps: RegistryDeps): RegistryDesk {
  const desk = new AppointmentDesk(deps.sync, deps.registryCode);
  const review = new NationalReview({
    ask: async (body) => (await deps.sync.backendRequest('POST', '/v1/registry/reviews', { body, timeoutMs: REVIEW_TIMEOUT_MS })).data,
    changed: deps.reviewChanged,
    audit: (action, subject, details) => deps.sync.audit().append(action, subject, details),
    hasCapture: deps.hasCapture,
    ...(deps.reviewRetryMs ? { retryMs: deps.reviewRetryMs } : {}),
  });
  return {
    handlers: {
      'registry.day': () => desk.today(),
      'registry.checkIn': ({ idNumber }) => desk.checkIn(idNumber),
      'registry.walkIn': ({ business }) => desk.walkIn(business),
      'registry.review': ({ business, parties }) => review.ask(business as RegistryBusiness, parties),
      'registry.reviewStatus': ({ reviewId }) => review.get(reviewId),
      'registry.overrideReview': ({ reviewId, reason, captureId }) => review.override(reviewId, reason, captureId),
    },
    guardCertificate(request) {
      if (request.type !== 'J') return;
      const parties = (request.data as { parties?: unknown }).parties;
      const idNumbers = Array.isArray(parties) ? parties.map((party) => String((party as { idNumber?: unknown })?.idNumber ?? '')) : [];
      review.refuseUnreviewed(request.reviewId, idNumbers);
    },
    close: () => review.close(),
  };
}
