import type { z } from 'zod';
import type { OverlayLayout } from '../layout';
import type { DocumentModel } from '../model';
import type { PathLabel } from '../validate';

/** What every document kind provides: how to check its data and how to lay it out. */
export interface DocumentKind<T> {
  /** Kind name used by the CLI and the API, e.g. `marriage-certificate`. */
  name: string;
  /** zh-CN document title. */
  title: string;
  schema: z.ZodType<T, unknown>;
  label: PathLabel;
  build(data: T, context: BuildContext): DocumentModel | Promise<DocumentModel>;
}

export interface BuildContext {
  /** Overlay layouts by kind name (defaults from documents/layouts, replaceable per terminal). */
  layouts: Record<string, OverlayLayout>;
}
