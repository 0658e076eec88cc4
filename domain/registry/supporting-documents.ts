/**
 * The supporting documents a registration needs from each party, beside the
 * papers signed at the desk (signed-papers.ts): decided by the business and
 * by the identity document the party identified with. Each is captured
 * (scanner or document camera) into the case's e-archive and the case does
 * not complete while one is missing. Pure.
 *
 * What the regulations say (2025 Marriage Registration Regulations): mainland
 * residents bring their resident ID card (and sign the declaration at the
 * desk); HK, Macao and Taiwan residents their travel permit or residence
 * permit and a declaration, notarised where they live, that they have no
 * spouse and no direct or within-three-generations collateral kinship with
 * the other party; foreigners a passport or foreign permanent resident card
 * and an authenticated certificate of no spouse. Divorce: the ID cards, the
 * marriage certificate and a written divorce agreement (the agreement is a
 * signed paper, signed-papers.ts).
 *
 * What an experienced registrar expects where those are silent:
 * - A card read from its chip on the desk's reader (resident ID card, HK/Macao/
 *   Taiwan residence permit, foreign permanent resident card) is archived as
 *   its reading with the case; no copy is asked for. A passport (read by its
 *   machine-readable zone only) and an HK/Macao or Taiwan travel permit (typed:
 *   the reader does not read them) are copied into the archive: the passport's
 *   personal data page, the permit's front — whatever the business.
 * - Overseas Chinese (a Chinese passport, no mainland ID card at hand) bring,
 *   like foreigners, a certificate authenticated by the Chinese embassy or
 *   consulate (or issued by it) — theirs also states no forbidden kinship with
 *   the other party, as the regulations ask of overseas Chinese.
 *   "Authenticated" includes an apostille since China joined the Apostille
 *   Convention (November 2023); the registrar judges the paper, the desk
 *   records it.
 * - Divorce (the application and the registration after the cooling-off
 *   period): each party's own marriage certificate — the couple hold one
 *   booklet each, both are presented, stamped void and copied into the
 *   archive. A foreign-related divorce needs the same (a divorce by agreement
 *   at a mainland registry is only of a marriage registered on the mainland),
 *   plus the passport / travel permit copies above; no certificate of no
 *   spouse. A withdrawal needs only the party's identity document.
 * - Replacements (BJ/BL) and the registration record certificate: only the
 *   identity document (the registry finds the record itself); the lost
 *   certificate cannot be brought.
 *
 * A party whose document kind is not known (a case opened before the desk
 * recorded it, a party typed by hand) is given the kind its ID number and
 * nationality show (inferDocumentKind): the requirements stay those of the
 * person, never none.
 */
import { IDENTITY_DOCUMENT_TYPES } from '../applicant';
import { looksLikeIdNumber } from '../id-number';
import type { RegistryBusiness } from './business';
import { CHINA } from './nationality';

/** The identity documents a party may identify with at the desk: the reader's cards, a passport, a travel permit (typed). */
export const PARTY_DOCUMENT_KINDS = [...IDENTITY_DOCUMENT_TYPES, 'hk-macao-travel-permit', 'taiwan-travel-permit'] as const;
export type PartyDocumentKind = (typeof PARTY_DOCUMENT_KINDS)[number];

export function isPartyDocumentKind(value: unknown): value is PartyDocumentKind {
  return typeof value === 'string' && (PARTY_DOCUMENT_KINDS as readonly string[]).includes(value);
}

export const SUPPORTING_DOCUMENTS = ['passport', 'travel-permit', 'notarised-declaration', 'no-spouse-certificate', 'no-spouse-kinship-certificate', 'marriage-certificate'] as const;
export type SupportingDocument = (typeof SUPPORTING_DOCUMENTS)[number];

export function isSupportingDocument(value: unknown): value is SupportingDocument {
  return typeof value === 'string' && (SUPPORTING_DOCUMENTS as readonly string[]).includes(value);
}

/** What the requirements need to know of a party. */
export interface DocumentParty {
  name: string;
  nationality: string;
  idNumber: string;
  documentType?: PartyDocumentKind | undefined;
}

/** One document the case needs from one party (1 or 2, in the case's order). */
export interface RequiredDocument {
  document: SupportingDocument;
  party: 1 | 2;
  /** As a registrar says it, with the party's name (zh-CN; the screen names it from the keys through its i18n). */
  title: string;
}

const IDENTITY_TITLES: Record<PartyDocumentKind, string> = {
  resident: '居民身份证',
  'gat-residence': '港澳台居民居住证',
  'foreign-permanent-2017': '外国人永久居留身份证',
  'foreign-permanent-2023': '外国人永久居留身份证',
  passport: '护照',
  'hk-macao-travel-permit': '港澳居民来往内地通行证',
  'taiwan-travel-permit': '台湾居民来往大陆通行证',
};

const IDENTITY_NAMES_EN: Record<PartyDocumentKind, string> = {
  resident: 'resident ID card',
  'gat-residence': 'HK/Macao/Taiwan residence permit',
  'foreign-permanent-2017': 'foreign permanent resident card',
  'foreign-permanent-2023': 'foreign permanent resident card',
  passport: 'passport',
  'hk-macao-travel-permit': 'HK/Macao travel permit to the mainland',
  'taiwan-travel-permit': 'Taiwan travel permit to the mainland',
};

/** The identity document's name as the review form and the registrar say it. */
export function identityDocumentTitle(kind: PartyDocumentKind, locale: 'zh-CN' | 'en' = 'zh-CN'): string {
  return locale === 'en' ? IDENTITY_NAMES_EN[kind] : IDENTITY_TITLES[kind];
}

