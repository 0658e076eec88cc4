/**
 * Renders "what is being signed" for the pad's screen: a page of the PDF (or
 * a region of it, e.g. the pledge text above the signature box) rasterised by
 * poppler's `pdftoppm` in greyscale at the resolution that fits the screen,
 * then centred. A CLI adapter: poppler-utils on Linux; on Windows the renderer
 * can rasterise the page itself and pass a GrayImage instead.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import type { GrayImage } from './codec';
import { SignaturePadError } from './errors';
import { centreOnScreen, parsePgm } from './screen';

export interface PadScreenRequest {
  /** 1-based page number (default 1). */
  page?: number;
  screenWidth: number;
  screenHeight: number;
  /** Part of the page to show, in mm from its top-left corner (default: the whole page). */
  regionMm?: { x: number; y: number; width: number; height: number };
}

const MM_PER_INCH = 25.4;

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(command, args, { timeout: 20_000 }, (error, _stdout, stderr) => {
      if (error) reject(new SignaturePadError('signature-screen-render-failed', `${command}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'not installed (poppler-utils)' : stderr || error.message}`));
      else resolve();
    });
  });
}

export async function renderPdfForPad(pdf: Uint8Array, request: PadScreenRequest): Promise<GrayImage> {
  const pageNumber = request.page ?? 1;
  let size: { width: number; height: number };
  try {
    const document = await PDFDocument.load(pdf, { ignoreEncryption: true, updateMetadata: false });
    const page = document.getPages()[pageNumber - 1];
    if (!page) throw new Error(`the PDF has no page ${pageNumber}`);
    size = page.getSize();
  } catch (error) {
    throw new SignaturePadError('signature-screen-render-failed', `cannot read the PDF: ${error instanceof Error ? error.message : String(error)}`);
  }
  const pageMm = { width: (size.width / 72) * MM_PER_INCH, height: (size.height / 72) * MM_PER_INCH };
  const region = request.regionMm ?? { x: 0, y: 0, width: pageMm.width, height: pageMm.height };
  if (region.width <= 0 || region.height <= 0) throw new SignaturePadError('signature-screen-render-failed', 'empty region');
  // Pixels per inch that make the region fit the screen; floor keeps the result inside it.
  const dpi = Math.min(request.screenWidth / (region.width / MM_PER_INCH), request.screenHeight / (region.height / MM_PER_INCH));
  const px = (mm: number): number => Math.floor((mm / MM_PER_INCH) * dpi);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'pad-screen-'));
  try {
    const input = path.join(dir, 'in.pdf');
    await writeFile(input, pdf);
    const args = ['-gray', '-singlefile', '-f', String(pageNumber), '-l', String(pageNumber), '-r', dpi.toFixed(4)];
    args.push('-x', String(px(region.x)), '-y', String(px(region.y)), '-W', String(Math.min(request.screenWidth, px(region.width))), '-H', String(Math.min(request.screenHeight, px(region.height))));
    await run('pdftoppm', [...args, input, path.join(dir, 'out')]);
    const image = parsePgm(new Uint8Array(await readFile(path.join(dir, 'out.pgm'))));
    return centreOnScreen(image, request.screenWidth, request.screenHeight);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
