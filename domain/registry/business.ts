/**
 * The registration businesses of a marriage registry desk (seed 000): each may
 * be foreign-related (a party is a foreigner or from HK, Macao or Taiwan),
 * which is a property of the case, not a separate business.
 */
export const REGISTRY_BUSINESSES = [
  'marriage',
  'divorce-application',
  'divorce-withdrawal',
  'divorce-registration',
  'marriage-replacement',
  'divorce-replacement',
  'record-certificate',
] as const;
export type RegistryBusiness = (typeof REGISTRY_BUSINESSES)[number];

export function isRegistryBusiness(value: unknown): value is RegistryBusiness {
  return typeof value === 'string' && (REGISTRY_BUSINESSES as readonly string[]).includes(value);
}

/** How many parties appear in person: a couple for the joint businesses, one person otherwise. */
export function partiesOf(business: RegistryBusiness): 1 | 2 {
  return business === 'marriage' || business === 'divorce-application' || business === 'divorce-registration' ? 2 : 1;
}

/** A business as registrars name it: on printed papers (the day report) and in refusals naming a case's business (zh-CN). */
export const BUSINESS_TITLES: Record<RegistryBusiness, string> = {
  marriage: '结婚登记',
  'divorce-application': '离婚登记申请',
  'divorce-withdrawal': '撤回离婚登记申请',
  'divorce-registration': '离婚登记',
  'marriage-replacement': '补领结婚证',
  'divorce-replacement': '补领离婚证',
  'record-certificate': '婚姻登记记录证明',
};
