/**
 * The identity read from a card on the ID card reader. One shape for all four
 * card layouts that share the chip; fields a layout does not carry are absent.
 */
export const CARD_TYPES = ['resident', 'foreign-permanent-2017', 'foreign-permanent-2023', 'gat-residence'] as const;
export type CardType = (typeof CARD_TYPES)[number];

export const SEXES = ['male', 'female', 'unknown', 'unspecified'] as const;
export type Sex = (typeof SEXES)[number];

export interface IdentityCard {
  cardType: CardType;
  name: string;
  englishName?: string;
  sex: Sex;
  ethnicityCode?: string;
  ethnicity?: string;
  /** ISO date, YYYY-MM-DD. */
  birthDate: string;
  address?: string;
  idNumber: string;
  issuer?: string;
  validFrom: string;
  /** null when the card is valid long-term ("长期"). */
  validTo: string | null;
  passNumber?: string;
  issueCount?: number;
  /** ISO 3166-1 alpha-3. */
  nationality?: string;
  /** Base64 of the raw, vendor-encoded 1,024-byte photo. */
  photo: string;
}

/** Problems worth showing the officer that do not stop the card being used. */
export type IdentityWarning = 'id-number-check-digit' | 'card-expired';

/** A photo turned into an ordinary image by an optional vendor decoder. */
export interface DecodedPhoto {
  /** e.g. image/bmp or image/jpeg */
  mimeType: string;
  /** Base64 of the image file. */
  data: string;
}

export interface CardReading {
  card: IdentityCard;
  warnings: IdentityWarning[];
  /** Milliseconds since the epoch at which the reader delivered the card. */
  readAt: number;
  /** Present only when a vendor photo decoder is plugged in and succeeded. */
  decodedPhoto?: DecodedPhoto;
  /** The services hold the reading under this id: a case naming it was identified from the chip. */
  readingId?: string;
}
