/**
 * The basic fields of a social security card (社会保障卡), as its chip holds
 * them under the MOHRSS card specification (the SSSE application's EF05 card
 * data and EF06 holder data). The social security number is the holder's
 * citizen ID number, so the card identifies a resident like an ID card does.
 */
import type { IdentityWarning, Sex } from './identity-card';

export interface SocialSecurityCard {
  /** 卡号: the 9-character number printed on the card (EF05 record 07). */
  cardNumber: string;
  /** 社会保障号码: the holder's citizen ID number (EF06 record 08). */
  socialSecurityNumber: string;
  /** 姓名 (EF06 record 09, GBK on the chip). */
  name: string;
  sex: Sex;
  /** GB 3304 two-digit ethnicity code (EF06 record 0B), when present. */
  ethnicityCode?: string;
  /** ISO date (EF06 record 0D), when present. */
  birthDate?: string;
  /** 发卡地: the issuing region's 6-digit division code, from the card identification code (EF05 record 01). */
  issuingRegionCode: string;
  /** 卡识别码: 32 hex digits, region code + MOHRSS application provider + chip serial. */
  cardIdentifier: string;
  /** 规范版本, e.g. "3.00". */
  specVersion: string;
  /** 发卡日期, ISO date. */
  issuedOn: string;
  /** 卡有效期, ISO date (the last day the card is valid). */
  validTo: string;
}

export interface SocialSecurityCardReading {
  card: SocialSecurityCard;
  warnings: IdentityWarning[];
  /** Milliseconds since the epoch at which the card was read. */
  readAt: number;
  /** The services hold the reading under this id: a case naming it was identified from the card's chip. */
  readingId?: string;
}
