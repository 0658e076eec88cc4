import { describe, expect, it } from 'vitest';
import { REGISTRY_BUSINESSES } from '../../../domain/registry/business';
import { paperTitle, SIGNED_PAPERS } from '../../../domain/registry/signed-papers';
import { i18n } from './index';

describe('registry case words on screen', () => {
  it('names every paper of every business from its key, in Chinese as printed and in English', () => {
    const { t } = i18n.global;
    for (const business of REGISTRY_BUSINESSES) {
      for (const paper of SIGNED_PAPERS) {
        const key = `registryCase.paperNames.${business}.${paper}`;
        expect(t(key, {}, { locale: 'zh-CN' })).toBe(paperTitle(business, paper));
        expect(t(key, {}, { locale: 'en' })).toMatch(/^[A-Z][A-Za-z -]+$/);
      }
    }
  });

  it('names photos and the override document in both languages', () => {
    const { t } = i18n.global;
    expect(t('registryCase.photoKeys.party-2', {}, { locale: 'en' })).toBe("Party 2's photo");
    expect(t('registryCase.overrideDocument', {}, { locale: 'zh-CN' })).toBe('联网审查例外的证明材料');
    expect(t('registryCase.overrideDocument', {}, { locale: 'en' })).toBe('Override supporting document');
  });

  it('names an unknown receiving registry by its code in both languages', () => {
    const { t } = i18n.global;
    expect(t('registryBusiness.divorceApplication.unknownRegistry', { code: '319999' }, { locale: 'zh-CN' })).toBe('婚姻登记机关（区划代码 319999）');
    expect(t('registryBusiness.divorceApplication.unknownRegistry', { code: '319999' }, { locale: 'en' })).toBe('marriage registry, division code 319999');
  });
});
