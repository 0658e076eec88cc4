/**
 * Nationality as a marriage certificate prints it: the Chinese short name of
 * the country (GB/T 2659 style, `FRA` → 法国), never the code. The names are
 * i18n-iso-countries' Chinese locale, generated into a table; MRZ-only codes
 * (ICAO 9303 part 3) and HK, Macao and Taiwan (Chinese citizens: 中国) are ours.
 */
import type { IdentityDocumentType } from '../applicant';
import { COUNTRY_NAMES_ZH } from './country-names-zh';

export const CHINA = '中国';

/** Codes a passport's zone may carry that are not ISO 3166 countries. */
const MRZ_ONLY: Record<string, string> = {
  D: '德国',
  GBD: '英国',
  GBN: '英国',
  GBO: '英国',
  GBP: '英国',
  GBS: '英国',
  XXA: '无国籍',
  XXB: '无国籍',
  XXC: '无国籍',
  XXX: '国籍不详',
};

/** HK, Macao and Taiwan residents are Chinese citizens: their nationality on a certificate is 中国. */
const CHINESE_REGIONS = new Set(['CHN', 'HKG', 'MAC', 'TWN']);

/** The Chinese short name of an ISO 3166-1 alpha-3 (or MRZ) code; undefined for a code no one issues. */
export function nationalityInChinese(code: string | undefined): string | undefined {
  const normalised = (code ?? '').replace(/</g, '').trim().toUpperCase();
  if (normalised === '') return undefined;
  if (CHINESE_REGIONS.has(normalised)) return CHINA;
  if (MRZ_ONLY[normalised]) return MRZ_ONLY[normalised];
  return Object.hasOwn(COUNTRY_NAMES_ZH, normalised) ? COUNTRY_NAMES_ZH[normalised] : undefined;
}

/**
 * A party's nationality from the document they identified with: resident ID cards and HK/Macao/Taiwan residence
 * permits belong to Chinese citizens; a permanent resident card or passport names the country.
 */
export function partyNationality(documentType: IdentityDocumentType, code: string | undefined): string | undefined {
  if (documentType === 'resident' || documentType === 'gat-residence') return CHINA;
  return nationalityInChinese(code);
}

/** True when text looks like a code rather than a name (what must never reach a certificate). */
export function looksLikeCountryCode(text: string): boolean {
  return /^[A-Z<]{1,3}$/.test(text.trim());
}
