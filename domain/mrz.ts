/**
 * Passport and ID-document machine readable zones (ICAO Doc 9303 parts 4–6:
 * TD3 passports 2×44, TD2 2×36, TD1 cards 3×30), from a passport reader, a
 * keyboard-mode reader or an officer typing. Parsing and check digits come from
 * the maintained `mrz` library; this module normalises what comes in, maps the
 * library's result to the terminal's shape and never throws.
 */
import { beijingDate } from './legal-date';
import { parse as parseWithLibrary } from 'mrz';
import type { Details, ParseResult } from 'mrz';

export const MRZ_FORMATS = ['TD1', 'TD2', 'TD3'] as const;
export type MrzFormat = (typeof MRZ_FORMATS)[number];

const LINE_LAYOUT: Record<MrzFormat, { lines: number; length: number }> = {
  TD1: { lines: 3, length: 30 },
  TD2: { lines: 2, length: 36 },
  TD3: { lines: 2, length: 44 },
};

export type MrzCheckedField = 'documentNumber' | 'birthDate' | 'expiryDate' | 'personalNumber' | 'composite';

export type MrzProblemCode =
  | 'mrz-empty'
  | 'mrz-format-unknown'
  | 'mrz-invalid-characters'
  | 'mrz-check-digit'
  | 'mrz-field-invalid'
  | 'mrz-unknown-state';

export interface MrzProblem {
  code: MrzProblemCode;
  /** Our field name when the problem is about one field. */
  field?: string;
  /** English, for the log. */
  detail: string;
}

export type MrzSex = 'male' | 'female' | 'unspecified';

export interface MrzReading {
  /** Parsed, every check digit right, no invalid field. Unknown state codes are only warnings. */
  ok: boolean;
  format?: MrzFormat;
  /** The normalised lines that were parsed. */
  lines: string[];
  /** Exactly what came in. */
  raw: string;
  documentCode?: string;
  issuingState?: string;
  documentNumber?: string;
  surname?: string;
  givenNames?: string;
  nationality?: string;
  /** ISO date; the century is inferred (MRZ dates have two-digit years). */
  birthDate?: string;
  sex?: MrzSex;
  /** ISO date. */
  expiryDate?: string;
  /** True when the expiry date is before `today`. */
  expired?: boolean;
  /** TD3 personal number, or TD1/TD2 optional data, trimmed of fillers. */
  optionalData?: string;
  /** One entry per check digit the format has: true when it matches. */
  checkDigits: Partial<Record<MrzCheckedField, boolean>>;
  problems: MrzProblem[];
  warnings: MrzProblem[];
}

export interface MrzOptions {
  /** The day used to infer centuries and expiry; defaults to now. */
  today?: Date;
}

/** Line breaks of any kind; blanks inside a line are OCR or typing noise. */
export function normaliseMrzLines(input: string | readonly string[]): string[] {
  const text = Array.isArray(input) ? input.join('\n') : typeof input === 'string' ? input : '';
  const lines = text
    .split(/\r\n|\r|\n/)
    .map((l) => l.replace(/[\s\u0000-\u001F\uFEFF]+/g, '').toUpperCase().replace(/«/g, '<'))
    .filter((l) => l.length > 0);
  // Typed on one line: cut it where the format says.
  if (lines.length === 1) {
    const only = lines[0] as string;
    for (const format of MRZ_FORMATS) {
      const { lines: n, length } = LINE_LAYOUT[format];
      if (only.length === n * length) return Array.from({ length: n }, (_, i) => only.slice(i * length, (i + 1) * length));
    }
  }
  return lines;
}

export function detectMrzFormat(lines: readonly string[]): MrzFormat | undefined {
  for (const format of MRZ_FORMATS) {
    const layout = LINE_LAYOUT[format];
    if (lines.length === layout.lines && lines.every((l) => l.length === layout.length)) return format;
  }
  return undefined;
}

const CHECK_FIELDS: Partial<Record<string, MrzCheckedField>> = {
  documentNumberCheckDigit: 'documentNumber',
  birthDateCheckDigit: 'birthDate',
  expirationDateCheckDigit: 'expiryDate',
  personalNumberCheckDigit: 'personalNumber',
  compositeCheckDigit: 'composite',
};

const FIELD_NAMES: Partial<Record<string, string>> = {
  documentCode: 'documentCode',
  issuingState: 'issuingState',
  lastName: 'surname',
  firstName: 'givenNames',
  documentNumber: 'documentNumber',
  nationality: 'nationality',
  birthDate: 'birthDate',
  sex: 'sex',
  expirationDate: 'expiryDate',
  personalNumber: 'optionalData',
  optional: 'optionalData',
  optional1: 'optionalData',
  optional2: 'optionalData',
};