/**
 * The document a party most likely identified with, from what any record of them holds: the GB 11643 number
 * shapes (81/82/83 HK/Macao/Taiwan residence permit, 9 the 2023 permanent resident card, else resident ID card),
 * the 2017 permanent resident card's three letters and twelve digits, the travel permits' numbers (H/M and eight
 * or more digits; Taiwan's eight digits) for Chinese citizens, and a passport otherwise.
 */
export function inferDocumentKind(party: Pick<DocumentParty, 'idNumber' | 'nationality'>): PartyDocumentKind {
  const number = party.idNumber.trim().toUpperCase();
  if (looksLikeIdNumber(number)) return /^8[123]/.test(number) ? 'gat-residence' : number.startsWith('9') ? 'foreign-permanent-2023' : 'resident';
  if (/^[A-Z]{3}\d{12}$/.test(number)) return 'foreign-permanent-2017';
  if (party.nationality.trim() === CHINA) {
    if (/^[HM]\d{8,10}$/.test(number)) return 'hk-macao-travel-permit';
    if (/^\d{8}$/.test(number)) return 'taiwan-travel-permit';
  }
  return 'passport';
}

/** The party's document kind: as recorded, else as inferred. */
export function documentKindOf(party: DocumentParty): PartyDocumentKind {
  return party.documentType ?? inferDocumentKind(party);
}

type Standing = 'mainland' | 'gat' | 'overseas-chinese' | 'foreigner';

function standingOf(party: DocumentParty): Standing {
  const kind = documentKindOf(party);
  if (kind === 'resident') return 'mainland';
  if (kind === 'gat-residence' || kind === 'hk-macao-travel-permit' || kind === 'taiwan-travel-permit') return 'gat';
  if (kind === 'passport' && party.nationality.trim() === CHINA) return 'overseas-chinese';
  return 'foreigner';
}

/** A case is foreign-related (涉外 / 涉港澳台) when a party is not a mainland resident. */
export function isForeignRelated(parties: readonly DocumentParty[]): boolean {
  return parties.some((party) => standingOf(party) !== 'mainland');
}

const DOCUMENT_NAMES: Record<SupportingDocument, { zh: string; en: string }> = {
  passport: { zh: '护照（个人资料页）', en: 'passport (personal data page)' },
  'travel-permit': { zh: '往来内地（大陆）通行证', en: 'travel permit to the mainland' },
  'notarised-declaration': { zh: '经居住地公证的无配偶及无禁婚亲属关系声明', en: 'declaration of no spouse and no forbidden kinship, notarised where they live' },
  'no-spouse-certificate': { zh: '经认证的无配偶证明', en: 'authenticated certificate of no spouse' },
  'no-spouse-kinship-certificate': { zh: '经认证的无配偶及无禁婚亲属关系证明', en: 'authenticated certificate of no spouse and no forbidden kinship' },
  'marriage-certificate': { zh: '持有的结婚证', en: 'marriage certificate' },
};

/** A document's name without a party (the review form's 查验证件; a refusal of one a case does not need). */
export function supportingDocumentName(document: SupportingDocument, locale: 'zh-CN' | 'en' = 'zh-CN'): string {
  const names = DOCUMENT_NAMES[document];
  if (locale === 'en') return names.en;
  return document === 'marriage-certificate' ? '结婚证' : names.zh;
}

/** The document of the party as a registrar says it: the party's name, then the document (a travel permit by its kind). */
export function documentTitle(document: SupportingDocument, party: DocumentParty, locale: 'zh-CN' | 'en' = 'zh-CN'): string {
  const name = party.name.trim();
  if (locale === 'en') return `${name}'s ${document === 'travel-permit' ? IDENTITY_NAMES_EN[documentKindOf(party)] : DOCUMENT_NAMES[document].en}`;
  return `${name}${document === 'travel-permit' ? identityDocumentTitle(documentKindOf(party)) : DOCUMENT_NAMES[document].zh}`;
}

function documentsOf(business: RegistryBusiness, party: DocumentParty): SupportingDocument[] {
  const kind = documentKindOf(party);
  const standing = standingOf(party);
  const out: SupportingDocument[] = [];
  if (kind === 'passport') out.push('passport');
  if (kind === 'hk-macao-travel-permit' || kind === 'taiwan-travel-permit') out.push('travel-permit');
  if (business === 'marriage') {
    if (standing === 'gat') out.push('notarised-declaration');
    if (standing === 'foreigner') out.push('no-spouse-certificate');
    if (standing === 'overseas-chinese') out.push('no-spouse-kinship-certificate');
  }
  if (business === 'divorce-application' || business === 'divorce-registration') out.push('marriage-certificate');
  return out;
}

/** The supporting documents the case needs, party by party, in the order a registrar checks them. */
export function requiredDocuments(business: RegistryBusiness, parties: readonly DocumentParty[]): RequiredDocument[] {
  return parties.slice(0, 2).flatMap((party, index) =>
    documentsOf(business, party).map((document) => ({ document, party: (index + 1) as 1 | 2, title: documentTitle(document, party) })),
  );
}

/** The e-archive's material key of a document of a party: one key per document and party (`document:passport:party-2`). */
export function documentMaterialKey(document: SupportingDocument, party: 1 | 2): string {
  return `document:${document}:party-${party}`;
}

/** The required documents of which no page is captured yet, in order; `pages` is keyed by documentMaterialKey. */
export function missingDocuments(business: RegistryBusiness, parties: readonly DocumentParty[], pages: Partial<Record<string, number>>): RequiredDocument[] {
  return requiredDocuments(business, parties).filter((required) => (pages[documentMaterialKey(required.document, required.party)] ?? 0) < 1);
}
