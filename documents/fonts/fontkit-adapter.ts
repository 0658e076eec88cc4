import type { Font, Glyph, Subset } from 'fontkit';
import type { PDFDocument, PDFFont } from 'pdf-lib';

type Fontkit = Parameters<PDFDocument['registerFontkit']>[0];

/**
 * Lets pdf-lib embed a font parsed by upstream fontkit 2 instead of its own
 * @pdf-lib/fontkit fork, whose CFF subsets render as blank glyphs in poppler
 * and which cannot pick a face out of a TTC collection (FIELD-NOTES). pdf-lib
 * only needs three differences papered over:
 *  - fontkit 2 subsets have `encode()`, pdf-lib calls `encodeStream()`;
 *  - pdf-lib lays text out with full OpenType shaping, which costs tens of
 *    milliseconds per string on a CJK font and buys nothing for form text, so
 *    a plain character-to-glyph mapping is used;
 *  - fontkit caches one Glyph per id with the code points of whichever string
 *    asked first, and pdf-lib writes the ToUnicode map from those; giving each
 *    use its own code point keeps `pdftotext` output exact.
 * It also speeds up fontkit's CFF subsetter (see `fastSubrs`).
 */
export async function embedSubsetFont(doc: PDFDocument, font: Font, customName: string): Promise<PDFFont> {
  const view = pdfLibView(font);
  doc.registerFontkit({ create: () => view } as unknown as Fontkit);
  // The bytes are never read: a subset embedder serialises its subset instead.
  return doc.embedFont(new Uint8Array(0), { subset: true, customName });
}

interface GlyphUse {
  id: number;
  advanceWidth: number;
  codePoints: number[];
}

function pdfLibView(font: Font): object {
  const layout = (text: string): { glyphs: GlyphUse[] } => {
    const glyphs: GlyphUse[] = [];
    for (const char of text) {
      const codePoint = char.codePointAt(0) as number;
      const glyph: Glyph = font.glyphForCodePoint(codePoint);
      glyphs.push({ id: glyph.id, advanceWidth: glyph.advanceWidth, codePoints: [codePoint] });
    }
    return { glyphs };
  };
  const createSubset = (): Subset & { encodeStream(): StreamLike } => {
    const subset = font.createSubset() as Subset & { encodeStream(): StreamLike };
    fastSubrs(subset);
    subset.encodeStream = () => streamOf(() => subset.encode());
    return subset;
  };
  return new Proxy(font, {
    get(target, key) {
      if (key === 'layout') return layout;
      if (key === 'createSubset') return createSubset;
      const value: unknown = Reflect.get(target, key, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

interface StreamLike {
  on(event: 'data' | 'end' | 'error', listener: (value?: unknown) => void): StreamLike;
}

/** The smallest event-emitter shape pdf-lib's serializeFont listens to. */
function streamOf(produce: () => Uint8Array): StreamLike {
  const listeners: Record<string, ((value?: unknown) => void)[]> = { data: [], end: [], error: [] };
  queueMicrotask(() => {
    try {
      const bytes = produce();
      for (const listener of listeners.data ?? []) listener(bytes);
      for (const listener of listeners.end ?? []) listener();
    } catch (error) {
      for (const listener of listeners.error ?? []) listener(error);
    }
  });
  const stream: StreamLike = {
    on(event, listener) {
      listeners[event]?.push(listener);
      return stream;
    },
  };
  return stream;
}

interface SubrEntry {
  offset: number;
  length: number;
}

interface CffSubsetInternals {
  cff?: { stream: { pos: number; readBuffer(length: number): Uint8Array } };
  subsetSubrs?: (subrs: ArrayLike<SubrEntry>, used: Record<number, boolean>) => Uint8Array[];
}

const RETURN_ONLY = new Uint8Array([11]);
const subrBytes = new WeakMap<object, Uint8Array[]>();

/**
 * fontkit re-reads every subroutine of the font (thousands in Noto CJK) from
 * the font stream for each subset, which took most of a document's generation
 * time. The subroutine bytes never change, so they are read once per font and
 * shared; unused ones are still replaced by a bare `return` exactly as fontkit
 * does, keeping subroutine numbers (and so the charstrings) valid.
 */
function fastSubrs(subset: Subset): void {
  const internals = subset as unknown as CffSubsetInternals;
  const cff = internals.cff;
  if (!cff || typeof internals.subsetSubrs !== 'function') return;
  internals.subsetSubrs = (subrs, used) => {
    let all = subrBytes.get(subrs);
    if (!all) {
      all = [];
      for (let index = 0; index < subrs.length; index++) {
        const subr = subrs[index] as SubrEntry;
        cff.stream.pos = subr.offset;
        all.push(cff.stream.readBuffer(subr.length));
      }
      subrBytes.set(subrs, all);
    }
    return all.map((bytes, index) => (used[index] ? bytes : RETURN_ONLY));
  };
}
