/**
 * The papers the registry desk prints for a case: which document kind each
 * signed paper prints as, per business, and the data each kind is filled
 * with from the case (parties, registry, today's date, the review, the
 * photos). The case's lifecycle stays in registry-cases.ts; this file only
 * turns a case into print data.
 */
import type { RegistryBusiness } from '../../domain/registry/business';
import type { SignedPaper } from '../../domain/registry/signed-papers';
import { documentKindOf, identityDocumentTitle, requiredDocuments, supportingDocumentName, type PartyDocumentKind } from '../../domain/registry/supporting-documents';
import type { Capture } from '../material-captures';
import type { ReviewView } from './national-review';

/** What of a case its papers print (registry-cases' open case satisfies it). */
export interface PaperCase {
  id: string;
  business: RegistryBusiness;
  parties: readonly { name: string; sex: string; nationality: string; birthDate: string; idNumber: string; documentType?: PartyDocumentKind }[];
  reviewId?: string;
  photos: readonly { key: string; captureId: string }[];
  certificateNumbers: readonly string[];
}

type Person = { name: string; idNumber: string };

/**
 * What the desk has looked up at the centre for this case's party, so the papers name it instead of leaving blanks
 * (held in memory by the desk's services: after a restart of the services the blanks are written by hand).
 */
export interface KnownRecords {
  /** The divorce application naming this party (a pending one first), with its receiving registry in words. */
  divorceApplicationOf(idNumber: string): { receivedOn: string; coolingOffEnds: string; registry: string; parties: readonly Person[] } | undefined;
  /** The registration of this kind naming this person that a replacement re-issues. */
  originalOf(kind: 'marriage' | 'divorce', idNumber: string): { date: string; number?: string | undefined; authority: string; parties: readonly Person[] } | undefined;
}

export interface PaperSources {
  /** The registry's day (Beijing date) printed on every paper. */
  today(): string;
  registryName(): string | undefined;
  /** The case's review as the review service holds it, or as the case last saved it. */
  review: ReviewView | undefined;
  /** The bytes of the case's photos, in the case's order; refuses (naming what to capture again) when one is gone. */
  readPhotos(): Promise<Capture[]>;
  records?: KnownRecords | undefined;
}

/**
 * What each paper prints as, per business. Every paper the desk asks to be signed has one, except the divorce
 * agreement, which is the couple's own (often written on the registry's blank form) and is only captured.
 */
const DOCUMENT_KINDS: Record<RegistryBusiness, Partial<Record<SignedPaper, string>>> = {
  marriage: { declaration: 'marriage-declaration', 'review-form': 'review-form', 'handover-receipt': 'handover-receipt' },
  'divorce-application': { declaration: 'divorce-declaration', 'handover-receipt': 'handover-receipt' },
  'divorce-withdrawal': { declaration: 'withdrawal-application', 'handover-receipt': 'handover-receipt' },
  'divorce-registration': { declaration: 'divorce-declaration', 'review-form': 'review-form', 'handover-receipt': 'handover-receipt' },
  'marriage-replacement': { declaration: 'replacement-declaration', 'review-form': 'review-form', 'handover-receipt': 'handover-receipt' },
  'divorce-replacement': { declaration: 'replacement-declaration', 'review-form': 'review-form', 'handover-receipt': 'handover-receipt' },
  'record-certificate': { declaration: 'record-certificate-application', 'handover-receipt': 'handover-receipt' },
};

export function documentKind(business: RegistryBusiness, paper: SignedPaper): string | undefined {
  return DOCUMENT_KINDS[business][paper];
}

/** What the review form reviews, per business (`registration` of the review-form kind). */
const REVIEWED: Partial<Record<RegistryBusiness, string>> = {
  marriage: 'marriage',
  'divorce-registration': 'divorce',
  'marriage-replacement': 'marriage-replacement',
  'divorce-replacement': 'divorce-replacement',
};

