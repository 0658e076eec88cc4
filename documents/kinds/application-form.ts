import { z } from 'zod';
import { serviceItemSchema } from '../../contract/schemas';
import type { CaseDraft } from '../../domain/case';
import { validateCaseDraft, type FieldProblem } from '../../domain/case-validation';
import type { FormField, ServiceItem, SignerRole } from '../../domain/service-item';
import { chineseDate, isoDate, optionalText } from './common';
import { FormSheets, type Cell, type SignerBox } from './form-sheet';
import type { DocumentKind } from './kind';
import { signatureSchema } from './signature-schema';
import type { DataPath } from '../validate';

const ROLES = ['applicant', 'guardian', 'agent'] as const;
const roleRecord = <T extends z.ZodType>(value: T) => z.object({ applicant: value.optional(), guardian: value.optional(), agent: value.optional() });

const schema = z
  .object({
    serviceItem: serviceItemSchema,
    /** The form's answers by field key, as entered at the window. */
    values: z.record(z.string(), z.string()),
    caseNumber: optionalText(40),
    date: isoDate.optional(),
    /** Pad captures per signer role; absent roles get an empty box for ink. */
    signatures: roleRecord(signatureSchema).optional(),
    /** Printed under each box; the applicant's defaults to the form's name field. */
    signerNames: roleRecord(z.string().trim().max(60)).optional(),
    pledgeAccepted: z.boolean().optional(),
    pledgeSignature: signatureSchema.optional(),
    /** Keys of the materials handed in. */
    materials: z.array(z.string()).optional(),
  })
  .superRefine((data, context) => {
    const draft: CaseDraft = { serviceItemId: data.serviceItem.id, applicant: { cardType: 'resident', name: '', idNumber: '' }, form: data.values };
    for (const problem of validateCaseDraft(draft, data.serviceItem)) {
      // Whether a number identifies someone is the case's question, not the print's: the preview shows it as typed.
      if (problem.problem === 'bad-id-number') continue;
      context.addIssue({ code: 'custom', path: ['values', problem.field], message: PROBLEMS[problem.problem] });
    }
    const known = new Set(data.serviceItem.formSchema.map((field) => field.key));
    for (const key of Object.keys(data.values)) {
      // A value with no field on the form would vanish from the print.
      if (!known.has(key) && data.values[key]?.trim()) context.addIssue({ code: 'custom', path: ['values', key], message: 'not a field of this service item' });
    }
  });

const PROBLEMS: Record<Exclude<FieldProblem['problem'], 'bad-id-number'>, string> = {
  required: 'required',
  'too-long': 'too long for this field',
  'not-an-option': 'not one of the field options',
  'bad-date': 'expected a YYYY-MM-DD date',
};

export type ApplicationFormData = z.infer<typeof schema>;

const ROLE_CAPTIONS: Record<SignerRole, string> = { applicant: '申请人（签名）', guardian: '监护人（签名）', agent: '代理人（签名）' };

/**
 * An application form generated from the service item's form schema: the
 * answers, the materials handed in, one signature box per signer role
 * (multi-signer forms) and, when the item has one, the pledge to tick and sign.
 */
export const applicationForm: DocumentKind<ApplicationFormData> = {
  name: 'application-form',
  title: '申请表',
  schema,
  label: labelApplicationPath,
  build(data) {
    const item = data.serviceItem;
    const form = new FormSheets().title(formTitle(item.name)).meta(data.caseNumber ? `编号：${data.caseNumber}` : '', data.date ? `日期：${chineseDate(data.date)}` : '');
    form.heading('申请信息');
    let pending: Cell[] = [];
    const flush = () => {
      if (pending.length > 0) form.row(pending, 10);
      pending = [];
    };
    for (const field of item.formSchema) {
      const value = displayValue(field, data.values[field.key] ?? '');
      if (field.type === 'textarea') {
        flush();
        form.block(`values.${field.key}`, value, 24, 11, field.label);
        continue;
      }
      pending.push({ label: field.label, value, field: `values.${field.key}`, wrap: field.type !== 'id-number' && field.type !== 'date' && field.type !== 'phone' });
      if (pending.length === 2) flush();
    }
    flush();

    if (item.materials.length > 0) {
      const handedIn = new Set(data.materials ?? []);
      form.space(3).heading('申请材料');
      form.checklist(item.materials.map((material) => ({ field: `materials.${material.key}`, label: material.required ? `${material.name}（必交）` : material.name, checked: handedIn.has(material.key) })));
    }

    const applicantName = data.signerNames?.applicant || nameFromForm(item, data.values);
    const names: Partial<Record<SignerRole, string>> = { ...data.signerNames, applicant: applicantName };
    const signers: SignerBox[] = ROLES.filter((role) => item.signers.includes(role)).map((role) => ({
      caption: ROLE_CAPTIONS[role],
      field: `signatures.${role}`,
      signature: data.signatures?.[role],
      name: names[role],
    }));
    if (signers.length > 0) form.space(3).heading('签名').signers(signers);

    if (item.pledge) {
      form.space(3).heading('告知承诺');
      form.pledge('pledge', item.pledge, data.pledgeAccepted ?? false, {
        caption: '承诺人（签名）',
        field: 'pledgeSignature',
        signature: data.pledgeSignature,
        name: applicantName,
      });
    }
    return { title: formTitle(item.name), sheets: form.sheets };
  },
};

function displayValue(field: FormField, value: string): string {
  const trimmed = value.trim();
  if (trimmed === '') return '';
  if (field.type === 'date') return chineseDate(trimmed);
  if (field.type === 'select') return field.options?.find((option) => option.value === trimmed)?.label ?? trimmed;
  return trimmed;
}

function nameFromForm(item: ServiceItem, values: Record<string, string>): string | undefined {
  const field = item.formSchema.find((candidate) => candidate.prefill === 'name');
  return field ? values[field.key]?.trim() || undefined : undefined;
}

/** Form answers are labelled with the field's own label from the service item. */
function labelApplicationPath(path: DataPath, data: unknown): string {
  const [head, key] = path;
  if (head === 'values' && typeof key === 'string') {
    const fields = (data as { serviceItem?: { formSchema?: { key?: unknown; label?: unknown }[] } })?.serviceItem?.formSchema;
    const label = Array.isArray(fields) ? fields.find((field) => field?.key === key)?.label : undefined;
    return typeof label === 'string' ? label : key;
  }
  if (head === 'serviceItem') return '服务事项';
  return path.map(String).join('.');
}

/** 老年人综合津贴申请 → 老年人综合津贴申请表, 居住证办理 → 居住证办理申请表. */
function formTitle(itemName: string): string {
  return itemName.endsWith('申请') ? `${itemName}表` : `${itemName}申请表`;
}
