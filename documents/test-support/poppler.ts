/**
 * Test helpers that read our PDFs back with poppler, the real peer: what
 * `pdftotext` extracts is what an archive search or a screen reader will see.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface Word {
  text: string;
  page: number;
  /** Points from the page's top-left, as pdftotext reports them. */
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

async function withFile<T>(pdf: Uint8Array, work: (path: string, dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'wt-documents-'));
  try {
    const path = join(dir, 'doc.pdf');
    await writeFile(path, pdf);
    return await work(path, dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export function pdfText(pdf: Uint8Array): Promise<string> {
  return withFile(pdf, async (path) => (await run('pdftotext', ['-enc', 'UTF-8', path, '-'])).stdout);
}

/** Every word with its box, via `pdftotext -bbox`. */
export function pdfWords(pdf: Uint8Array): Promise<Word[]> {
  return withFile(pdf, async (path) => {
    const { stdout } = await run('pdftotext', ['-bbox', '-enc', 'UTF-8', path, '-'], { maxBuffer: 32 * 1024 * 1024 });
    const words: Word[] = [];
    let page = 0;
    for (const line of stdout.split('\n')) {
      if (line.includes('<page ')) page++;
      const match = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*)<\/word>/.exec(line);
      if (match) {
        words.push({
          page,
          xMin: Number(match[1]),
          yMin: Number(match[2]),
          xMax: Number(match[3]),
          yMax: Number(match[4]),
          text: decodeEntities(match[5] as string),
        });
      }
    }
    return words;
  });
}

/** `pdffonts` rows: the embedded font names. */
export function pdfFontNames(pdf: Uint8Array): Promise<string[]> {
  return withFile(pdf, async (path) => {
    const { stdout } = await run('pdffonts', [path]);
    return stdout
      .split('\n')
      .slice(2)
      .filter((line) => line.trim() !== '')
      .map((line) => line.split(/\s+/)[0] as string);
  });
}

/**
 * Share of dark pixels in a region (points from the top-left) of one page,
 * rendered by pdftoppm: proves glyphs are drawn, not just present as text.
 */
export function inkShare(pdf: Uint8Array, page: number, region: { x: number; y: number; width: number; height: number }): Promise<number> {
  const dpi = 144;
  const scale = dpi / 72;
  return withFile(pdf, async (path, dir) => {
    const args = ['-gray', '-r', String(dpi), '-f', String(page), '-l', String(page), '-singlefile'];
    args.push('-x', String(Math.floor(region.x * scale)), '-y', String(Math.floor(region.y * scale)));
    args.push('-W', String(Math.ceil(region.width * scale)), '-H', String(Math.ceil(region.height * scale)));
    await run('pdftoppm', [...args, path, join(dir, 'crop')]);
    const image = await readFile(join(dir, 'crop.pgm'));
    return darkShare(image);
  });
}

/** Parses a binary PGM (P5) and returns the share of pixels darker than mid-grey. */
function darkShare(image: Uint8Array): number {
  const header = new TextDecoder('latin1').decode(image.subarray(0, 64));
  const match = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(header);
  if (!match) throw new Error('pdftoppm did not produce a PGM');
  const pixels = image.subarray(match[0].length);
  let dark = 0;
  for (const value of pixels) if (value < 128) dark++;
  return pixels.length === 0 ? 0 : dark / pixels.length;
}

function decodeEntities(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}