export function parseMrz(input: string | readonly string[], options: MrzOptions = {}): MrzReading {
  const raw = Array.isArray(input) ? input.join('\n') : typeof input === 'string' ? input : '';
  const lines = normaliseMrzLines(input);
  const reading: MrzReading = { ok: false, lines, raw, checkDigits: {}, problems: [], warnings: [] };
  if (lines.length === 0) {
    reading.problems.push({ code: 'mrz-empty', detail: 'no MRZ text' });
    return reading;
  }
  const bad = lines.find((l) => !/^[A-Z0-9<]+$/.test(l));
  if (bad !== undefined) {
    reading.problems.push({ code: 'mrz-invalid-characters', detail: `line has characters outside A-Z 0-9 <: ${JSON.stringify(bad.slice(0, 50))}` });
    return reading;
  }
  const format = detectMrzFormat(lines);
  if (!format) {
    reading.problems.push({ code: 'mrz-format-unknown', detail: `line lengths ${lines.map((l) => l.length).join('/')} match no TD1 (3x30), TD2 (2x36) or TD3 (2x44)` });
    return reading;
  }
  reading.format = format;

  let result: ParseResult;
  try {
    result = parseWithLibrary([...lines]);
  } catch (error) {
    reading.problems.push({ code: 'mrz-format-unknown', detail: `mrz library refused the lines: ${(error as Error)?.message ?? String(error)}` });
    return reading;
  }
  if (result.format !== format) {
    reading.problems.push({ code: 'mrz-format-unknown', detail: `mrz library read a ${result.format}, expected ${format}` });
    return reading;
  }

  const today = options.today && Number.isFinite(options.today.getTime()) ? options.today : new Date();
  const optional: string[] = [];
  for (const detail of result.details) {
    if (!detail.field) continue;
    const rawValue = slice(lines, detail);
    const check = CHECK_FIELDS[detail.field];
    if (check) {
      reading.checkDigits[check] = detail.valid;
      if (!detail.valid) reading.problems.push({ code: 'mrz-check-digit', field: check, detail: detail.error ?? 'check digit mismatch' });
      continue;
    }
    mapField(reading, detail, rawValue, result, today, optional);
  }
  const optionalText = optional.filter((o) => o !== '').join(' ');
  if (optionalText !== '') reading.optionalData = optionalText;
  if (reading.expiryDate) reading.expired = reading.expiryDate < isoDay(today);
  reading.ok = reading.problems.length === 0;
  return reading;
}

function mapField(reading: MrzReading, detail: Details, rawValue: string, result: ParseResult, today: Date, optional: string[]): void {
  const field = detail.field as string;
  const ours = FIELD_NAMES[field] ?? field;
  const filled = rawValue.replace(/</g, ' ').trim().replace(/\s+/g, ' ');
  switch (field) {
    case 'issuingState':
    case 'nationality': {
      if (!detail.valid) {
        // The library only knows real states; the ICAO specimens use 'UTO'.
        const unknownState = /state code/i.test(detail.error ?? '');
        (unknownState ? reading.warnings : reading.problems).push({ code: unknownState ? 'mrz-unknown-state' : 'mrz-field-invalid', field: ours, detail: detail.error ?? 'invalid' });
      }
      if (filled !== '') reading[field === 'issuingState' ? 'issuingState' : 'nationality'] = rawValue.replace(/</g, '');
      return;
    }
    case 'sex': {
      const sex = rawValue === 'M' ? 'male' : rawValue === 'F' ? 'female' : rawValue === '<' || rawValue === 'X' ? 'unspecified' : undefined;
      if (sex) reading.sex = sex;
      else reading.problems.push({ code: 'mrz-field-invalid', field: ours, detail: detail.error ?? `invalid sex ${rawValue}` });
      return;
    }
    case 'birthDate':
    case 'expirationDate': {
      const iso = mrzDateToIso(rawValue, field === 'birthDate' ? 'past' : 'future', today);
      if (iso) reading[field === 'birthDate' ? 'birthDate' : 'expiryDate'] = iso;
      // Unknown parts of a date are legal in ICAO ('<<' for the day); the library flags them, we report them.
      if (!iso || !detail.valid) reading.problems.push({ code: 'mrz-field-invalid', field: ours, detail: detail.error ?? `invalid date ${rawValue}` });
      return;
    }
    case 'documentNumber': {
      const number = result.documentNumber ?? rawValue.replace(/</g, '');
      if (number !== '') reading.documentNumber = number;
      if (!detail.valid) reading.problems.push({ code: 'mrz-field-invalid', field: ours, detail: detail.error ?? 'invalid' });
      return;
    }
    case 'lastName':
    case 'firstName': {
      const name = (detail.valid ? detail.value : null) ?? filled;
      if (name) reading[field === 'lastName' ? 'surname' : 'givenNames'] = name;
      if (!detail.valid) reading.problems.push({ code: 'mrz-field-invalid', field: ours, detail: detail.error ?? 'invalid' });
      return;
    }
    case 'documentCode': {
      if (filled !== '') reading.documentCode = rawValue.replace(/</g, '');
      if (!detail.valid) reading.problems.push({ code: 'mrz-field-invalid', field: ours, detail: detail.error ?? 'invalid' });
      return;
    }
    default: {
      if (ours === 'optionalData') optional.push(filled);
      if (!detail.valid) reading.problems.push({ code: 'mrz-field-invalid', field: ours, detail: detail.error ?? 'invalid' });
    }
  }
}

