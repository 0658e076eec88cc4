import { describe, expect, it } from 'vitest';
import { createDocumentEngine } from './engine';
import { DocumentError } from './errors';
import { findFontSources } from './fonts/load-font-files';
import { testEngine } from './test-support/engine';
import { inkShare, pdfFontNames, pdfText, pdfWords } from './test-support/poppler';
import * as samples from './test-support/samples';

/**
 * Real name characters outside the common set: 䶮 (U+4DAE, Extension A, as in
 * 刘䶮) and 㛃 (U+36C3, Extension A) are in Noto Sans CJK; 𠀀 (U+20000) and
 * 𪚥 (U+2A6A5) are Extension B and need the fallback font; 𰀀 (U+30000,
 * Extension G) is in no font the terminal ships.
 */
const EXT_A = '刘䶮㛃';
const EXT_B = '王𠀀𪚥';

function withNames(first: string, second: string) {
  return { ...samples.certificate, holder: 0, parties: [{ ...samples.parties[0], name: first }, { ...samples.parties[1], name: second }] };
}

describe('rare characters', () => {
  it('draws Extension A from the primary font and Extension B from the fallback, all extractable', async () => {
    const engine = await testEngine();
    const result = await engine.render('marriage-certificate', withNames(EXT_A, EXT_B));
    const text = await pdfText(result.pdf);
    expect(text).toContain(EXT_A);
    expect(text).toContain(EXT_B);
    const fonts = await pdfFontNames(result.pdf);
    expect(fonts.some((name) => name.endsWith('+NotoSansCJKsc-Regular'))).toBe(true);
    expect(fonts.some((name) => /\+HanaMin[AB]$/.test(name))).toBe(true);
  });

  it('draws visible glyphs for the fallback characters, not blank boxes', async () => {
    const engine = await testEngine();
    // Alone in its field so the word's box covers only fallback glyphs.
    const result = await engine.render('marriage-certificate', withNames('张伟', '𠀀𪚥'));
    const word = (await pdfWords(result.pdf)).find((candidate) => candidate.text === '𠀀𪚥');
    expect(word).toBeDefined();
    const ink = await inkShare(result.pdf, word!.page, { x: word!.xMin, y: word!.yMin, width: word!.xMax - word!.xMin, height: word!.yMax - word!.yMin });
    // 𪚥 alone has 64 strokes; an empty glyph would give 0.
    expect(ink).toBeGreaterThan(0.08);
  });

  it('names the characters no font has, with code points and fields, and draws nothing', async () => {
    const engine = await testEngine();
    const error = (await engine.render('marriage-certificate', withNames('张𰀀', '李𰀁娜')).catch((caught: unknown) => caught)) as DocumentError;
    expect(error).toBeInstanceOf(DocumentError);
    expect(error.code).toBe('document-characters-unsupported');
    expect(error.details.characters).toEqual(['𰀀', '𰀁']);
    expect(error.params.codePoints).toBe('U+30000 U+30001');
    expect(error.details.fields).toEqual(expect.arrayContaining(['parties[0].name', 'parties[1].name', 'holder']));
  });

  it('without a fallback font, fails naming the Extension B characters but still prints Extension A', async () => {
    const fonts = await findFontSources({ fallbacks: [] }, {});
    const engine = await createDocumentEngine({ fonts });
    const error = (await engine.render('marriage-certificate', withNames(EXT_A, EXT_B)).catch((caught: unknown) => caught)) as DocumentError;
    expect(error.code).toBe('document-characters-unsupported');
    expect(error.details.characters).toEqual(['𠀀', '𪚥']);
    const result = await engine.render('marriage-certificate', withNames(EXT_A, '李娜'));
    expect(await pdfText(result.pdf)).toContain(EXT_A);
  });

  it('names a configured fallback font that is missing', async () => {
    const fonts = await findFontSources({ fallbacks: ['/nonexistent/fonts/HanaMinB.ttf'] }, {});
    const engine = await createDocumentEngine({ fonts });
    const error = (await engine.render('marriage-certificate', withNames('张伟', EXT_B)).catch((caught: unknown) => caught)) as DocumentError;
    expect(error.code).toBe('document-characters-unsupported');
    expect(error.details.fonts).toEqual(['/nonexistent/fonts/HanaMinB.ttf']);
    expect(error.message).toContain('/nonexistent/fonts/HanaMinB.ttf');
  });
});
