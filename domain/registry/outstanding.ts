/**
 * What a registry case's business still lacks beyond its signed papers, as
 * keys the services list and the screen names: the national review (not
 * asked, pending, or a hit not overridden), the certificate of its type in
 * force, the divorce application's receipt, the record certificate. Pure.
 */
export const OUTSTANDING_ITEMS = [
  'review-missing',
  'review-pending',
  'review-hit',
  'certificate-J',
  'certificate-L',
  'certificate-BJ',
  'certificate-BL',
  'divorce-receipt',
  'record-certificate',
] as const;
export type OutstandingItem = (typeof OUTSTANDING_ITEMS)[number];
