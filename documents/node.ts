/**
 * Node entry: finds the fonts on disk and opens an engine. The engine itself
 * (index.ts) takes font bytes and stays free of Node APIs.
 */
import { createDocumentEngine, type DocumentEngine } from './engine';
import { findFontSources, type FontFileOptions } from './fonts/load-font-files';

export { findFontSources, DEFAULT_FALLBACK_FONTS, DEFAULT_PRIMARY_FONTS, FALLBACK_FONTS_ENV, PRIMARY_FONT_ENV, type FontFileOptions } from './fonts/load-font-files';

export async function openDocumentEngine(fonts: FontFileOptions = {}, certificateLayout?: unknown): Promise<DocumentEngine> {
  return createDocumentEngine({ fonts: await findFontSources(fonts), certificateLayout });
}
