/** The document engine's public surface; everything else in documents/ is internal. */
export { createDocumentEngine, DOCUMENT_KINDS, type DocumentEngine, type DocumentEngineOptions, type RenderOptions, type RenderResult } from './engine';
export { DocumentError, DOCUMENT_ERROR_CODES, DOCUMENT_WARNING_CODES, type DocumentErrorCode, type DocumentWarning, type DocumentWarningCode } from './errors';
export type { FontSource, FontSources } from './fonts/font-source';
export type { Calibration } from './paint/painter';
export { DOCUMENT_MESSAGES } from './messages';
export { checkDocumentData } from './check';
