/**
 * The 256-byte text block of the four cards that share the resident ID card
 * chip, as UTF-16LE fields padded with spaces. Byte offsets and where they come
 * from (each layout sums to 256 bytes; the card type character sits at 248 in
 * all of them, as the field notes measured):
 *
 * - resident (GA/T 490 machine-readable text file, table "机读文字信息文件"
 *   reproduced at wiki.nfc.im 智能卡手册/二代居民身份证): name 0/30, sex 30/2,
 *   ethnicity 32/4, birth date 36/16, address 52/70, number 122/36,
 *   issuer 158/30, valid from 188/16, valid to 204/16, reserved 220/36.
 * - foreign permanent resident card 2017, type 'I' (machine-readable item
 *   table published with the 2017 card, e.g. afzhan.com "外国人身份证居留证芯片
 *   机读数据项详细信息", 2017-07-03; the same struct appears in public vendor SDK
 *   headers as t_idforeigner): English name 0/120, sex 120/2, card number
 *   122/30 (15 chars), nationality 152/6 (GB/T 2659 alpha-3), Chinese name
 *   158/30, valid from 188/16, valid to 204/16, birth date 220/16, card
 *   version 236/4, accepting authority code 240/8, type 'I' 248/2, reserved 250/6.
 * - foreign permanent resident card 2023, type 'Y' ("新版外国人永久居留身份证
 *   机读信息规则(2023版)", published by reader vendors, e.g. eastcoms.com, for
 *   the 18-digit MOD 11-2 number starting with 9; field offsets from a public
 *   vendor SDK header, struct tagIDCardInfor2023): Chinese name 0/30, sex 30/2,
 *   renewal count 32/4, birth date 36/16, English name 52/70 (chars 1-35),
 *   number 122/36, reserved 158/30, valid from 188/16, valid to 204/16,
 *   English name continued 220/22 (chars 36-46), nationality 242/6, type 'Y'
 *   248/2, link to the previous card's number 250/6.
 * - HK/Macao/Taiwan residence permit, type 'J' (《港澳台居民居住证机读信息规范》
 *   as implemented in public vendor SDKs, struct t_idcardinfor, and C# readers
 *   reading the pass number at 220/18 and issue count at 238/4): as resident
 *   but ethnicity 32/4 reserved, then pass number 220/18, issue count 238/4,
 *   reserved 242/6, type 'J' 248/2, reserved 250/6.
 */
import type { CardType, IdentityCard, IdentityWarning, Sex } from '../../domain/identity-card';
import { ethnicityName } from '../../domain/ethnicity';
import { checkIdNumber } from '../../domain/id-number';
import { IdCardReaderError } from './errors';
import { PHOTO_LENGTH, TEXT_LENGTH } from './codec';

interface Field {
  offset: number;
  length: number;
}

const f = (offset: number, length: number): Field => ({ offset, length });

export const CARD_TYPE_FIELD = f(248, 2);

export const RESIDENT_LAYOUT = {
  name: f(0, 30),
  sex: f(30, 2),
  ethnicity: f(32, 4),
  birthDate: f(36, 16),
  address: f(52, 70),
  idNumber: f(122, 36),
  issuer: f(158, 30),
  validFrom: f(188, 16),
  validTo: f(204, 16),
} as const;

export const GAT_LAYOUT = {
  name: f(0, 30),
  sex: f(30, 2),
  birthDate: f(36, 16),
  address: f(52, 70),
  idNumber: f(122, 36),
  issuer: f(158, 30),
  validFrom: f(188, 16),
  validTo: f(204, 16),
  passNumber: f(220, 18),
  issueCount: f(238, 4),
} as const;

export const FOREIGN_2017_LAYOUT = {
  englishName: f(0, 120),
  sex: f(120, 2),
  idNumber: f(122, 30),
  nationality: f(152, 6),
  name: f(158, 30),
  validFrom: f(188, 16),
  validTo: f(204, 16),
  birthDate: f(220, 16),
  cardVersion: f(236, 4),
  authorityCode: f(240, 8),
} as const;

export const FOREIGN_2023_LAYOUT = {
  name: f(0, 30),
  sex: f(30, 2),
  issueCount: f(32, 4),
  birthDate: f(36, 16),
  englishName: f(52, 70),
  idNumber: f(122, 36),
  validFrom: f(188, 16),
  validTo: f(204, 16),
  englishNameContinued: f(220, 22),
  nationality: f(242, 6),
  previousNumberLink: f(250, 6),
} as const;

