/**
 * GB 11643-1999 citizen identity numbers (also used, with a leading '9', by
 * the 2023 foreign permanent resident card, and with 81/82/83 prefixes by the
 * HK/Macao/Taiwan residence permit): 17 digits and an ISO 7064 MOD 11-2 check
 * character ('0'-'9' or 'X').
 */

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';

/** The check character for 17 leading digits, or null if they are not 17 digits. */
export function idNumberCheckCharacter(first17: string): string | null {
  if (!/^\d{17}$/.test(first17)) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17.charCodeAt(i) - 48) * (WEIGHTS[i] as number);
  return CHECK_CHARS.charAt(sum % 11);
}

export type IdNumberCheck =
  | { ok: true }
  | { ok: false; reason: 'format' }
  | { ok: false; reason: 'check-digit'; expected: string; actual: string };

/** Checks shape and check character; a lower-case 'x' is accepted as 'X'. */
export function checkIdNumber(idNumber: string): IdNumberCheck {
  const normalised = idNumber.toUpperCase();
  if (!/^\d{17}[\dX]$/.test(normalised)) return { ok: false, reason: 'format' };
  const expected = idNumberCheckCharacter(normalised.slice(0, 17)) as string;
  const actual = normalised.charAt(17);
  return expected === actual ? { ok: true } : { ok: false, reason: 'check-digit', expected, actual };
}

/** True when the number has the GB 11643 shape (whatever its check character). */
export function looksLikeIdNumber(idNumber: string): boolean {
  return /^\d{17}[\dXx]$/.test(idNumber);
}
