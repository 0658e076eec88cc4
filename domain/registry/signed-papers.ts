/**
 * The papers of a registration signed by hand (marriage documents are outside
 * the Electronic Signature Law): printed, signed and fingerprinted before the
 * registrar, then captured back into the case's e-archive. Which papers each
 * business needs, and which are still missing from a case. Pure.
 *
 * Assumptions where the regulations are silent (an experienced registrar's
 * practice): the divorce agreement is written by the couple (often on the
 * registry's blank form) and is captured, not printed by the desk; the
 * hand-over receipt is signed when the certificates (or the record
 * certificate) are handed over; a withdrawal needs only the party's signed
 * withdrawal statement.
 */
import type { RegistryBusiness } from './business';

export const SIGNED_PAPERS = ['declaration', 'review-form', 'divorce-agreement', 'handover-receipt'] as const;
export type SignedPaper = (typeof SIGNED_PAPERS)[number];

export function isSignedPaper(value: unknown): value is SignedPaper {
  return typeof value === 'string' && (SIGNED_PAPERS as readonly string[]).includes(value);
}

const REQUIRED: Record<RegistryBusiness, readonly SignedPaper[]> = {
  marriage: ['declaration', 'review-form', 'handover-receipt'],
  'divorce-application': ['declaration', 'divorce-agreement'],
  'divorce-withdrawal': ['declaration'],
  'divorce-registration': ['review-form', 'divorce-agreement', 'handover-receipt'],
  'marriage-replacement': ['declaration', 'review-form', 'handover-receipt'],
  'divorce-replacement': ['declaration', 'review-form', 'handover-receipt'],
  'record-certificate': ['declaration', 'handover-receipt'],
};

export function requiredPapers(business: RegistryBusiness): readonly SignedPaper[] {
  return REQUIRED[business];
}

/** The papers the desk prints itself; the divorce agreement is the couple's own. */
export function isPrintedByDesk(paper: SignedPaper): boolean {
  return paper !== 'divorce-agreement';
}

/** The required papers of which no page has been captured yet, in the order they are signed. */
export function missingPapers(business: RegistryBusiness, capturedPages: Partial<Record<SignedPaper, number>>): SignedPaper[] {
  return REQUIRED[business].filter((paper) => (capturedPages[paper] ?? 0) < 1);
}

const DECLARATION_TITLES: Record<RegistryBusiness, string> = {
  marriage: '申请结婚登记声明书',
  'divorce-application': '申请离婚登记声明书',
  'divorce-withdrawal': '撤回离婚登记申请书',
  'divorce-registration': '申请离婚登记声明书',
  'marriage-replacement': '申请补领结婚证声明书',
  'divorce-replacement': '申请补领离婚证声明书',
  'record-certificate': '婚姻登记记录证明申请书',
};

/**
 * A replacement is reviewed on its own form (the Ministry's 补发婚姻登记证审查处理表, one per certificate kind here),
 * not on the registration's: it re-issues a registration already made. The other businesses print no review form.
 */
const REVIEW_FORM_TITLES: Record<RegistryBusiness, string> = {
  marriage: '结婚登记审查处理表',
  'divorce-application': '离婚登记审查处理表',
  'divorce-withdrawal': '离婚登记审查处理表',
  'divorce-registration': '离婚登记审查处理表',
  'marriage-replacement': '补发结婚证审查处理表',
  'divorce-replacement': '补发离婚证审查处理表',
  'record-certificate': '婚姻登记记录证明审查表',
};

/** The paper's name as officers say it and as the desk lists it when missing (zh-CN; the printed titles). */
export function paperTitle(business: RegistryBusiness, paper: SignedPaper): string {
  if (paper === 'declaration') return DECLARATION_TITLES[business];
  if (paper === 'review-form') return REVIEW_FORM_TITLES[business];
  if (paper === 'divorce-agreement') return '离婚协议书';
  return '证件领取签收单';
}

const DECLARATION_NAMES_EN: Record<RegistryBusiness, string> = {
  marriage: 'Marriage registration declaration',
  'divorce-application': 'Divorce registration declaration',
  'divorce-withdrawal': 'Divorce application withdrawal',
  'divorce-registration': 'Divorce registration declaration',
  'marriage-replacement': 'Marriage certificate replacement declaration',
  'divorce-replacement': 'Divorce certificate replacement declaration',
  'record-certificate': 'Registration record certificate application',
};

/** As REVIEW_FORM_TITLES. */
const REVIEW_FORM_NAMES_EN: Record<RegistryBusiness, string> = {
  marriage: 'Marriage registration review form',
  'divorce-application': 'Divorce registration review form',
  'divorce-withdrawal': 'Divorce registration review form',
  'divorce-registration': 'Divorce registration review form',
  'marriage-replacement': 'Marriage certificate replacement review form',
  'divorce-replacement': 'Divorce certificate replacement review form',
  'record-certificate': 'Registration record certificate review form',
};

/**
 * The paper's name in English, for an English screen and the English officer messages. The papers themselves are
 * Chinese documents and print only with their Chinese titles (paperTitle).
 */
export function paperNameEn(business: RegistryBusiness, paper: SignedPaper): string {
  if (paper === 'declaration') return DECLARATION_NAMES_EN[business];
  if (paper === 'review-form') return REVIEW_FORM_NAMES_EN[business];
  if (paper === 'divorce-agreement') return 'Divorce agreement';
  return 'Certificate hand-over receipt';
}