const utf16 = new TextDecoder('utf-16le');

function readField(text: Uint8Array, field: Field): string {
  return trimPadding(utf16.decode(text.subarray(field.offset, field.offset + field.length)));
}

/** Cards pad with spaces; some writers use NULs. Inner spaces are kept (English names). */
export function trimPadding(value: string): string {
  return value.replace(/^[\s\u0000]+|[\s\u0000]+$/g, '');
}

export function cardTypeOf(text: Uint8Array): CardType {
  const c = (text[248] ?? 0) | ((text[249] ?? 0) << 8);
  if (c === 0x49) return 'foreign-permanent-2017';
  if (c === 0x59) return 'foreign-permanent-2023';
  if (c === 0x4a) return 'gat-residence';
  return 'resident';
}

const SEX_CODES: Record<string, Sex> = { '0': 'unknown', '1': 'male', '2': 'female', '9': 'unspecified' };
const SEX_CHARS: Record<Sex, string> = { unknown: '0', male: '1', female: '2', unspecified: '9' };

function invalid(detail: string): IdCardReaderError {
  return new IdCardReaderError('id-card-data-invalid', detail);
}

/** YYYYMMDD → YYYY-MM-DD, checking the calendar. */
export function isoDate(value: string): string | null {
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(value);
  if (!m) return null;
  const [, y, mo, d] = m as unknown as [string, string, string, string];
  const date = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  if (date.getUTCFullYear() !== Number(y) || date.getUTCMonth() !== Number(mo) - 1 || date.getUTCDate() !== Number(d)) {
    return null;
  }
  return `${y}-${mo}-${d}`;
}

const LONG_TERM = '长期';

function requiredDate(value: string, what: string): string {
  const iso = isoDate(value);
  if (!iso) throw invalid(`${what} is not a YYYYMMDD date: ${JSON.stringify(value)}`);
  return iso;
}

function endDate(value: string): string | null {
  if (value === LONG_TERM) return null;
  return requiredDate(value, 'valid-to date');
}

function required(value: string, what: string): string {
  if (value === '') throw invalid(`${what} is empty`);
  return value;
}

function count(value: string): number | undefined {
  return /^\d{1,2}$/.test(value) ? Number(value) : undefined;
}

export interface DecodeOptions {
  /** Local date of the reading (YYYY-MM-DD), for the expiry warning. */
  today?: string;
}

export interface DecodedCard {
  card: IdentityCard;
  warnings: IdentityWarning[];
}

/**
 * Decodes the text block and keeps the photo raw. Throws IdCardReaderError
 * ('id-card-data-invalid') when a field the officer relies on is unusable;
 * anything else wrong (check digit, expiry) becomes a warning.
 */
