import { z } from 'zod';
import type { DocumentWarning } from '../errors';
import type { OverlayLayout } from '../layout';
import type { Sheet, TextItem } from '../model';
import { chineseDate, isoDate, labelPath, optionalText, pair, party } from './common';
import type { DocumentKind } from './kind';
import { registryForDivision } from './registries';

/**
 * Marriage certificates carry J (BJ for a replacement), divorce certificates L (BL); see DOMAIN.md. Both booklets
 * carry the same variable text at the same places, so one overlay serves both.
 */
const MARRIAGE_NUMBER = /^(J|BJ|L|BL)(\d{6})-(\d{4})-(\d{6})$/;
const isDivorce = (number: string): boolean => number.startsWith('L') || number.startsWith('BL');

export const CERTIFICATE_FIELDS = [
  'registry',
  'registrar',
  'holder',
  'registeredOn',
  'number',
  'remarks',
  ...[0, 1].flatMap((index) => ['name', 'sex', 'nationality', 'birthDate', 'idNumber'].map((field) => `parties[${index}].${field}`)),
] as const;

const schema = z
  .object({
    number: z.string().trim().min(1, 'required').regex(MARRIAGE_NUMBER, 'expected a certificate number like J310104-2026-000123 (J, L, BJ or BL)'),
    registeredOn: isoDate,
    parties: pair(party),
    remarks: optionalText(200),
    /** Defaults to the Shanghai district registry named by the number's division code. */
    registry: optionalText(60),
    /** Left blank (with a warning) when the registrar signs or stamps the booklet by hand. */
    registrar: optionalText(30),
    /** Which party's booklet; both booklets (two pages) when absent. */
    holder: z.union([z.literal(0), z.literal(1)]).optional(),
  })
  .superRefine((data, context) => {
    const match = MARRIAGE_NUMBER.exec(data.number);
    if (!match) return;
    if (!data.registry && !registryForDivision(match[2] as string)) {
      context.addIssue({ code: 'custom', path: ['registry'], message: `required: division ${match[2]} is not a known registry` });
    }
    // A replacement (BJ/BL) is numbered in the year it is issued, not the year of the registration.
    if ((match[1] === 'J' || match[1] === 'L') && match[3] !== data.registeredOn.slice(0, 4)) {
      context.addIssue({ code: 'custom', path: ['number'], message: `year ${match[3]} differs from the registration date ${data.registeredOn}` });
    }
  });

export type MarriageCertificateData = z.infer<typeof schema>;

export const marriageCertificate: DocumentKind<MarriageCertificateData> = {
  name: 'marriage-certificate',
  title: '结婚证',
  schema,
  label: labelPath({ number: '结婚证字号', registeredOn: '登记日期', remarks: '备注', registry: '登记机关', registrar: '登记员', holder: '持证人' }),
  build(data, { layouts }) {
    const layout = layouts['marriage-certificate'] as OverlayLayout;
    const division = (MARRIAGE_NUMBER.exec(data.number) as RegExpExecArray)[2] as string;
    const values: Record<string, string> = {
      registry: data.registry ?? (registryForDivision(division) as string),
      registrar: data.registrar ?? '',
      registeredOn: chineseDate(data.registeredOn),
      number: data.number,
      remarks: data.remarks ?? '',
    };
    data.parties.forEach((person, index) => {
      values[`parties[${index}].name`] = person.name;
      values[`parties[${index}].sex`] = person.sex;
      values[`parties[${index}].nationality`] = person.nationality;
      values[`parties[${index}].birthDate`] = chineseDate(person.birthDate);
      values[`parties[${index}].idNumber`] = person.idNumber;
    });
    const warnings: DocumentWarning[] = [];
    if (!data.registrar) {
      warnings.push({ code: 'document-field-blank', field: 'registrar', detail: 'registrar left blank for signing by hand', params: { field: 'registrar' } });
    }
    const holders = data.holder === undefined ? [0, 1] : [data.holder];
    const sheets: Sheet[] = holders.map((holder) => ({
      width: layout.page.width,
      height: layout.page.height,
      items: overlayItems(layout, { ...values, holder: data.parties[holder]?.name ?? '' }),
    }));
    return { title: `${isDivorce(data.number) ? '离婚证' : '结婚证'} ${data.number}`, sheets, warnings };
  },
};

/** Only the variable text: labels, frames and seals are pre-printed on the stock. */
export function overlayItems(layout: OverlayLayout, values: Record<string, string>): TextItem[] {
  const items: TextItem[] = [];
  for (const [field, text] of Object.entries(values)) {
    const position = layout.fields[field];
    if (!position || text === '') continue;
    const item: TextItem = {
      type: 'text',
      field,
      text,
      box: { x: position.x, y: position.y, width: position.width, height: position.height },
      size: position.size ?? layout.text.size,
      minSize: position.minSize ?? layout.text.minSize,
    };
    if (position.align) item.align = position.align;
    if (position.valign) item.valign = position.valign;
    if (position.wrap !== undefined) item.wrap = position.wrap;
    items.push(item);
  }
  return items;
}
