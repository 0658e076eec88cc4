/**
 * OCR cross-check of a material (an ID card copy, a listed certificate)
 * against the form: the ID numbers and the name read from the page are
 * compared with what the form says. A difference is a warning naming the
 * field, never a refusal: OCR misreads, and the officer has the paper.
 * Pure: the text comes from the OCR engine.
 */
import { checkIdNumber } from './id-number';

export type OcrField = 'idNumber' | 'name';

export const OCR_WARNING_CODES = ['ocr-id-number-mismatch', 'ocr-id-number-not-read', 'ocr-name-mismatch', 'ocr-name-not-read'] as const;
export type OcrWarningCode = (typeof OCR_WARNING_CODES)[number];

export interface OcrWarning {
  code: OcrWarningCode;
  field: OcrField;
  /** What the page seemed to say, for the message ({found}). */
  params?: { found: string };
}

export interface OcrCrossCheck {
  /** ID numbers on the page that pass the GB 11643 check, in reading order. */
  idNumbers: string[];
  /** The name after a 姓名 label, when there is one. */
  name?: string;
  warnings: OcrWarning[];
}

/** Characters OCR commonly puts in place of digits inside a number. */
const DIGIT_LOOKALIKES: Record<string, string> = { O: '0', o: '0', D: '0', Q: '0', I: '1', l: '1', '|': '1', i: '1', Z: '2', z: '2', S: '5', s: '5', B: '8', b: '6', G: '6', g: '9', x: 'X' };

/** Whitespace and the punctuation OCR scatters between characters (removed before looking for names). */
const NOISE = /[\s"'“”‘’`´.,，、:：;；_\-—~·]/g;

/**
 * The ID numbers on the page. OCR splits a number into pieces ("310104
 * 19900101 1233") and glues neighbours to it, so candidates are the
 * 18-character joins of adjacent pieces of one line, and the ends of a piece
 * longer than 18. Lookalike letters are mapped to digits only inside pieces
 * that are mostly digits, so words stay words. A candidate counts when it
 * passes the check character and carries a plausible birth date.
 */
export function findIdNumbers(text: string): string[] {
  const found: string[] = [];
  const keep = (candidate: string) => {
    if (/^\d{17}[\dX]$/.test(candidate) && plausibleBirthDate(candidate.slice(6, 14)) && checkIdNumber(candidate).ok && !found.includes(candidate)) found.push(candidate);
  };
  for (const line of text.split(/\n/)) {
    const pieces = line
      .split(/[\s"'“”‘’`´.,，、:：;；_\-—~·]+/)
      .flatMap((piece) => piece.match(/[0-9OoDQIl|iZzSsBbGgxX]+/g) ?? [])
      .filter((piece) => (piece.match(/\d/g)?.length ?? 0) * 2 >= piece.length)
      .map((piece) => [...piece].map((c) => DIGIT_LOOKALIKES[c] ?? c).join(''));
    for (let first = 0; first < pieces.length; first++) {
      let joined = '';
      for (let last = first; last < pieces.length && joined.length < 18; last++) {
        joined += pieces[last];
        if (joined.length === 18) keep(joined);
      }
      const piece = pieces[first] as string;
      if (piece.length > 18) {
        keep(piece.slice(0, 18));
        keep(piece.slice(-18));
      }
    }
  }
  return found;
}

function plausibleBirthDate(yyyymmdd: string): boolean {
  const m = /^(19|20)(\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])$/.exec(yyyymmdd);
  return m !== null;
}

const CJK_NAME = '[\\u3400-\\u9fff\\u{20000}-\\u{2ffff}·]';
const NEXT_LABEL = '性别|民族|出生|住址|公民|身份|国籍|证件|登记|持证';

/** The name after a 姓名 label (OCR spaces removed), stopping at the next label or a non-CJK character. */
export function findLabelledName(text: string): string | undefined {
  for (const line of text.split(/\n/)) {
    const compact = line.replace(NOISE, '');
    const m = new RegExp(`姓名(${CJK_NAME}{2,8}?)(?=${NEXT_LABEL}|[^\\u3400-\\u9fff\\u{20000}-\\u{2ffff}·]|$)`, 'u').exec(compact);
    if (m?.[1]) return m[1];
  }
  return undefined;
}

export function crossCheck(text: string, form: { name: string; idNumber: string }): OcrCrossCheck {
  const idNumbers = findIdNumbers(text);
  const name = findLabelledName(text);
  const warnings: OcrWarning[] = [];
  const idNumber = form.idNumber.trim().toUpperCase();
  if (idNumber && !idNumbers.includes(idNumber)) {
    warnings.push(idNumbers[0] ? { code: 'ocr-id-number-mismatch', field: 'idNumber', params: { found: idNumbers[0] } } : { code: 'ocr-id-number-not-read', field: 'idNumber' });
  }
  const formName = form.name.replace(/\s/g, '');
  // The name anywhere on the page counts (certificates lay names out in tables); a labelled other name does not.
  const pageText = text.replace(NOISE, '');
  if (formName && !pageText.includes(formName)) {
    warnings.push(name ? { code: 'ocr-name-mismatch', field: 'name', params: { found: name } } : { code: 'ocr-name-not-read', field: 'name' });
  }
  return { idNumbers, ...(name ? { name } : {}), warnings };
}
