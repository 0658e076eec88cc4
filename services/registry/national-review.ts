/**
 * National review (全国联网审查) at the registry desk. Once both parties are
 * identified the desk asks the backend's review service for their records;
 * a registration whose review finds a party currently married is withheld
 * unless the registrar overrides it with a written reason and a scanned
 * supporting document (audit-logged). Offline the review stays pending and
 * is asked again until it arrives; a marriage certificate prints only under
 * a review that has arrived and is clear (or overridden) for the very
 * parties on the certificate.
 *
 * Every review is kept (sealed) in the terminal's store on each change, so a
 * restart of the services loses none: one answered or overridden before its
 * case is opened, or held only by the certificate screen, comes back as it
 * was, and a pending one is asked again.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { TerminalError } from '../../contract/errors';
import { marriageRecordSchema } from '../../contract/registry';
import { beijingDate } from '../../domain/legal-date';
import type { RegistryBusiness } from '../../domain/registry/business';

const answerSchema = z.object({
  reviewId: z.string(),
  answeredAt: z.string(),
  parties: z.array(z.object({ idNumber: z.string(), records: z.array(marriageRecordSchema), currentlyMarried: z.boolean() })),
});
export type ReviewAnswer = z.infer<typeof answerSchema>;
export type MarriageRecord = z.infer<typeof marriageRecordSchema>;

export interface ReviewParty {
  idNumber: string;
  name: string;
}

export interface ReviewView {
  id: string;
  business: RegistryBusiness;
  state: 'pending' | 'answered';
  parties: { idNumber: string; name: string; records: MarriageRecord[]; currentlyMarried: boolean }[];
  /** A party is on record as currently married. */
  hit: boolean;
  override?: { reason: string; captureId: string; at: string };
  /** Answered, and either no hit or an override: the registration may go ahead. */
  cleared: boolean;
  /** Why the last attempt failed (an error code), while pending. */
  lastError?: string;
  askedAt: string;
  answeredAt?: string;
}

/** Where reviews are kept between restarts of the services (sync's store, sealed). */
export interface ReviewStore {
  save(view: ReviewView): void;
  load(): ReviewView[];
  /** Removes a review and the pages kept under its id (an override's document). */
  drop(reviewId: string): void;
}

export interface ReviewDeps {
  /** The signed backend call; throws a coded error when the centre cannot be reached. */
  ask(body: { business: RegistryBusiness; parties: ReviewParty[] }): Promise<unknown>;
  changed(view: ReviewView): void;
  audit(action: string, subject: string, details: Record<string, unknown>): void;
  /** True while the terminal holds this capture (a scan or photo). */
  hasCapture(captureId: string): boolean;
  /** How long to wait before asking again while the centre is unreachable. */
  retryMs?: number;
  now?: () => number;
  /** Absent: reviews live in memory only (a restart loses them). */
  store?: ReviewStore;
}

/** The registrar's reason must say something: a few words, not a keystroke. */
export const MIN_OVERRIDE_REASON = 10;

const sameNumber = (a: string, b: string): boolean => a.trim().toUpperCase() === b.trim().toUpperCase();

export class NationalReview {
  readonly #reviews = new Map<string, ReviewView>();
  readonly #timers = new Map<string, NodeJS.Timeout>();
  readonly #deps: ReviewDeps;

  constructor(deps: ReviewDeps) {
    this.#deps = deps;
    for (const view of deps.store?.load() ?? []) {
      if (typeof view?.id !== 'string' || !Array.isArray(view.parties)) continue;
      this.#reviews.set(view.id, view);
      // Asked again at once: it may have been waiting for a while before the restart.
      if (view.state === 'pending') this.#schedule(view.id, 0);
    }
  }

