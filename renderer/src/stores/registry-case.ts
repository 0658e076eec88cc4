import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { CallOutput } from '../../../contract/api';
import { inferDocumentKind, type PartyDocumentKind } from '../../../domain/registry/supporting-documents';
import type { RegistryBusiness } from '../../../domain/registry/business';
import { terminal } from '../terminal';

type Party = { name: string; sex: string; nationality: string; birthDate: string; idNumber: string };
const normal = (idNumber: string): string => idNumber.trim().toUpperCase();

/**
 * The registration open at the desk: the certificate printed now is issued under it. A case belongs to its parties
 * and its business: printing for other parties, or for another business, starts a new case (the other stays open on
 * the terminal, listed for resuming).
 */
export const useRegistryCaseStore = defineStore('registryCase', () => {
  const current = ref<CallOutput<'registryCase.get'>>();
  /**
   * The identity document each party identified with, as read (card type, passport) or as the registrar set it for a
   * party typed by hand, by the party's ID number (screens order the parties differently: a replacement's case puts
   * its applicant first); absent: the kind the party's number shows. A case is opened with these.
   */
  const documentTypes = ref<Record<string, PartyDocumentKind>>({});
  const kindOf = (party: Party): PartyDocumentKind => documentTypes.value[normal(party.idNumber)] ?? inferDocumentKind(party);
  function setKind(party: Party, kind: PartyDocumentKind | undefined): void {
    const key = normal(party.idNumber);
    if (!key) return;
    if (kind) documentTypes.value[key] = kind;
    else delete documentTypes.value[key];
  }

  /** The case on screen is open, of this business, and of exactly these parties (a one-party case: of this person). */
  function fits(business: RegistryBusiness, parties: readonly Party[]): boolean {
    const found = current.value;
    if (!found || found.state !== 'open' || found.business !== business) return false;
    const theirs = found.partyIdNumbers.map(normal);
    const ours = parties.map((party) => normal(party.idNumber));
    return theirs.length === ours.length && ours.every((idNumber) => theirs.includes(idNumber));
  }

  /** The case to print in: the one on screen when it fits, else a new one for these parties (screen slots 1, 2 in order). */
  async function caseFor(business: RegistryBusiness, parties: readonly Party[], reviewId?: string): Promise<string> {
    if (fits(business, parties)) return current.value!.id;
    const opened = await terminal.registryCase.open({
      business,
      parties: parties.map((party) => ({ ...party, documentType: kindOf(party) })),
      ...(reviewId ? { reviewId } : {}),
    });
    current.value = opened;
    return opened.id;
  }

  /**
   * New parties identified on screen: the case on screen stays theirs only while every party filled is one of its
   * parties (a one-party case: while one of them is its party); otherwise the screen lets it go. True when it did.
   */
  function partiesChanged(parties: readonly Party[]): boolean {
    const found = current.value;
    if (!found || found.state !== 'open') return false;
    const theirs = found.partyIdNumbers.map(normal);
    const filled = parties.map((party) => normal(party.idNumber)).filter(Boolean);
    const stays = theirs.length === 1 ? filled.length === 0 || filled.some((idNumber) => theirs.includes(idNumber)) : filled.every((idNumber) => theirs.includes(idNumber));
    if (stays) return false;
    current.value = undefined;
    return true;
  }

  return { current, documentTypes, kindOf, setKind, fits, caseFor, partiesChanged };
});
