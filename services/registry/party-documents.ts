/**
 * What the terminal found wrong with each party's document when it last read
 * it: an expired card, a passport zone failing its check digits, an expired
 * passport, a nationality it cannot name. The screen shows these and refuses,
 * but it is not a trust boundary: the services remember the last reading of
 * each ID number (in memory, bounded, problems only) and refuse to open a case
 * or print for a party whose document was last read as unfit. A later reading
 * of a valid document (a renewed card) clears it.
 */
import type { CardReading } from '../../domain/identity-card';
import type { MrzReading } from '../../domain/mrz';
import { partyFromCard, partyFromPassport, type PartyProblem } from '../../domain/registry/party';

/** Enough for a day's desk traffic between two cases; the oldest readings go first. */
const MAX_REMEMBERED = 64;

const key = (idNumber: string): string => idNumber.trim().toUpperCase();

export class PartyDocuments {
  readonly #problems = new Map<string, PartyProblem[]>();

  #remember(idNumber: string | undefined, problems: PartyProblem[]): void {
    if (!idNumber?.trim()) return;
    const id = key(idNumber);
    this.#problems.delete(id);
    this.#problems.set(id, problems);
    while (this.#problems.size > MAX_REMEMBERED) this.#problems.delete(this.#problems.keys().next().value!);
  }

  /** A card from the ID card reader (resident, permanent resident, residence permit). */
  noteCard(reading: Pick<CardReading, 'card' | 'warnings'>): void {
    this.#remember(reading.card.idNumber, partyFromCard(reading.card, reading.warnings).problems);
  }

  /** A passport's zone, from a reader or as typed: a failing zone is remembered under the number it names. */
  notePassport(mrz: MrzReading): void {
    const identified = partyFromPassport(mrz);
    this.#remember(identified.party?.idNumber ?? mrz.documentNumber, identified.problems);
  }

  /** The problems of the document last read for this ID number; none when it is fit or was never read. */
  problemsOf(idNumber: string): readonly PartyProblem[] {
    return this.#problems.get(key(idNumber)) ?? [];
  }
}