  /** Kept first, then told: a change the screen saw is never one a restart forgets. */
  #changed(view: ReviewView): void {
    this.#deps.store?.save(view);
    this.#deps.changed(structuredClone(view));
  }

  /**
   * Forgets the reviews asked before `today` (a Beijing date) that no open case holds (`keep`): a review is for the
   * day's registration; the parties' records are not kept longer than needed.
   */
  forgetPast(today: string, keep: ReadonlySet<string>): void {
    for (const view of [...this.#reviews.values()]) {
      if (keep.has(view.id) || beijingDate(Date.parse(view.askedAt)) >= today) continue;
      this.#reviews.delete(view.id);
      clearTimeout(this.#timers.get(view.id));
      this.#timers.delete(view.id);
      this.#deps.store?.drop(view.id);
    }
  }

  #now(): string {
    return new Date((this.#deps.now ?? Date.now)()).toISOString();
  }

  /** Asks now; resolves with the answer, or with a pending review that keeps being asked until it arrives. */
  async ask(business: RegistryBusiness, parties: ReviewParty[]): Promise<ReviewView> {
    const view: ReviewView = {
      id: randomUUID(),
      business,
      state: 'pending',
      parties: parties.map((party) => ({ ...party, records: [], currentlyMarried: false })),
      hit: false,
      cleared: false,
      askedAt: this.#now(),
    };
    this.#reviews.set(view.id, view);
    this.#deps.store?.save(view);
    await this.#attempt(view.id);
    return this.get(view.id);
  }

  get(id: string): ReviewView {
    const view = this.#reviews.get(id);
    if (!view) throw new TerminalError('registry-review-missing', `no review ${id}`);
    return structuredClone(view);
  }

  async #attempt(id: string): Promise<void> {
    const view = this.#reviews.get(id);
    if (!view || view.state === 'answered') return;
    try {
      const raw = await this.#deps.ask({ business: view.business, parties: view.parties.map(({ idNumber, name }) => ({ idNumber, name })) });
      const answer = answerSchema.parse(raw);
      view.parties = view.parties.map((party) => {
        const found = answer.parties.find((entry) => sameNumber(entry.idNumber, party.idNumber));
        return { ...party, records: found?.records ?? [], currentlyMarried: found?.currentlyMarried ?? false };
      });
      view.state = 'answered';
      view.answeredAt = this.#now();
      view.hit = view.parties.some((party) => party.currentlyMarried);
      view.cleared = !view.hit;
      delete view.lastError;
      this.#deps.audit('registry.review-answered', view.id, { backendReviewId: answer.reviewId, hit: view.hit });
      this.#changed(view);
    } catch (error) {
      view.lastError = error && typeof error === 'object' && 'code' in error && typeof error.code === 'string' ? error.code : 'review-bad-answer';
      this.#changed(view);
      this.#schedule(id);
    }
  }

  #schedule(id: string, delayMs = this.#deps.retryMs ?? 5_000): void {
    if (this.#timers.has(id)) return;
    const timer = setTimeout(() => {
      this.#timers.delete(id);
      void this.#attempt(id);
    }, delayMs);
    timer.unref();
    this.#timers.set(id, timer);
  }

  /**
   * A review a resumed registry case brings back after a restart of the services (it was held in memory):
   * kept as it was; a pending one is asked again.
   */
  adopt(view: ReviewView): void {
    if (this.#reviews.has(view.id)) return;
    this.#reviews.set(view.id, structuredClone(view));
    if (view.state === 'pending') this.#schedule(view.id);
  }

  /** Throws what an override would be refused with; false when there is nothing to override (no hit). */
  checkOverride(id: string, reason: string, captureId: string): boolean {
    const view = this.#reviews.get(id);
    if (!view) throw new TerminalError('registry-review-missing', `no review ${id}`);
    if (view.state !== 'answered') throw new TerminalError('registry-review-pending', 'the review has not arrived');
    if (!view.hit) return false;
    if ([...reason.trim()].length < MIN_OVERRIDE_REASON) throw new TerminalError('registry-override-reason-missing', 'an override needs a written reason', { minimum: MIN_OVERRIDE_REASON });
    if (!this.#deps.hasCapture(captureId)) throw new TerminalError('registry-override-document-missing', 'an override needs a scanned supporting document');
    return true;
  }

  /** Goes ahead despite a hit: only with a written reason and a scanned supporting document, and it is audit-logged. */
  override(id: string, reason: string, captureId: string): ReviewView {
    if (!this.checkOverride(id, reason, captureId)) return this.get(id);
    const view = this.#reviews.get(id)!;
    const why = reason.trim();
    view.override = { reason: why, captureId, at: this.#now() };
    view.cleared = true;
    const married = view.parties.filter((party) => party.currentlyMarried).map((party) => party.idNumber);
    this.#deps.audit('registry.review-overridden', view.id, { reason: why, captureId, currentlyMarried: married });
    this.#changed(view);
    return this.get(id);
  }

  /** The print guard for a marriage certificate: a review of these very parties that has arrived and is clear. */
  refuseUnreviewed(reviewId: string | undefined, idNumbers: readonly string[]): void {
    if (!reviewId || !this.#reviews.has(reviewId)) throw new TerminalError('registry-review-missing', 'a marriage certificate needs the national review of both parties');
    const view = this.#reviews.get(reviewId)!;
    const covers = idNumbers.length === view.parties.length && idNumbers.every((number) => view.parties.some((party) => sameNumber(party.idNumber, number)));
    if (!covers) throw new TerminalError('registry-review-other-parties', 'the review was of other parties');
    if (view.state !== 'answered') throw new TerminalError('registry-review-pending', 'the national review has not arrived');
    if (!view.cleared) throw new TerminalError('registry-review-hit', 'the review finds a party currently married');
  }

  close(): void {
    for (const timer of this.#timers.values()) clearTimeout(timer);
    this.#timers.clear();
  }
}
