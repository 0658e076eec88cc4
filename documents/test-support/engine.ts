import { createDocumentEngine, type DocumentEngine } from '../engine';
import { findFontSources } from '../fonts/load-font-files';

let shared: Promise<DocumentEngine> | undefined;

/** One engine per test file (fonts are parsed once), with the default font search. */
export function testEngine(): Promise<DocumentEngine> {
  shared ??= findFontSources({}, {}).then((fonts) => createDocumentEngine({ fonts }));
  return shared;
}
