/**
 * Who may marry (Civil Code arts. 1046–1051): a man of at least 22 and a
 * woman of at least 20, two different people. Kinship and an existing
 * marriage are checked by the national review, not at the desk.
 */
import { isCalendarDate } from './case-validation';

export const MARRIAGE_MINIMUM_AGE = { male: 22, female: 20 } as const;

export type MarriageProblem =
  | { code: 'marriage-same-person' }
  | { code: 'marriage-same-sex' }
  | { code: 'marriage-under-age'; party: 0 | 1; minimumAge: number; age: number };

export interface MarriageParty {
  name: string;
  /** 男/女 as printed on the certificate, or male/female. */
  sex: string;
  /** YYYY-MM-DD */
  birthDate: string;
  idNumber: string;
}

export function marriageProblems(parties: readonly [MarriageParty, MarriageParty], registeredOn: string): MarriageProblem[] {
  const problems: MarriageProblem[] = [];
  const [first, second] = parties;
  if (first.idNumber.trim() !== '' && first.idNumber.trim().toUpperCase() === second.idNumber.trim().toUpperCase()) problems.push({ code: 'marriage-same-person' });
  const sexes = parties.map((party) => sexOf(party.sex));
  if (sexes[0] && sexes[0] === sexes[1]) problems.push({ code: 'marriage-same-sex' });
  parties.forEach((party, index) => {
    const sex = sexes[index];
    const age = fullYearsOn(party.birthDate, registeredOn);
    if (!sex || age === undefined) return;
    const minimumAge = MARRIAGE_MINIMUM_AGE[sex];
    if (age < minimumAge) problems.push({ code: 'marriage-under-age', party: index as 0 | 1, minimumAge, age });
  });
  return problems;
}

/** Whole years from birth to the date; someone born on 29 February comes of age on 1 March in other years. */
export function fullYearsOn(birthDate: string, date: string): number | undefined {
  if (!isCalendarDate(birthDate) || !isCalendarDate(date)) return undefined;
  const birth = birthDate.split('-');
  const on = date.split('-');
  const [by, bm, bd] = birth.map(Number) as [number, number, number];
  const [y, m, d] = on.map(Number) as [number, number, number];
  const hadBirthday = m > bm || (m === bm && d >= bd);
  return y - by - (hadBirthday ? 0 : 1);
}

function sexOf(text: string): 'male' | 'female' | undefined {
  if (text === '男' || text === 'male') return 'male';
  if (text === '女' || text === 'female') return 'female';
  return undefined;
}
