import type { z } from 'zod';
import { DocumentError, type DataProblem } from './errors';

export type DataPath = readonly PropertyKey[];
/** Gives the officer-facing (Chinese) name of a data path, e.g. `parties[1].name` → `当事人二 姓名`; `data` is the raw input. */
export type PathLabel = (path: DataPath, data: unknown) => string;

/**
 * Validates a document's data and reports every problem at once: values that
 * are absent or blank become one `document-fields-missing` error listing all
 * of them (with any malformed values alongside); otherwise malformed values
 * give `document-data-invalid`.
 */
export function parseData<T>(schema: z.ZodType<T>, data: unknown, label: PathLabel = formatPath): T {
  const result = schema.safeParse(data);
  if (result.success) return result.data;

  const missing: string[] = [];
  const missingLabels: string[] = [];
  const invalid: DataProblem[] = [];
  for (const issue of result.error.issues) {
    const field = formatPath(issue.path);
    if (isBlank(valueAt(data, issue.path))) {
      if (!missing.includes(field)) {
        missing.push(field);
        missingLabels.push(label(issue.path, data));
      }
    } else {
      invalid.push({ field, problem: issue.message });
    }
  }
  if (missing.length > 0) {
    return fail('document-fields-missing', `Missing: ${missing.join(', ')}`, { missing, missingLabels, invalid });
  }
  return fail('document-data-invalid', `Invalid: ${invalid.map((item) => `${item.field} (${item.problem})`).join('; ')}`, { invalid });
}

function fail(code: 'document-fields-missing' | 'document-data-invalid', detail: string, details: ConstructorParameters<typeof DocumentError>[2]): never {
  throw new DocumentError(code, detail, details);
}

export function formatPath(path: DataPath): string {
  let text = '';
  for (const key of path) {
    if (typeof key === 'number') text += `[${key}]`;
    else text += text === '' ? String(key) : `.${String(key)}`;
  }
  return text === '' ? '(data)' : text;
}

/** The inverse of formatPath: `parties[1].name` → ['parties', 1, 'name']. */
export function parsePath(text: string): DataPath {
  return [...text.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((match) => (match[2] !== undefined ? Number(match[2]) : (match[1] as string)));
}

function valueAt(data: unknown, path: DataPath): unknown {
  let value: unknown = data;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}
