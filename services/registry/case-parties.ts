/**
 * Who may be a registry case's parties, checked by the services (the screen
 * is not a trust boundary): a two-party business needs both parties, two
 * different people, and no party whose document the terminal found unfit
 * (an expired card, a passport zone failing its check digits, an expired
 * passport) when it last read it. Used when a case opens, when the review is
 * asked, and before anything prints for the parties.
 */
import { TerminalError } from '../../contract/errors';
import { partiesOf, type RegistryBusiness } from '../../domain/registry/business';
import type { PartyProblem } from '../../domain/registry/party';

/** Problems of a party's document as the terminal last read it (none when it never read it). */
export type DocumentProblemsOf = (idNumber: string) => readonly PartyProblem[];

export const sameIdNumber = (a: string, b: string): boolean => a.trim().toUpperCase() === b.trim().toUpperCase();

/** Refuses the same ID number twice among the parties (a registration is between two people). */
export function refuseSamePerson(parties: readonly { idNumber: string }[]): void {
  const [first, second] = parties;
  if (first && second && first.idNumber.trim() && sameIdNumber(first.idNumber, second.idNumber)) {
    throw new TerminalError('registry-same-person', 'both parties have the same ID number', { idNumber: first.idNumber.trim() });
  }
}

/** Refuses a party whose document the terminal last read as unfit: the desk must read a valid one. */
export function refuseUnfitDocuments(parties: readonly { idNumber: string; name?: string }[], problemsOf: DocumentProblemsOf | undefined): void {
  if (!problemsOf) return;
  parties.forEach((party, index) => {
    const problem = problemsOf(party.idNumber)[0];
    if (problem) throw new TerminalError(`registry-party-${problem}`, `party ${index + 1}: ${problem}`, { n: index + 1 });
  });
}

/** The parties of a case of `business`: all of them there, two different people, each with a fit document. */
export function refuseUnfitParties(business: RegistryBusiness, parties: readonly { idNumber: string; name: string }[], problemsOf: DocumentProblemsOf | undefined): void {
  const needed = partiesOf(business);
  if (parties.length !== needed || parties.some((party) => !party.idNumber.trim() || !party.name.trim())) {
    throw new TerminalError('registry-parties-incomplete', `the business needs ${needed} identified parties`, { count: needed });
  }
  refuseSamePerson(parties);
  refuseUnfitDocuments(parties, problemsOf);
}
