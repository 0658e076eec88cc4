import { z } from 'zod';
import { isCalendarDate } from '../../domain/case-validation';
import type { DataPath } from '../validate';

/** Schemas and formatting shared by the document kinds. */

export const text = (max = 200) => z.string().trim().min(1, 'required').max(max, `at most ${max} characters`);
export const optionalText = (max = 200) => z.string().trim().max(max, `at most ${max} characters`).optional();

export const isoDate = z
  .string()
  .trim()
  .min(1, 'required')
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD')
  .refine(isCalendarDate, 'not a calendar date');

/** Printed as on Chinese certificates; data may use the domain's English values. */
export const sex = z
  .enum(['男', '女', 'male', 'female'], { message: 'expected 男/女 or male/female' })
  .transform((value) => (value === 'male' ? '男' : value === 'female' ? '女' : value));

/**
 * Exactly two parties. A short list is padded so that each absent party is
 * reported as missing (`parties[1]`) together with every other missing field,
 * instead of one bare "too short" problem.
 */
export function pair<T extends z.ZodType>(schema: T) {
  return z.preprocess((value) => (Array.isArray(value) && value.length < 2 ? [...value, ...new Array(2 - value.length).fill(undefined)] : value), z.tuple([schema, schema]));
}

export const party = z.object({
  name: text(60),
  sex,
  nationality: text(40),
  birthDate: isoDate,
  idNumber: text(40),
});
export type Party = z.infer<typeof party>;

/** 2026-05-20 → 2026年05月20日 */
export function chineseDate(iso: string): string {
  const [year, month, day] = iso.split('-');
  return `${year}年${month}月${day}日`;
}


const PARTY_FIELD_LABELS: Record<string, string> = {
  name: '姓名',
  sex: '性别',
  nationality: '国籍',
  birthDate: '出生日期',
  idNumber: '身份证件号',
  occupation: '职业',
  education: '文化程度',
};

/** Labels a data path for the officer: `parties[1].name` → `当事人二 姓名`. */
export function labelPath(labels: Record<string, string>) {
  return (path: DataPath, _data?: unknown): string => {
    const [head, index, field] = path;
    if (head === 'parties' && typeof index === 'number') {
      const who = `当事人${index === 0 ? '一' : index === 1 ? '二' : index + 1}`;
      return field === undefined ? who : `${who} ${PARTY_FIELD_LABELS[String(field)] ?? String(field)}`;
    }
    const key = path.map(String).join('.');
    return labels[key] ?? labels[String(head)] ?? key;
  };
}
