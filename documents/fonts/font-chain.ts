import type { Font } from 'fontkit';
import type { FontSource, FontSources } from './font-source';
import { parseFont } from './parse-font';

/** A run of text drawn with one face. */
export interface FontRun {
  face: number;
  text: string;
}

/**
 * The primary font plus fallbacks, parsed once and shared by every document
 * (parsing a 19 MB collection each time would dominate generation time).
 * `cover` must be awaited for a document's text before the synchronous
 * measuring and drawing calls: it loads the fallbacks that text needs.
 */
export class FontChain {
  private readonly faces: (Font | null | undefined)[];
  private readonly unavailable = new Set<string>();
  private readonly faceOf = new Map<number, number>();

  private constructor(
    private readonly sources: FontSource[],
    primary: Font,
  ) {
    this.faces = [primary, ...sources.slice(1).map(() => undefined)];
  }

  static async open(sources: FontSources): Promise<FontChain> {
    const primary = parseFont(await sources.primary.load(), sources.primary.label, sources.primary.postscriptName);
    return new FontChain([sources.primary, ...sources.fallbacks], primary);
  }

  get primary(): Font {
    return this.faces[0] as Font;
  }

  /** The parsed face at `index`; only valid for indices returned by this chain. */
  face(index: number): Font {
    const face = this.faces[index];
    if (!face) throw new Error(`font face ${index} is not loaded`);
    return face;
  }

  /** Labels of fallback fonts that could not be loaded, for error messages. */
  get unavailableFonts(): string[] {
    return [...this.unavailable];
  }

  /**
   * Makes every character of `texts` drawable, loading fallbacks as needed.
   * Returns the characters no font has, each once, in order of appearance.
   */
  async cover(texts: Iterable<string>): Promise<string[]> {
    const missing: string[] = [];
    const seen = new Set<number>();
    for (const text of texts) {
      for (const char of text) {
        const codePoint = char.codePointAt(0) as number;
        if (seen.has(codePoint) || isLineBreak(codePoint)) continue;
        seen.add(codePoint);
        if ((await this.findFace(codePoint)) < 0) missing.push(char);
      }
    }
    return missing;
  }

  /** Splits text into runs per face. Characters without a face go to face -1. */
  runs(text: string): FontRun[] {
    const runs: FontRun[] = [];
    for (const char of text) {
      const face = this.faceOf.get(char.codePointAt(0) as number) ?? -1;
      const last = runs[runs.length - 1];
      if (last && last.face === face) last.text += char;
      else runs.push({ face, text: char });
    }
    return runs;
  }

  /** Advance width of one character in ems (0 for characters not covered). */
  advance(char: string): number {
    const codePoint = char.codePointAt(0) as number;
    const index = this.faceOf.get(codePoint);
    if (index === undefined || index < 0) return 0;
    const face = this.face(index);
    return face.glyphForCodePoint(codePoint).advanceWidth / face.unitsPerEm;
  }

  private async findFace(codePoint: number): Promise<number> {
    const known = this.faceOf.get(codePoint);
    if (known !== undefined) return known;
    let found = -1;
    for (let index = 0; index < this.sources.length; index++) {
      const face = await this.loadFace(index);
      if (face?.hasGlyphForCodePoint(codePoint)) {
        found = index;
        break;
      }
    }
    this.faceOf.set(codePoint, found);
    return found;
  }

  private async loadFace(index: number): Promise<Font | null> {
    const cached = this.faces[index];
    if (cached !== undefined) return cached;
    const source = this.sources[index] as FontSource;
    try {
      this.faces[index] = parseFont(await source.load(), source.label, source.postscriptName);
    } catch {
      // A missing fallback only matters for the characters that needed it; the
      // error naming those characters also names this font.
      this.faces[index] = null;
      this.unavailable.add(source.label);
    }
    return this.faces[index] ?? null;
  }
}

function isLineBreak(codePoint: number): boolean {
  return codePoint === 0x0a || codePoint === 0x0d;
}
