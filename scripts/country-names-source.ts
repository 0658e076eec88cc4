/** The Chinese short names of every alpha-3 code, as i18n-iso-countries has them (generator and its test). */
import { createRequire } from 'node:module';
import countries from 'i18n-iso-countries';

export function countryNamesFromLibrary(): Record<string, string> {
  const require = createRequire(import.meta.url);
  countries.registerLocale(require('i18n-iso-countries/langs/zh.json') as countries.LocaleData);
  const names: Record<string, string> = {};
  for (const code of Object.keys(countries.getAlpha3Codes())) {
    const name = countries.getName(code, 'zh');
    if (name) names[code] = name;
  }
  return names;
}