function slice(lines: readonly string[], detail: Details): string {
  const line = lines[detail.line];
  if (line === undefined) return '';
  return line.slice(detail.start, detail.end);
}

/**
 * YYMMDD to an ISO date. Birth dates are in the past: a year after this year
 * belongs to the previous century. Expiry dates are at most ~50 years ahead.
 */
export function mrzDateToIso(value: string, direction: 'past' | 'future', today: Date = new Date()): string | undefined {
  const m = /^(\d{2})(\d{2})(\d{2})$/.exec(value);
  if (!m) return undefined;
  const yy = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const thisYear = today.getUTCFullYear();
  const century = Math.floor(thisYear / 100) * 100;
  let year = century + yy;
  if (direction === 'past' && year > thisYear) year -= 100;
  if (direction === 'future' && year > thisYear + 50) year -= 100;
  if (month < 1 || month > 12 || day < 1) return undefined;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return undefined;
  return `${String(year).padStart(4, '0')}-${m[2]}-${m[3]}`;
}

/** A document expires on the Beijing calendar, like every other legal date. */
function isoDay(date: Date): string {
  return beijingDate(date);
}

/**
 * Collects MRZ lines arriving one at a time (a serial reader's CR/LF lines, a
 * keyboard-mode reader's Enter-ended bursts) and says when a complete zone has
 * arrived. Lines that cannot belong to an MRZ, and stale partial zones, are
 * dropped so one bad read does not poison the next.
 */
export class MrzLineAssembler {
  private window: string[] = [];

  /** Returns the complete zone's lines when this line finishes one. */
  push(line: string): { format: MrzFormat; lines: string[] } | undefined {
    const [normalised] = normaliseMrzLines(typeof line === 'string' ? line : '');
    if (normalised === undefined || !/^[A-Z0-9<]+$/.test(normalised) || ![30, 36, 44].includes(normalised.length)) {
      this.window = [];
      return undefined;
    }
    this.window.push(normalised);
    if (this.window.length > 3) this.window.shift();
    const last3 = this.window.slice(-3);
    const last2 = this.window.slice(-2);
    if (last3.length === 3 && looksLikeTd1(last3)) return this.take('TD1', last3);
    if (last2.length === 2 && looksLikeTwoLine(last2, 44)) return this.take('TD3', last2);
    if (last2.length === 2 && looksLikeTwoLine(last2, 36)) return this.take('TD2', last2);
    return undefined;
  }

  /** Forget partial zones (the driver calls this after a quiet period). */
  reset(): void {
    this.window = [];
  }

  /** True when some lines are waiting for the rest of their zone. */
  get pending(): boolean {
    return this.window.length > 0;
  }

  private take(format: MrzFormat, lines: string[]): { format: MrzFormat; lines: string[] } {
    this.window = [];
    return { format, lines };
  }
}

/** Structure only (positions of letters and digits), never check digits: those are parseMrz's job. */
function looksLikeTwoLine(lines: string[], length: number): boolean {
  const [first, second] = lines as [string, string];
  if (first.length !== length || second.length !== length) return false;
  // Line 1: document code, issuing state, names. Line 2: number, check, nationality, birth date, check, sex.
  return /^[A-Z][A-Z<][A-Z<]{3}[A-Z<]+$/.test(first) && /^[A-Z0-9<]{9}[0-9<][A-Z<]{3}[0-9<]{6}[0-9<][MFX<]/.test(second);
}

function looksLikeTd1(lines: string[]): boolean {
  const [first, second, third] = lines as [string, string, string];
  if (first.length !== 30 || second.length !== 30 || third.length !== 30) return false;
  return /^[A-Z][A-Z<][A-Z<]{3}/.test(first) && /^[0-9<]{6}[0-9<][MFX<][0-9<]{6}[0-9<][A-Z<]{3}/.test(second) && /^[A-Z<]+$/.test(third);
}

export const PASSPORT_READ_SOURCES = ['serial', 'keyboard-wedge', 'typed'] as const;
export type PassportReadSource = (typeof PASSPORT_READ_SOURCES)[number];

/** One MRZ read by a passport reader (or typed by the officer), as the drivers and the renderer pass it on. */
export interface PassportReading {
  deviceId?: string;
  source: PassportReadSource;
  mrz: MrzReading;
  /** ISO timestamp. */
  receivedAt: string;
  /** Set by the services for a zone read by a reader: a case naming it was identified from the passport zone. */
  readingId?: string;
}
