import { useI18n } from 'vue-i18n';
import type { ServiceItem } from '../../../domain/service-item';

/**
 * The officer's words for form fields and their problems. Problems arrive as
 * `field:problem` (from the contract's `case-invalid` error) and fields by
 * key; both are shown by the label the catalogue gives them.
 */
export function useFieldText() {
  const { t, locale } = useI18n();

  function fieldLabel(item: ServiceItem | undefined, key: string): string {
    if (key === 'pledge') return t('sign.pledge');
    const field = item?.formSchema.find((candidate) => candidate.key === key);
    if (!field) return key;
    return locale.value === 'en' && field.labelEn ? field.labelEn : field.label;
  }

  function problemTexts(item: ServiceItem | undefined, problems: string[]): string[] {
    return problems.map((entry) => {
      const [key, problem] = entry.split(':') as [string, string];
      return t(`fieldProblem.${problem}`, { field: fieldLabel(item, key) });
    });
  }

  return { fieldLabel, problemTexts };
}