export function decodeCard(text: Uint8Array, photo: Uint8Array, options: DecodeOptions = {}): DecodedCard {
  if (text.length !== TEXT_LENGTH) throw invalid(`text block is ${text.length} bytes, expected ${TEXT_LENGTH}`);
  if (photo.length !== PHOTO_LENGTH) throw invalid(`photo is ${photo.length} bytes, expected ${PHOTO_LENGTH}`);
  const cardType = cardTypeOf(text);
  const photoBase64 = Buffer.from(photo.buffer, photo.byteOffset, photo.byteLength).toString('base64');
  const sexOf = (field: Field): Sex => SEX_CODES[readField(text, field)] ?? 'unknown';
  let card: IdentityCard;
  switch (cardType) {
    case 'resident': {
      const L = RESIDENT_LAYOUT;
      const ethnicityCode = readField(text, L.ethnicity);
      const ethnicity = ethnicityName(ethnicityCode);
      card = {
        cardType,
        name: required(readField(text, L.name), 'name'),
        sex: sexOf(L.sex),
        ...(ethnicityCode ? { ethnicityCode } : {}),
        ...(ethnicity ? { ethnicity } : {}),
        birthDate: requiredDate(readField(text, L.birthDate), 'birth date'),
        ...optional('address', readField(text, L.address)),
        idNumber: required(readField(text, L.idNumber), 'ID number').toUpperCase(),
        ...optional('issuer', readField(text, L.issuer)),
        validFrom: requiredDate(readField(text, L.validFrom), 'valid-from date'),
        validTo: endDate(readField(text, L.validTo)),
        photo: photoBase64,
      };
      break;
    }
    case 'gat-residence': {
      const L = GAT_LAYOUT;
      const issueCount = count(readField(text, L.issueCount));
      card = {
        cardType,
        name: required(readField(text, L.name), 'name'),
        sex: sexOf(L.sex),
        birthDate: requiredDate(readField(text, L.birthDate), 'birth date'),
        ...optional('address', readField(text, L.address)),
        idNumber: required(readField(text, L.idNumber), 'ID number').toUpperCase(),
        ...optional('issuer', readField(text, L.issuer)),
        validFrom: requiredDate(readField(text, L.validFrom), 'valid-from date'),
        validTo: endDate(readField(text, L.validTo)),
        ...optional('passNumber', readField(text, L.passNumber)),
        ...(issueCount !== undefined ? { issueCount } : {}),
        photo: photoBase64,
      };
      break;
    }
    case 'foreign-permanent-2017': {
      const L = FOREIGN_2017_LAYOUT;
      const englishName = readField(text, L.englishName);
      const chineseName = readField(text, L.name);
      card = {
        cardType,
        // Not every holder has a Chinese name; the English name is then the name.
        name: required(chineseName || englishName, 'name'),
        ...optional('englishName', englishName),
        sex: sexOf(L.sex),
        birthDate: requiredDate(readField(text, L.birthDate), 'birth date'),
        idNumber: required(readField(text, L.idNumber), 'card number').toUpperCase(),
        // The 2017 chip holds the code of the accepting authority, not a name.
        ...optional('issuer', readField(text, L.authorityCode)),
        validFrom: requiredDate(readField(text, L.validFrom), 'valid-from date'),
        validTo: endDate(readField(text, L.validTo)),
        ...optional('nationality', readField(text, L.nationality)),
        photo: photoBase64,
      };
      break;
    }
    case 'foreign-permanent-2023': {
      const L = FOREIGN_2023_LAYOUT;
      // The second part continues the name without a separator (characters 36-46).
      const englishName = trimPadding(
        utf16.decode(text.subarray(L.englishName.offset, L.englishName.offset + L.englishName.length)) +
          utf16.decode(
            text.subarray(L.englishNameContinued.offset, L.englishNameContinued.offset + L.englishNameContinued.length),
          ),
      );
      const chineseName = readField(text, L.name);
      const issueCount = count(readField(text, L.issueCount));
      card = {
        cardType,
        name: required(chineseName || englishName, 'name'),
        ...optional('englishName', englishName),
        sex: sexOf(L.sex),
        birthDate: requiredDate(readField(text, L.birthDate), 'birth date'),
        idNumber: required(readField(text, L.idNumber), 'card number').toUpperCase(),
        validFrom: requiredDate(readField(text, L.validFrom), 'valid-from date'),
        validTo: endDate(readField(text, L.validTo)),
        ...(issueCount !== undefined ? { issueCount } : {}),
        ...optional('nationality', readField(text, L.nationality)),
        photo: photoBase64,
      };
      break;
    }
  }
  return { card, warnings: warningsFor(card, options.today) };
}

function optional<K extends string>(key: K, value: string): { [P in K]?: string } {
  return (value === '' ? {} : { [key]: value }) as { [P in K]?: string };
}

export function warningsFor(card: IdentityCard, today?: string): IdentityWarning[] {
  const warnings: IdentityWarning[] = [];
  // The 2017 foreign card number (3 letters + 12 digits) has no MOD 11-2 check.
  // A number of the wrong shape fails the same GB 11643 check, so it gets the
  // same warning (the contract has no separate one).
  if (card.cardType !== 'foreign-permanent-2017' && !checkIdNumber(card.idNumber).ok) {
    warnings.push('id-number-check-digit');
  }
  if (today && card.validTo !== null && card.validTo < today) warnings.push('card-expired');
  return warnings;
}

// ---- encoding, for simulators and round-trip tests ----

export interface EncodeExtras {
  /** 2017 card version (2 chars). */
  cardVersion?: string;
  /** 2023 link to the previous card's number (3 chars). */
  previousNumberLink?: string;
}

function writeField(text: Uint8Array, field: Field, value: string, what: string): void {
  const max = field.length / 2;
  if (value.length > max) throw new RangeError(`${what} is longer than ${max} UTF-16 units`);
  const padded = value.padEnd(max, ' ');
  for (let i = 0; i < max; i++) {
    const c = padded.charCodeAt(i);
    text[field.offset + 2 * i] = c & 0xff;
    text[field.offset + 2 * i + 1] = c >> 8;
  }
}

