import { describe, expect, it } from 'vitest';
import { COUNTRY_NAMES_ZH } from '../domain/registry/country-names-zh';
import { countryNamesFromLibrary } from './country-names-source';

describe('the Chinese country-name table', () => {
  it('is what i18n-iso-countries says (after an upgrade: npx tsx scripts/generate-country-names.ts)', () => {
    expect(COUNTRY_NAMES_ZH).toEqual(countryNamesFromLibrary());
  });
});
