import { CARD_TYPES, type IdentityCard, type Sex } from './identity-card';
import type { MrzReading } from './mrz';
import type { SocialSecurityCard } from './social-security-card';

/** Documents an applicant identifies with: the cards the reader reads, and a passport read by its MRZ. */
export const IDENTITY_DOCUMENT_TYPES = [...CARD_TYPES, 'passport'] as const;
export type IdentityDocumentType = (typeof IDENTITY_DOCUMENT_TYPES)[number];

/**
 * Who a case is for, as the officer identified them. The reception flow and
 * its form prefill work on this, whichever document it came from.
 */
export interface ApplicantIdentity {
  documentType: IdentityDocumentType;
  name: string;
  englishName?: string;
  sex: Sex;
  /** ISO date, YYYY-MM-DD. */
  birthDate: string;
  /** The ID number of a card, or a passport's document number. */
  idNumber: string;
  /** ISO 3166-1 alpha-3. */
  nationality?: string;
  address?: string;
  ethnicity?: string;
}

export function applicantFromCard(card: IdentityCard): ApplicantIdentity {
  const { cardType, name, englishName, sex, birthDate, idNumber, nationality, address, ethnicity } = card;
  return { documentType: cardType, name, sex, birthDate, idNumber, ...defined({ englishName, nationality, address, ethnicity }) };
}

/**
 * A social security card identifies a resident: its social security number is
 * the citizen ID number, and the birth date comes from the chip or the number.
 */
export function applicantFromSocialSecurityCard(card: SocialSecurityCard): ApplicantIdentity {
  const n = card.socialSecurityNumber;
  const birthDate = card.birthDate ?? `${n.slice(6, 10)}-${n.slice(10, 12)}-${n.slice(12, 14)}`;
  return { documentType: 'resident', name: card.name, sex: card.sex, birthDate, idNumber: n };
}

/**
 * A passport identifies an applicant only when its zone checked out and
 * carries a number, a name and a birth date. Expiry is the officer's call
 * (shown as a warning), as it is for cards.
 */
export function applicantFromPassport(mrz: MrzReading): ApplicantIdentity | undefined {
  if (!mrz.ok || !mrz.documentNumber || !mrz.surname || !mrz.birthDate) return undefined;
  // The zone spells names in Latin capitals, surname first; that is the name on every form.
  const name = [mrz.surname, mrz.givenNames].filter(Boolean).join(' ');
  return {
    documentType: 'passport',
    name,
    englishName: name,
    sex: mrz.sex ?? 'unspecified',
    birthDate: mrz.birthDate,
    idNumber: mrz.documentNumber,
    ...defined({ nationality: mrz.nationality }),
  };
}

function defined<T extends Record<string, string | undefined>>(fields: T): { [K in keyof T]?: string } {
  return Object.fromEntries(Object.entries(fields).filter((entry) => entry[1] !== undefined && entry[1] !== '')) as { [K in keyof T]?: string };
}
