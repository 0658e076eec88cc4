/**
 * Checks a document's data without rendering it: the same schema and labels
 * the engine validates with, so a business can refuse what would not print
 * before it records anything anywhere (e.g. at the centre).
 */
import { DOCUMENT_KINDS } from './engine';
import { DocumentError } from './errors';
import type { DocumentKind } from './kinds/kind';
import { parseData } from './validate';

const KINDS = new Map<string, DocumentKind<unknown>>(DOCUMENT_KINDS.map((kind) => [kind.name, kind as unknown as DocumentKind<unknown>]));

/** Throws the engine's own `document-fields-missing` / `document-data-invalid` (Chinese labels) when `data` would not render. */
export function checkDocumentData(kindName: string, data: unknown): void {
  const kind = KINDS.get(kindName);
  if (!kind) throw new DocumentError('document-kind-unknown', `Unknown document kind ${kindName}`, { kind: kindName });
  parseData(kind.schema, data, kind.label);
}
