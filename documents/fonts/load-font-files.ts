import { access, readFile } from 'node:fs/promises';
import { delimiter } from 'node:path';
import { DocumentError } from '../errors';
import type { FontSource, FontSources } from './font-source';

/**
 * Finds the document fonts on disk (Node only; the engine itself takes bytes).
 * A font is given as `path` or `path#PostScriptName` (the face in a TTC).
 * Order of precedence: explicit options, then the environment, then the
 * default search. An explicitly configured font that is missing is an error,
 * never silently replaced by a default.
 */
export const PRIMARY_FONT_ENV = 'WT_DOCUMENT_FONT';
/** List separated by the platform's path delimiter (':' on Linux, ';' on Windows); empty = no fallback. */
export const FALLBACK_FONTS_ENV = 'WT_DOCUMENT_FALLBACK_FONTS';

/** Noto Sans CJK (OFL) as packaged by Debian/UOS/Kylin (fonts-noto-cjk), Fedora and Arch. */
export const DEFAULT_PRIMARY_FONTS = [
  '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc#NotoSansCJKsc-Regular',
  '/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc#NotoSansCJKsc-Regular',
  '/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc#NotoSansCJKsc-Regular',
  '/usr/share/fonts/opentype/noto/NotoSansCJKsc-Regular.otf',
];

/** Hanazono Mincho (OFL; Debian fonts-hanazono): A has Extension A, B has Extensions B to F. */
export const DEFAULT_FALLBACK_FONTS = ['/usr/share/fonts/truetype/hanazono/HanaMinA.ttf', '/usr/share/fonts/truetype/hanazono/HanaMinB.ttf'];

export interface FontFileOptions {
  primary?: string;
  fallbacks?: string[];
}

export async function findFontSources(options: FontFileOptions = {}, env: Record<string, string | undefined> = process.env): Promise<FontSources> {
  const configured = options.primary ?? nonEmpty(env[PRIMARY_FONT_ENV]);
  const candidates = configured ? [configured] : DEFAULT_PRIMARY_FONTS;
  let primary: FontSource | undefined;
  for (const spec of candidates) {
    const source = fileSource(spec);
    if (await exists(source.label)) {
      primary = source;
      break;
    }
  }
  if (!primary) {
    const tried = candidates.map((spec) => fileSource(spec).label);
    const how = configured ? `check ${PRIMARY_FONT_ENV} or the font setting` : `install fonts-noto-cjk or set ${PRIMARY_FONT_ENV}`;
    throw new DocumentError('document-font-missing', `No document font found (looked for ${tried.join(', ')}); ${how}`, { fonts: tried });
  }

  const fallbackEnv = env[FALLBACK_FONTS_ENV];
  const fallbackSpecs =
    options.fallbacks ?? (fallbackEnv === undefined ? DEFAULT_FALLBACK_FONTS : fallbackEnv.split(delimiter).filter((spec) => spec.trim() !== ''));
  return { primary, fallbacks: fallbackSpecs.map(fileSource) };
}

export function fileSource(spec: string): FontSource {
  const hash = spec.lastIndexOf('#');
  const path = hash > 0 ? spec.slice(0, hash) : spec;
  const postscriptName = hash > 0 ? spec.slice(hash + 1) : undefined;
  const source: FontSource = {
    label: path,
    async load() {
      try {
        return await readFile(path);
      } catch (error) {
        throw new DocumentError('document-font-missing', `Cannot read font ${path}: ${(error as Error).message}`, { fonts: [path] });
      }
    },
  };
  if (postscriptName) source.postscriptName = postscriptName;
  return source;
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

function nonEmpty(value: string | undefined): string | undefined {
  return value && value.trim() !== '' ? value.trim() : undefined;
}
