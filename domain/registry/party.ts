/**
 * A party as the registry desk identifies them, from the card on the reader
 * or a passport's machine-readable zone, in the words a certificate prints:
 * sex as 男/女, nationality as the Chinese short name. Anything that stops
 * the document identifying them is a problem the desk shows and the print
 * refuses.
 */
import type { IdentityCard, IdentityWarning } from '../identity-card';
import type { MrzReading } from '../mrz';
import type { IdentityDocumentType } from '../applicant';
import { partyNationality } from './nationality';

export interface RegistryParty {
  documentType: IdentityDocumentType;
  name: string;
  /** 男 / 女 as printed; empty when the document does not say. */
  sex: string;
  /** Chinese short name, never a code; empty when unknown (a problem then). */
  nationality: string;
  birthDate: string;
  idNumber: string;
}

export type PartyProblem = 'card-expired' | 'passport-invalid' | 'passport-expired' | 'nationality-unknown';

export interface IdentifiedParty {
  party?: RegistryParty;
  problems: PartyProblem[];
}

const SEX_TEXT: Record<string, string> = { male: '男', female: '女' };

export function partyFromCard(card: IdentityCard, warnings: readonly IdentityWarning[]): IdentifiedParty {
  const nationality = partyNationality(card.cardType, card.nationality);
  const problems: PartyProblem[] = [];
  if (warnings.includes('card-expired')) problems.push('card-expired');
  if (!nationality) problems.push('nationality-unknown');
  return {
    party: { documentType: card.cardType, name: card.name, sex: SEX_TEXT[card.sex] ?? '', nationality: nationality ?? '', birthDate: card.birthDate, idNumber: card.idNumber },
    problems,
  };
}

/** A passport identifies a party only when every check digit of its zone holds. */
export function partyFromPassport(mrz: MrzReading): IdentifiedParty {
  if (!mrz.ok || !mrz.documentNumber || !mrz.surname || !mrz.birthDate) return { problems: ['passport-invalid'] };
  const nationality = partyNationality('passport', mrz.nationality);
  const problems: PartyProblem[] = [];
  if (mrz.expired) problems.push('passport-expired');
  if (!nationality) problems.push('nationality-unknown');
  // Surname first, as the zone and the foreigner's other papers have it.
  const name = [mrz.surname, mrz.givenNames].filter(Boolean).join(' ');
  return {
    party: { documentType: 'passport', name, sex: SEX_TEXT[mrz.sex ?? ''] ?? '', nationality: nationality ?? '', birthDate: mrz.birthDate, idNumber: mrz.documentNumber },
    problems,
  };
}
