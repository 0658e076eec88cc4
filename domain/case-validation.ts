import type { CaseDraft } from './case';
import { checkIdNumber } from './id-number';
import type { ServiceItem } from './service-item';

export interface FieldProblem {
  field: string;
  problem: 'required' | 'too-long' | 'not-an-option' | 'bad-date' | 'bad-id-number';
}

/**
 * Checks a draft against its service item's form schema. Returns every problem
 * at once so the officer fixes the form in one pass.
 */
export function validateCaseDraft(draft: CaseDraft, item: ServiceItem): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const field of item.formSchema) {
    const value = (draft.form[field.key] ?? '').trim();
    if (value === '') {
      if (field.required) problems.push({ field: field.key, problem: 'required' });
      continue;
    }
    if (field.maxLength !== undefined && [...value].length > field.maxLength) {
      problems.push({ field: field.key, problem: 'too-long' });
    }
    if (field.type === 'select' && field.options && !field.options.some((option) => option.value === value)) {
      problems.push({ field: field.key, problem: 'not-an-option' });
    }
    if (field.type === 'date' && !isCalendarDate(value)) {
      problems.push({ field: field.key, problem: 'bad-date' });
    }
    if (field.type === 'id-number' && !isAcceptableIdNumber(value, draft.applicant.idNumber)) {
      problems.push({ field: field.key, problem: 'bad-id-number' });
    }
  }
  return problems;
}

/**
 * Problems that stop a case from being submitted, beyond its form: an item
 * with a pledge needs it ticked. (A preview of the form does not.)
 */
export function validateSubmission(draft: CaseDraft, item: ServiceItem): FieldProblem[] {
  const problems = validateCaseDraft(draft, item);
  if (item.pledge && draft.pledgeAccepted !== true) problems.push({ field: 'pledge', problem: 'required' });
  return problems;
}

/**
 * An ID number field takes the applicant's own document number as read (the
 * chip or the passport is the source; a doubtful check digit was already shown
 * as a warning), or a typed number that is a valid GB 11643 number or a 2017
 * foreign permanent resident card number (three letters, twelve digits).
 */
function isAcceptableIdNumber(value: string, applicantNumber: string): boolean {
  if (value.toUpperCase() === applicantNumber.toUpperCase()) return true;
  return checkIdNumber(value).ok || /^[A-Z]{3}\d{12}$/.test(value);
}

/** True for a real YYYY-MM-DD day (rejects 2026-02-30). */
export function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
