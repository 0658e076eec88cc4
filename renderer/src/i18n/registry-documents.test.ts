import { describe, expect, it } from 'vitest';
import { documentTitle, PARTY_DOCUMENT_KINDS, SUPPORTING_DOCUMENTS } from '../../../domain/registry/supporting-documents';
import { i18n } from './index';

describe('supporting document words on screen', () => {
  // Mutation: a zh-CN documentNames entry typed by hand that drifts from the domain's title fails this.
  it("names each document of a party from its keys as the refusals do, in Chinese and English", () => {
    const { t } = i18n.global;
    const parties = [
      { name: 'MARTIN SOPHIE MARIE', nationality: '法国', idNumber: '18AB12345', documentType: 'passport' as const },
      { name: '陈美玲', nationality: '中国', idNumber: 'H12345678', documentType: 'hk-macao-travel-permit' as const },
    ];
    for (const party of parties) {
      for (const document of SUPPORTING_DOCUMENTS) {
        for (const locale of ['zh-CN', 'en'] as const) {
          const permit = t(`registryCase.identityNames.${party.documentType}`, {}, { locale });
          expect(t(`registryCase.documentNames.${document}`, { name: party.name, permit }, { locale })).toBe(documentTitle(document, party, locale));
        }
      }
    }
  });

  it('offers every identity document kind for a party typed by hand', () => {
    const { t } = i18n.global;
    for (const kind of PARTY_DOCUMENT_KINDS) expect(t(`registryCase.documentKinds.${kind}`, {}, { locale: 'zh-CN' })).not.toContain('registryCase');
  });
});
