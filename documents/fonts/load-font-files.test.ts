import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DocumentError } from '../errors';
import { DEFAULT_PRIMARY_FONTS, fileSource, findFontSources, PRIMARY_FONT_ENV } from './load-font-files';
import { parseFont } from './parse-font';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'wt-fonts-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('finding the document fonts', () => {
  it('finds Noto Sans CJK SC by the default search and picks the SC face of the collection', async () => {
    const sources = await findFontSources({}, {});
    const font = parseFont(await sources.primary.load(), sources.primary.label, sources.primary.postscriptName);
    expect(font.postscriptName).toBe('NotoSansCJKsc-Regular');
    expect(sources.fallbacks.length).toBeGreaterThan(0);
  });

  it('names every path it looked at when no font is found', async () => {
    const missing = join(dir, 'none.ttc');
    const error = (await findFontSources({}, { [PRIMARY_FONT_ENV]: missing }).catch((caught: unknown) => caught)) as DocumentError;
    expect(error).toBeInstanceOf(DocumentError);
    expect(error.code).toBe('document-font-missing');
    expect(error.details.fonts).toEqual([missing]);
    expect(error.message).toContain(PRIMARY_FONT_ENV);
  });

  it('prefers an explicit option over the environment, and never falls back from it silently', async () => {
    const missing = join(dir, 'explicit.otf');
    const error = (await findFontSources({ primary: missing }, { [PRIMARY_FONT_ENV]: DEFAULT_PRIMARY_FONTS[0] }).catch((caught: unknown) => caught)) as DocumentError;
    expect(error.details.fonts).toEqual([missing]);
  });

  it('reads the fallback list from the environment; empty means none', async () => {
    expect((await findFontSources({}, { WT_DOCUMENT_FALLBACK_FONTS: '' })).fallbacks).toEqual([]);
  });

  it('takes a face name after #', () => {
    const source = fileSource('/fonts/a.ttc#NotoSansCJKtc-Regular');
    expect(source.label).toBe('/fonts/a.ttc');
    expect(source.postscriptName).toBe('NotoSansCJKtc-Regular');
  });

  it('names the faces when the requested one is not in the collection', async () => {
    const sources = await findFontSources({}, {});
    const bytes = await sources.primary.load();
    const error = (() => {
      try {
        parseFont(bytes, 'noto.ttc', 'NoSuchFace');
      } catch (caught) {
        return caught as DocumentError;
      }
      return undefined;
    })();
    expect(error?.code).toBe('document-font-invalid');
    expect(error?.message).toContain('NotoSansCJKsc-Regular');
  });

  it('rejects a file that is not a font', async () => {
    const path = join(dir, 'fake.ttf');
    await writeFile(path, 'not a font');
    const bytes = await fileSource(path).load();
    expect(() => parseFont(bytes, path)).toThrow(DocumentError);
  });
});
