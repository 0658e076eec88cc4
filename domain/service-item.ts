/**
 * A government service accepted at the reception window, as pulled from the
 * central catalogue. The terminal never hard-codes items: it renders the form
 * from `formSchema`.
 */
import type { MaterialScanProfile } from './material-scan';

export type FormFieldType = 'text' | 'date' | 'select' | 'id-number' | 'phone' | 'textarea';

/** Where a field takes its initial value from when a card is read. */
export type CardPrefill = 'name' | 'sex' | 'birthDate' | 'idNumber' | 'address' | 'ethnicity' | 'nationality' | 'englishName';

export interface FormField {
  key: string;
  label: string;
  labelEn?: string;
  type: FormFieldType;
  required: boolean;
  prefill?: CardPrefill;
  options?: { value: string; label: string; labelEn?: string }[];
  maxLength?: number;
}

export type SignerRole = 'applicant' | 'guardian' | 'agent';

export interface ServiceItem {
  id: string;
  code: string;
  name: string;
  nameEn?: string;
  category: string;
  formSchema: FormField[];
  /** `scan`: the resolution and colour mode its pages are archived in (absent: DEFAULT_SCAN_PROFILE, a grey text page). */
  materials: { key: string; name: string; nameEn?: string; required: boolean; scan?: MaterialScanProfile }[];
  signers: SignerRole[];
  pledge?: string;
  /** Backend revision; bumps whenever the item changes. */
  revision: number;
  retired?: boolean;
}
