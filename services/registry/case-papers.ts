/**
 * The papers the registry desk prints for a case: which document kind each
 * signed paper prints as, per business, and the data each kind is filled
 * with from the case (parties, registry, today's date, the review, the
 * photos). The case's lifecycle stays in registry-cases.ts; this file only
 * turns a case into print data.
 */
import type { RegistryBusiness } from '../../domain/registry/business';
import type { SignedPaper } from '../../domain/registry/signed-papers';
import type { Capture } from '../material-captures';
import type { ReviewView } from './national-review';

/** What of a case its papers print (registry-cases' open case satisfies it). */
export interface PaperCase {
  id: string;
  business: RegistryBusiness;
  parties: readonly { name: string; sex: string; nationality: string; birthDate: string; idNumber: string }[];
  reviewId?: string;
  photos: readonly { key: string; captureId: string }[];
  certificateNumbers: readonly string[];
}

export interface PaperSources {
  /** The registry's day (Beijing date) printed on every paper. */
  today(): string;
  registryName(): string | undefined;
  /** The case's review as the review service holds it, or as the case last saved it. */
  review: ReviewView | undefined;
  /** The bytes of the case's photos, in the case's order; refuses (naming what to capture again) when one is gone. */
  readPhotos(): Promise<Capture[]>;
}

/** What each paper prints as, per business: only where a document kind exists (others are captured only). */
export function documentKind(business: RegistryBusiness, paper: SignedPaper): string | undefined {
  if (paper === 'declaration') return business === 'marriage' ? 'marriage-declaration' : business === 'divorce-application' || business === 'divorce-registration' ? 'divorce-declaration' : undefined;
  if (paper === 'review-form') return business === 'marriage' || business === 'divorce-registration' ? 'review-form' : undefined;
  if (paper === 'handover-receipt') return 'handover-receipt';
  return undefined;
}

/** A photo's caption on the review form and in the desk's recapture list (zh-CN). */
export function photoCaption(parties: PaperCase['parties'], key: string): string {
  return key === 'joint' ? '双方合影' : `${parties[key === 'party-1' ? 0 : 1]?.name ?? ''}照片`;
}

/** The data `kind` is rendered with for the case. */
export async function paperData(found: PaperCase, kind: string, sources: PaperSources): Promise<Record<string, unknown>> {
  const date = sources.today();
  const registry = sources.registryName();
  const base = { parties: found.parties, ...(registry ? { registry } : {}), caseNumber: found.id.slice(0, 8).toUpperCase() };
  if (kind === 'marriage-declaration' || kind === 'divorce-declaration') return { ...base, date };
  if (kind === 'handover-receipt') return { ...base, business: found.business, date, certificateNumbers: found.certificateNumbers };
  // The review form: what the desk checked and found; the decision is written once a number is issued.
  const review = sources.review;
  const number = found.certificateNumbers.at(-1);
  return {
    ...base,
    documentsChecked: [...new Set(found.parties.map((party) => (/^[0-9]{17}[0-9X]$/i.test(party.idNumber) ? '居民身份证' : '有效身份证件')))],
    registration: found.business === 'marriage' ? 'marriage' : 'divorce',
    nationalReview: !found.reviewId ? '未进行联网审查' : !review || review.state !== 'answered' ? '待审查结果' : review.override ? `有在婚记录，经核查准予继续办理（${review.override.reason}）` : review.hit ? '有在婚记录' : '未发现在婚记录',
    reviewOpinion: '当事人身份证件有效，双方自愿，符合登记条件。',
    reviewedOn: date,
    ...(number ? { decision: 'approved', certificateNumber: number, registeredOn: date } : {}),
    ...(found.photos.length > 0 ? { photos: await photoData(found, sources) } : {}),
  };
}

/** The case's photos for the review form, at their 2-inch shapes: the joint photo landscape, each party's portrait. */
async function photoData(found: PaperCase, sources: PaperSources): Promise<{ caption: string; shape: 'joint' | 'single'; jpegBase64: string }[]> {
  const captures = await sources.readPhotos();
  return found.photos.map((photo, index) => ({
    caption: photoCaption(found.parties, photo.key),
    shape: photo.key === 'joint' ? 'joint' : 'single',
    jpegBase64: Buffer.from(captures[index]!.data).toString('base64'),
  }));
}
