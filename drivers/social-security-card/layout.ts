/**
 * The MOHRSS social security card file structure (社会保障卡规范: the SSSE
 * application, its card data file EF05 and holder data file EF06) and a pure
 * parser from the records' bytes to a SocialSecurityCard. Each record reads
 * back as a TLV: tag (the record number), length, value.
 */
import { checkIdNumber } from '../../domain/id-number';
import type { IdentityWarning, Sex } from '../../domain/identity-card';
import type { SocialSecurityCard } from '../../domain/social-security-card';
import { SocialSecurityCardError } from './errors';

/** DF name of the social security application: "sx1.sh.社会保障" (the Chinese in GBK). */
export const SSSE_NAME = Uint8Array.from([
  0x73, 0x78, 0x31, 0x2e, 0x73, 0x68, 0x2e, 0xc9, 0xe7, 0xbb, 0xe1, 0xb1, 0xa3, 0xd5, 0xcf,
]);

/** 发卡机构数据文件 (card data), its records. */
export const EF05 = { fid: 0xef05, records: { cardIdentifier: 0x01, cardKind: 0x02, specVersion: 0x03, issuedOn: 0x05, validTo: 0x06, cardNumber: 0x07 } } as const;
/** 持卡人基本信息数据文件 (holder data), its records. */
export const EF06 = { fid: 0xef06, records: { socialSecurityNumber: 0x08, name: 0x09, sex: 0x0a, ethnicity: 0x0b, birthPlace: 0x0c, birthDate: 0x0d } } as const;

/** What the driver reads, file by file, in order. */
export const READ_PLAN: ReadonlyArray<{ fid: number; records: readonly number[] }> = [
  { fid: EF05.fid, records: [EF05.records.cardIdentifier, EF05.records.specVersion, EF05.records.issuedOn, EF05.records.validTo, EF05.records.cardNumber] },
  { fid: EF06.fid, records: [EF06.records.socialSecurityNumber, EF06.records.name, EF06.records.sex, EF06.records.ethnicity, EF06.records.birthDate] },
];

/** Record bytes (the TLV as read) by record number; EF05 and EF06 numbers do not overlap. */
export type CardRecords = ReadonlyMap<number, Uint8Array>;

const invalid = (detail: string) => new SocialSecurityCardError('ssc-data-invalid', detail);

/** The value of a record's TLV, checking that its tag is the record number and its length fits. */
export function recordValue(records: CardRecords, record: number): Uint8Array {
  const tlv = records.get(record);
  if (!tlv) throw invalid(`record ${record.toString(16)} missing`);
  if (tlv.length < 2 || tlv[0] !== record) throw invalid(`record ${record.toString(16)}: tag ${tlv[0]?.toString(16)} does not name it`);
  const length = tlv[1] as number;
  if (tlv.length < 2 + length) throw invalid(`record ${record.toString(16)}: length ${length} beyond the ${tlv.length - 2} bytes read`);
  return tlv.subarray(2, 2 + length);
}

/** Alphanumeric (an) fields are left-aligned and padded with NUL, space or FF. */
function text(value: Uint8Array, encoding: 'ascii' | 'gbk', field: string): string {
  let end = value.length;
  while (end > 0 && [0x00, 0x20, 0xff].includes(value[end - 1] as number)) end--;
  let decoded: string;
  try {
    decoded = new TextDecoder(encoding === 'ascii' ? 'utf-8' : 'gbk', { fatal: true }).decode(value.subarray(0, end));
  } catch {
    throw invalid(`${field}: not ${encoding}`);
  }
  if (encoding === 'ascii' && !/^[\x20-\x7e]*$/.test(decoded)) throw invalid(`${field}: not printable ASCII`);
  return decoded.trim();
}

/** Compressed numeric (cn) fields: BCD, two digits a byte. */
function bcd(value: Uint8Array, field: string): string {
  let digits = '';
  for (const byte of value) {
    const high = byte >> 4;
    const low = byte & 0x0f;
    if (high > 9 || low > 9) throw invalid(`${field}: not BCD`);
    digits += `${high}${low}`;
  }
  return digits;
}

function isoDate(value: Uint8Array, field: string): string {
  const digits = bcd(value, field);
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(digits);
  if (!m) throw invalid(`${field}: ${digits} is not YYYYMMDD`);
  const [, y, mo, d] = m as unknown as [string, string, string, string];
  const date = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  if (date.getUTCFullYear() !== Number(y) || date.getUTCMonth() !== Number(mo) - 1 || date.getUTCDate() !== Number(d)) {
    throw invalid(`${field}: ${digits} is not a calendar date`);
  }
  return `${y}-${mo}-${d}`;
}

/** GB/T 2261.1: 0 unknown, 1 male, 2 female, 9 unspecified; some issuers store the digit as a byte. */
function sex(value: Uint8Array): Sex {
  const code = value[0];
  const digit = code === undefined ? undefined : code >= 0x30 ? code - 0x30 : code;
  switch (digit) {
    case 1:
      return 'male';
    case 2:
      return 'female';
    case 9:
      return 'unspecified';
    case 0:
      return 'unknown';
    default:
      throw invalid(`sex: code ${code}`);
  }
}

export function parseCardRecords(records: CardRecords): SocialSecurityCard {
  const r5 = EF05.records;
  const r6 = EF06.records;
  const identifier = recordValue(records, r5.cardIdentifier);
  if (identifier.length !== 16) throw invalid(`card identifier: ${identifier.length} bytes, 16 expected`);
  const cardIdentifier = Array.from(identifier, (b) => b.toString(16).padStart(2, '0')).join('').toUpperCase();
  // The identifier opens with the issuing region's division code in BCD.
  const issuingRegionCode = bcd(identifier.subarray(0, 3), 'card identifier region');
  const cardNumber = text(recordValue(records, r5.cardNumber), 'ascii', 'card number');
  if (!/^[0-9A-Z]{9}$/.test(cardNumber)) throw invalid(`card number: ${JSON.stringify(cardNumber)} is not 9 letters or digits`);
  const socialSecurityNumber = text(recordValue(records, r6.socialSecurityNumber), 'ascii', 'social security number').toUpperCase();
  if (!/^\d{17}[\dX]$/.test(socialSecurityNumber)) throw invalid(`social security number: not 18 characters of an ID number`);
  const name = text(recordValue(records, r6.name), 'gbk', 'name');
  if (!name) throw invalid('name: empty');
  const card: SocialSecurityCard = {
    cardNumber,
    socialSecurityNumber,
    name,
    sex: sex(recordValue(records, r6.sex)),
    issuingRegionCode,
    cardIdentifier,
    specVersion: text(recordValue(records, r5.specVersion), 'ascii', 'spec version'),
    issuedOn: isoDate(recordValue(records, r5.issuedOn), 'issue date'),
    validTo: isoDate(recordValue(records, r5.validTo), 'valid to'),
  };
  // Ethnicity and birth date are optional to this terminal: the ID number carries the birth date anyway.
  if (records.has(r6.ethnicity)) card.ethnicityCode = bcd(recordValue(records, r6.ethnicity), 'ethnicity');
  if (records.has(r6.birthDate)) card.birthDate = isoDate(recordValue(records, r6.birthDate), 'birth date');
  return card;
}

export function warningsFor(card: SocialSecurityCard, today?: string): IdentityWarning[] {
  const warnings: IdentityWarning[] = [];
  if (!checkIdNumber(card.socialSecurityNumber).ok) warnings.push('id-number-check-digit');
  if (today && card.validTo < today) warnings.push('card-expired');
  return warnings;
}
