/**
 * The national reviews kept in the terminal's store (sealed, sync's
 * `registry_reviews`), and an override's supporting document kept on disk
 * under its review's id as soon as it is given: before a case is opened
 * under the review, the capture cache (memory) was its only copy.
 */
import { beijingDate } from '../../domain/legal-date';
import type { ReviewStore, ReviewView } from './national-review';

export interface ReviewSyncPort {
  saveRegistryReview(reviewId: string, view: unknown, askedOn: string): void;
  registryReviews(): { view: unknown; askedOn: string }[];
  dropRegistryReview(reviewId: string): void;
  keepRegistryPage(caseId: string, pageId: string, page: { data: Uint8Array; mimeType: string }): Promise<void>;
  registryPage(pageId: string): { mimeType: string } | undefined;
}

export function registryReviewStore(sync: ReviewSyncPort): ReviewStore {
  return {
    save: (view) => sync.saveRegistryReview(view.id, view, beijingDate(Date.parse(view.askedAt))),
    load: () => sync.registryReviews().map((row) => row.view as ReviewView),
    drop: (reviewId) => sync.dropRegistryReview(reviewId),
  };
}

/**
 * Keeps an override's document (encrypted, beside the materials) under the review's id, once. A case opened under
 * the review later finds it kept and archives it from there.
 */
export async function keepOverrideDocument(
  sync: ReviewSyncPort,
  captures: { get(ids: readonly string[]): { data: Uint8Array; mimeType: string }[] },
  reviewId: string,
  captureId: string,
): Promise<void> {
  if (sync.registryPage(captureId)) return;
  const [capture] = captures.get([captureId]);
  await sync.keepRegistryPage(reviewId, captureId, capture!);
}
