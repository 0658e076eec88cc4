/**
 * What the document engine reports. Errors stop a document (nothing half-drawn
 * is returned); warnings come back with a finished PDF and must be shown to the
 * officer in the preview, because the text was changed to fit.
 */
export const DOCUMENT_ERROR_CODES = [
  'document-fields-missing',
  'document-data-invalid',
  'document-characters-unsupported',
  'document-font-missing',
  'document-font-invalid',
  'document-template-invalid',
  'document-image-invalid',
  'document-layout-invalid',
  'document-kind-unknown',
  'document-render-failed',
] as const;
export type DocumentErrorCode = (typeof DOCUMENT_ERROR_CODES)[number];

export const DOCUMENT_WARNING_CODES = [
  'document-text-shrunk',
  'document-text-wrapped',
  'document-text-overflow',
  'document-text-off-page',
  'document-field-blank',
] as const;
export type DocumentWarningCode = (typeof DOCUMENT_WARNING_CODES)[number];

/** One problem with the caller's data, by its path in the data (e.g. `parties[1].idNumber`). */
export interface DataProblem {
  field: string;
  problem: string;
}

/** Structured details; `params` flattens them for the contract's string/number params. */
export interface DocumentErrorDetails {
  /** Data paths of required values that are absent or blank. */
  missing?: string[];
  /** Officer-facing (Chinese) labels of the missing values, same order as `missing`. */
  missingLabels?: string[];
  invalid?: DataProblem[];
  /** Characters no configured font can draw, each once, in order of appearance. */
  characters?: string[];
  /** Fields whose text holds those characters. */
  fields?: string[];
  /** Font files looked for, or the one that failed. */
  fonts?: string[];
  kind?: string;
}

export class DocumentError extends Error {
  readonly code: DocumentErrorCode;
  readonly details: DocumentErrorDetails;
  readonly params: Record<string, string | number>;

  constructor(code: DocumentErrorCode, detail: string, details: DocumentErrorDetails = {}) {
    super(detail);
    this.name = 'DocumentError';
    this.code = code;
    this.details = details;
    this.params = flattenParams(details);
  }
}

export interface DocumentWarning {
  code: DocumentWarningCode;
  /** The field (layout key or data path) whose text was changed. */
  field: string;
  /** English detail for the log. */
  detail: string;
  params: Record<string, string | number>;
}

function flattenParams(details: DocumentErrorDetails): Record<string, string | number> {
  const params: Record<string, string | number> = {};
  if (details.missing) {
    params.missing = details.missing.join(', ');
    params.missingCount = details.missing.length;
  }
  if (details.missingLabels) params.missingLabels = details.missingLabels.join('、');
  if (details.invalid) {
    params.invalid = details.invalid.map((item) => `${item.field}: ${item.problem}`).join('; ');
    params.invalidCount = details.invalid.length;
  }
  if (details.characters) {
    params.characters = details.characters.join(' ');
    params.codePoints = details.characters.map(codePointLabel).join(' ');
  }
  if (details.fields) params.fields = details.fields.join(', ');
  if (details.fonts) params.fonts = details.fonts.join('; ');
  if (details.kind) params.kind = details.kind;
  return params;
}

/** `U+20000`, the form officers can quote to IT. */
export function codePointLabel(char: string): string {
  return `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}