/** The registrar's opinion printed for signing; a replacement re-issues a registration, it does not make one. */
const REVIEW_OPINIONS: Partial<Record<RegistryBusiness, string>> = {
  'marriage-replacement': '申请人身份证件有效，经查询婚姻登记档案，原结婚登记事项属实，符合补领结婚证条件。',
  'divorce-replacement': '申请人身份证件有效，经查询婚姻登记档案，原离婚登记事项属实，符合补领离婚证条件。',
};

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
  // The papers one applicant signs: the case's first party is the one who came.
  const { parties: _parties, ...desk } = base;
  const person = found.parties[0]!;
  const applicant = { ...desk, applicant: person, date };
  if (kind === 'record-certificate-application') return applicant;
  if (kind === 'withdrawal-application') {
    const application = sources.records?.divorceApplicationOf(person.idNumber);
    if (!application) return applicant;
    return {
      ...applicant,
      ...spouseOf(application.parties, person, found.parties[1]),
      application: { receivedOn: application.receivedOn, coolingOffEnds: application.coolingOffEnds, registry: application.registry },
    };
  }
  if (kind === 'replacement-declaration') {
    const registration = found.business === 'marriage-replacement' ? 'marriage' : 'divorce';
    return { ...applicant, registration, ...replacedOriginal(registration, found, sources), ...spouseOf(sources.records?.originalOf(registration, person.idNumber)?.parties ?? [], person, found.parties[1]) };
  }
  // The review form: what the desk checked and found; the decision is written once a number is issued.
  const review = sources.review;
  const number = found.certificateNumbers.at(-1);
  return {
    ...base,
    // The identity documents the parties identified with (as recorded, or as an older case's numbers show), then the
    // certificates the case needs of them (a passport's copy is the passport already named).
    documentsChecked: [
      ...new Set([
        ...found.parties.map((party) => identityDocumentTitle(documentKindOf(party))),
        ...requiredDocuments(found.business, found.parties)
          .filter((required) => required.document !== 'passport' && required.document !== 'travel-permit')
          .map((required) => supportingDocumentName(required.document)),
      ]),
    ],
    registration: REVIEWED[found.business] ?? 'divorce',
    nationalReview: !found.reviewId ? '未进行联网审查' : !review || review.state !== 'answered' ? '待审查结果' : review.override ? `有在婚记录，经核查准予继续办理（${review.override.reason}）` : review.hit ? '有在婚记录' : '未发现在婚记录',
    reviewOpinion: REVIEW_OPINIONS[found.business] ?? '当事人身份证件有效，双方自愿，符合登记条件。',
    reviewedOn: date,
    ...(number ? { decision: 'approved', certificateNumber: number, registeredOn: date } : {}),
    ...(found.business === 'marriage-replacement' || found.business === 'divorce-replacement' ? replacedOriginal(found.business === 'marriage-replacement' ? 'marriage' : 'divorce', found, sources) : {}),
    ...(found.photos.length > 0 ? { photos: await photoData(found, sources) } : {}),
  };
}

/** The other party a paper names: the case's second party if read, else the one the centre's record names. */
function spouseOf(parties: readonly Person[], person: Person, read: Person | undefined): { spouse?: { name: string; idNumber: string } } {
  const other = read ?? parties.find((party) => party.idNumber.trim().toUpperCase() !== person.idNumber.trim().toUpperCase());
  return other ? { spouse: { name: other.name, idNumber: other.idNumber } } : {};
}

/** The registration a replacement re-issues, as the desk found it at the centre. */
function replacedOriginal(kind: 'marriage' | 'divorce', found: PaperCase, sources: PaperSources): { original?: { registeredOn: string; number?: string; authority: string } } {
  const original = sources.records?.originalOf(kind, found.parties[0]!.idNumber);
  return original ? { original: { registeredOn: original.date, ...(original.number ? { number: original.number } : {}), authority: original.authority } } : {};
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
