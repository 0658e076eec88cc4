/**
 * What a case's refusals name (papers, the parties' supporting documents, photos, the override's document), in both
 * languages of the officer messages.
 * The case view itself carries keys (contract/registry-archive.ts) and the screen names them; a refusal is an officer
 * message whose zh-CN and English texts each take their own list (`{missing}` / `{missingEn}`).
 */
import type { RegistryBusiness } from '../../domain/registry/business';
import { paperNameEn, paperTitle, type SignedPaper } from '../../domain/registry/signed-papers';
import { documentTitle, type SupportingDocument } from '../../domain/registry/supporting-documents';
import { photoCaption, type PaperCase } from './case-papers';
import type { PhotoKey } from './registry-case-types';

export type RecaptureItem =
  | { kind: 'paper'; paper: SignedPaper }
  | { kind: 'document'; document: SupportingDocument; party: 1 | 2 }
  | { kind: 'photo'; key: PhotoKey }
  | { kind: 'override-document' };

interface NamedCase {
  business: RegistryBusiness;
  parties: PaperCase['parties'];
}

function nameZh(found: NamedCase, item: RecaptureItem): string {
  if (item.kind === 'paper') return paperTitle(found.business, item.paper);
  if (item.kind === 'document') return documentTitle(item.document, found.parties[item.party - 1] ?? { name: '', nationality: '', idNumber: '' });
  if (item.kind === 'photo') return photoCaption(found.parties, item.key);
  return '联网审查例外的证明材料';
}

function nameEn(found: NamedCase, item: RecaptureItem): string {
  if (item.kind === 'paper') return paperNameEn(found.business, item.paper);
  if (item.kind === 'document') return documentTitle(item.document, found.parties[item.party - 1] ?? { name: '', nationality: '', idNumber: '' }, 'en');
  if (item.kind === 'photo') return item.key === 'joint' ? 'joint photo' : `photo of ${found.parties[item.key === 'party-1' ? 0 : 1]?.name ?? ''}`;
  return 'override supporting document';
}

/** `{ [param]: zh-CN names, [param + 'En']: English names }`, for the message's two templates. */
export function namesOf(found: NamedCase, items: readonly RecaptureItem[], param = 'missing'): Record<string, string> {
  return {
    [param]: items.map((item) => nameZh(found, item)).join('、'),
    [`${param}En`]: items.map((item) => nameEn(found, item)).join(', '),
  };
}
