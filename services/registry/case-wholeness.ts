/**
 * What makes a registry case whole, beyond its signed papers: the outcome its
 * business exists for, as the terminal itself recorded it. A case completes
 * (and counts as done) only when this list is empty.
 *
 * - marriage: the national review answered, and clear or overridden; a J
 *   number issued in the case and still in force (not voided);
 * - divorce registration: an L in force; replacements: a BJ / BL in force;
 * - divorce application: the centre's application id and its printed receipt;
 * - record certificate: the centre's certificate number.
 * A withdrawal needs only its signed papers (its confirmation prints from the
 * application, not from the case).
 */
import type { RegistryBusiness } from '../../domain/registry/business';
import type { OutstandingItem } from '../../domain/registry/outstanding';
import type { ReviewView } from './national-review';

/** What of a case decides its wholeness (registry-cases' open case satisfies it). */
export interface WholeCase {
  business: RegistryBusiness;
  reviewId?: string;
  certificateNumbers: readonly string[];
  divorceApplication?: { applicationId: string; receiptJobId: string };
  recordCertificate?: { number: string };
}

export interface WholenessSources {
  /** The case's review, as the review service holds it or as the case last saved it. */
  review: ReviewView | undefined;
  /** A number's state in the terminal's lease store: `issued` is in force. */
  numberState(number: string): 'issued' | 'void' | undefined;
}

/** The certificate type each business ends with, when it ends with one. */
export const CERTIFICATE_TYPE_OF: Partial<Record<RegistryBusiness, 'J' | 'L' | 'BJ' | 'BL'>> = {
  marriage: 'J',
  'divorce-registration': 'L',
  'marriage-replacement': 'BJ',
  'divorce-replacement': 'BL',
};


/** The type letters of a certificate number (`BJ310104-2026-000001` → `BJ`). */
export function certificateTypeOf(number: string): string {
  return /^[A-Z]+/.exec(number)?.[0] ?? '';
}

/** The outstanding items, in the order the desk does them. */
export function outstanding(found: WholeCase, sources: WholenessSources): OutstandingItem[] {
  const out: OutstandingItem[] = [];
  if (found.business === 'marriage') {
    const review = sources.review;
    if (!found.reviewId || !review) out.push('review-missing');
    else if (review.state !== 'answered') out.push('review-pending');
    else if (!review.cleared) out.push('review-hit');
  }
  const type = CERTIFICATE_TYPE_OF[found.business];
  if (type && !found.certificateNumbers.some((number) => certificateTypeOf(number) === type && sources.numberState(number) === 'issued')) out.push(`certificate-${type}`);
  if (found.business === 'divorce-application' && !found.divorceApplication) out.push('divorce-receipt');
  if (found.business === 'record-certificate' && !found.recordCertificate) out.push('record-certificate');
  return out;
}

/** Each item's words in a refusal (zh-CN, English); the screen has its own in its i18n. */
export const OUTSTANDING_NAMES: Record<OutstandingItem, [string, string]> = {
  'review-missing': ['全国联网审查（未进行）', 'national review (not asked)'],
  'review-pending': ['全国联网审查结果（待返回）', 'national review (answer pending)'],
  'review-hit': ['全国联网审查（有在婚记录，未经核查准予继续办理）', 'national review (a party on record as married, not overridden)'],
  'certificate-J': ['结婚证（J 字号未签发）', 'marriage certificate (no J number in force)'],
  'certificate-L': ['离婚证（L 字号未签发）', 'divorce certificate (no L number in force)'],
  'certificate-BJ': ['补发的结婚证（BJ 字号未签发）', 'replacement marriage certificate (no BJ number in force)'],
  'certificate-BL': ['补发的离婚证（BL 字号未签发）', 'replacement divorce certificate (no BL number in force)'],
  'divorce-receipt': ['离婚登记申请受理回执（未打印）', 'divorce application receipt (not printed)'],
  'record-certificate': ['婚姻登记记录证明（未出具）', 'registration record certificate (not issued)'],
};
