/**
 * Identity readings (a card's chip, a passport zone from a reader) held by
 * the services under an id. A case that names a reading whose document type,
 * number and name it carries was identified from that document; anything
 * else was typed. The renderer cannot claim a chip it did not read: the
 * source is decided here and recorded with the case.
 */
import { randomUUID } from 'node:crypto';
import type { CaseDraft, IdentitySource } from '../../domain/case';

interface Held {
  source: Exclude<IdentitySource, 'typed'>;
  documentType: string;
  idNumber: string;
  name: string;
  at: number;
}

const MAX_HELD = 32;
const HELD_FOR_MS = 4 * 3600_000;

export class HeldReadings {
  readonly #readings = new Map<string, Held>();

  constructor(private readonly clock: () => number = Date.now) {}

  hold(source: Held['source'], identity: { documentType: string; idNumber: string; name: string }): string {
    const id = randomUUID();
    this.#readings.set(id, { source, ...identity, at: this.clock() });
    while (this.#readings.size > MAX_HELD) this.#readings.delete(this.#readings.keys().next().value!);
    return id;
  }

  sourceOf(applicant: CaseDraft['applicant']): IdentitySource {
    const held = applicant.readingId === undefined ? undefined : this.#readings.get(applicant.readingId);
    if (!held || this.clock() - held.at > HELD_FOR_MS) return 'typed';
    const same = held.documentType === applicant.cardType && held.idNumber === applicant.idNumber && held.name === applicant.name;
    return same ? held.source : 'typed';
  }
}