const compact = (iso: string | null): string => (iso === null ? LONG_TERM : iso.replaceAll('-', ''));
const twoDigits = (n: number | undefined): string => (n === undefined ? '' : String(n).padStart(2, '0'));

/** The 256-byte text block a card of this shape carries (spaces as padding). */
export function encodeCardText(card: IdentityCard, extras: EncodeExtras = {}): Uint8Array {
  const text = new Uint8Array(TEXT_LENGTH);
  for (let i = 0; i < TEXT_LENGTH; i += 2) text[i] = 0x20;
  const w = (field: Field, value: string | undefined, what: string): void => writeField(text, field, value ?? '', what);
  const sex = SEX_CHARS[card.sex];
  switch (card.cardType) {
    case 'resident': {
      const L = RESIDENT_LAYOUT;
      w(L.name, card.name, 'name');
      w(L.sex, sex, 'sex');
      w(L.ethnicity, card.ethnicityCode, 'ethnicity');
      w(L.birthDate, compact(card.birthDate), 'birth date');
      w(L.address, card.address, 'address');
      w(L.idNumber, card.idNumber, 'ID number');
      w(L.issuer, card.issuer, 'issuer');
      w(L.validFrom, compact(card.validFrom), 'valid from');
      w(L.validTo, compact(card.validTo), 'valid to');
      break;
    }
    case 'gat-residence': {
      const L = GAT_LAYOUT;
      w(L.name, card.name, 'name');
      w(L.sex, sex, 'sex');
      w(L.birthDate, compact(card.birthDate), 'birth date');
      w(L.address, card.address, 'address');
      w(L.idNumber, card.idNumber, 'ID number');
      w(L.issuer, card.issuer, 'issuer');
      w(L.validFrom, compact(card.validFrom), 'valid from');
      w(L.validTo, compact(card.validTo), 'valid to');
      w(L.passNumber, card.passNumber, 'pass number');
      w(L.issueCount, twoDigits(card.issueCount), 'issue count');
      w(CARD_TYPE_FIELD, 'J', 'card type');
      break;
    }
    case 'foreign-permanent-2017': {
      const L = FOREIGN_2017_LAYOUT;
      w(L.englishName, card.englishName, 'English name');
      w(L.sex, sex, 'sex');
      w(L.idNumber, card.idNumber, 'card number');
      w(L.nationality, card.nationality, 'nationality');
      w(L.name, card.name === card.englishName ? '' : card.name, 'name');
      w(L.validFrom, compact(card.validFrom), 'valid from');
      w(L.validTo, compact(card.validTo), 'valid to');
      w(L.birthDate, compact(card.birthDate), 'birth date');
      w(L.cardVersion, extras.cardVersion ?? '01', 'card version');
      w(L.authorityCode, card.issuer, 'authority code');
      w(CARD_TYPE_FIELD, 'I', 'card type');
      break;
    }
    case 'foreign-permanent-2023': {
      const L = FOREIGN_2023_LAYOUT;
      const english = card.englishName ?? '';
      w(L.name, card.name === card.englishName ? '' : card.name, 'name');
      w(L.sex, sex, 'sex');
      w(L.issueCount, twoDigits(card.issueCount), 'issue count');
      w(L.birthDate, compact(card.birthDate), 'birth date');
      w(L.englishName, english.slice(0, 35), 'English name');
      w(L.idNumber, card.idNumber, 'card number');
      w(L.validFrom, compact(card.validFrom), 'valid from');
      w(L.validTo, compact(card.validTo), 'valid to');
      w(L.englishNameContinued, english.slice(35), 'English name (continued)');
      w(L.nationality, card.nationality, 'nationality');
      w(CARD_TYPE_FIELD, 'Y', 'card type');
      w(L.previousNumberLink, extras.previousNumberLink, 'previous number link');
      break;
    }
  }
  return text;
}

export function photoBytes(card: IdentityCard): Uint8Array {
  const raw = Buffer.from(card.photo, 'base64');
  if (raw.length !== PHOTO_LENGTH) throw new RangeError(`photo is ${raw.length} bytes, expected ${PHOTO_LENGTH}`);
  return new Uint8Array(raw);
}
