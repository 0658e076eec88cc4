/**
 * Names on the appointment list are masked except the surname: the list is on
 * a screen the couple in front of the desk can see, and the registrar only
 * needs the surname to call the next couple.
 */

/** Two-character surnames common enough that masking after the first character would give them away. */
const COMPOUND_SURNAMES = new Set([
  '欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '尉迟', '公孙', '慕容', '长孙', '宇文', '司徒', '夏侯', '轩辕', '令狐', '端木', '独孤', '南宫', '西门', '申屠',
]);

/**
 * 王建国 → 王**, 欧阳娜娜 → 欧阳**, "SMITH, JOHN MICHAEL" → "SMITH, ***", "MARTIN SOPHIE MARIE" → "MARTIN ***".
 *
 * A Latin name without a comma is written surname first in this terminal, as the passport's zone has it
 * (party.ts and applicant.ts join the zone's surname, then its given names), so its first word is kept. When the
 * surname is known on its own (`surname`, e.g. a zone's surname field or a booking's family name) it is kept whole,
 * so "VAN DER BERG ANNA" with surname "VAN DER BERG" shows "VAN DER BERG ***".
 */
export function maskName(name: string, surname?: string): string {
  const trimmed = name.trim();
  if (trimmed === '') return '';
  const known = surname?.trim().replace(/\s+/g, ' ');
  const spaced = trimmed.replace(/\s+/g, ' ');
  if (known && spaced.length > known.length && spaced.toUpperCase().startsWith(`${known.toUpperCase()} `)) return `${spaced.slice(0, known.length)} ***`;
  const comma = trimmed.indexOf(',');
  if (comma > 0) return `${trimmed.slice(0, comma)}, ***`;
  if (/^[\p{Script=Han}·]+$/u.test(trimmed)) {
    const chars = [...trimmed];
    const surnameLength = chars.length > 2 && COMPOUND_SURNAMES.has(chars.slice(0, 2).join('')) ? 2 : 1;
    return chars.slice(0, surnameLength).join('') + '*'.repeat(Math.max(1, chars.length - surnameLength));
  }
  // A Latin name without a comma: surname first (see above), so the first word is the surname.
  const words = spaced.split(' ');
  return words.length > 1 ? `${words[0]} ***` : `${trimmed.charAt(0)}***`;
}
