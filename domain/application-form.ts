import type { CaseDraft } from './case';
import type { ServiceItem } from './service-item';

/**
 * The data of a generated application form for a case, as the document
 * engine takes it. The preview the resident sees and the signed copy the
 * terminal archives are made from this one function.
 */
export function applicationFormData(
  item: ServiceItem,
  draft: Pick<CaseDraft, 'applicant' | 'form' | 'signatures' | 'pledgeAccepted' | 'capturedMaterials'>,
  date: string,
): Record<string, unknown> {
  return {
    serviceItem: item,
    values: draft.form,
    date,
    signerNames: { applicant: draft.applicant.name },
    signatures: draft.signatures ?? {},
    pledgeAccepted: draft.pledgeAccepted ?? false,
    // A material captured at the counter is ticked as handed in.
    materials: [...new Set((draft.capturedMaterials ?? []).map((material) => material.materialKey))],
  };
}
