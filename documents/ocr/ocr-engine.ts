/**
 * Offline OCR of captured materials with tesseract.js (simplified Chinese and
 * English LSTM models from the @tesseract.js-data packages, shipped with the
 * app). Recognition runs in tesseract.js's worker thread, and the image
 * clean-up in sharp's thread pool, so the services' main thread keeps
 * answering while a page is read. Nothing is fetched: the models are read
 * from a local directory and tesseract.js's own cache is off.
 */
import { copyFile, mkdir, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { TerminalError } from '../../contract/errors';
import { silentLogger, type Logger } from '../../domain/logger';
import { findIdNumbers } from '../../domain/ocr-cross-check';

export const OCR_LANGUAGES = ['chi_sim', 'eng'] as const;
/** The integer-quantised LSTM models: small (4.6 MB for both) and what tesseract.js reads best with. */
const MODEL_FOLDER = '4.0.0_best_int';
/** Longest side a page is read at: enough for ID digits on an A4 scan at 200 dpi, and bounded time per page. */
const MAX_SIDE = 2200;

interface Bbox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}
interface TesseractWorker {
  recognize(image: Buffer, options?: object, output?: object): Promise<{ data: { text: string; blocks?: Array<{ paragraphs: Array<{ lines: Array<{ text: string; bbox: Bbox }> }> }> | null } }>;
  setParameters(params: Record<string, string>): Promise<unknown>;
  terminate(): Promise<unknown>;
}

interface Workers {
  /** Chinese and English: the whole page. */
  text: TesseractWorker;
  /** English restricted to digits and X: a second look at the number lines when the first read found no valid ID number. */
  digits: TesseractWorker;
}

/**
 * tesseract.js reads every language from one folder, but each language ships
 * in its own package: the models are copied once into a folder of ours.
 */
export async function prepareModels(modelDir: string): Promise<void> {
  const require = createRequire(import.meta.url);
  await mkdir(modelDir, { recursive: true, mode: 0o700 });
  for (const lang of OCR_LANGUAGES) {
    const source = join(dirname(require.resolve(`@tesseract.js-data/${lang}/package.json`)), MODEL_FOLDER, `${lang}.traineddata.gz`);
    const target = join(modelDir, `${lang}.traineddata.gz`);
    const [from, to] = await Promise.all([stat(source), stat(target).catch(() => undefined)]);
    if (to?.size !== from.size) await copyFile(source, target);
  }
}

export interface OcrResult {
  text: string;
  /** Wall time of this page, clean-up and recognition. */
  ms: number;
}

export class OcrEngine {
  readonly #modelDir: string;
  readonly #logger: Logger;
  #workers: Promise<Workers> | undefined;
  /** One page at a time: the worker is single-threaded, and queued pages keep their order. */
  #queue: Promise<unknown> = Promise.resolve();

  constructor(options: { modelDir: string; logger?: Logger }) {
    this.#modelDir = options.modelDir;
    this.#logger = options.logger ?? silentLogger;
  }

  #closed = false;

  recognize(image: Uint8Array): Promise<OcrResult> {
    if (this.#closed) return Promise.reject(new TerminalError('ocr-failed', 'the OCR engine is closed'));
    const run = this.#queue.then(() => this.#recognize(image));
    this.#queue = run.catch(() => undefined);
    return run;
  }

  /**
   * After the page being read: tesseract.js throws from its message handler (an uncaught error that would take
   * the services process down) when its worker is terminated under a running job.
   */
  async close(): Promise<void> {
    this.#closed = true;
    await this.#queue;
    await this.#terminate();
  }

  async #terminate(): Promise<void> {
    const workers = await this.#workers?.catch(() => undefined);
    this.#workers = undefined;
    await Promise.all([workers?.text.terminate(), workers?.digits.terminate()]);
  }

  async #recognize(image: Uint8Array): Promise<OcrResult> {
    const started = performance.now();
    let page: Buffer;
    try {
      const { default: sharp } = await import('sharp');
      // Upright by EXIF (phone photos), grey, bounded size, lossless for the reader.
      page = await sharp(image).rotate().greyscale().resize({ width: MAX_SIDE, height: MAX_SIDE, fit: 'inside', withoutEnlargement: true }).png({ compressionLevel: 1 }).toBuffer();
    } catch (err) {
      throw new TerminalError('ocr-image-unreadable', `not an image sharp can read: ${err instanceof Error ? err.message : String(err)}`);
    }
    const workers = await this.#ensureWorkers();
    try {
      const { data } = await workers.text.recognize(page, {}, { text: true, blocks: true });
      const texts = [data.text];
      if (findIdNumbers(data.text).length === 0) texts.push(...(await this.#digitsAgain(workers.digits, page, data.blocks ?? [])));
      return { text: texts.join('\n'), ms: performance.now() - started };
    } catch (err) {
      // Workers that failed once are not trusted with the next page.
      this.#logger.warn('ocr: recognition failed', { error: err instanceof Error ? err.message : String(err) });
      await this.#terminate();
      throw new TerminalError('ocr-failed', `recognition failed: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  /**
   * The first read found no valid ID number: read again, digits only, the
   * lines that look like a number or its label (cropped from the line to the
   * right edge, enlarged twice), then the whole page. Only failing pages pay.
   */
  async #digitsAgain(digits: TesseractWorker, page: Buffer, blocks: NonNullable<Awaited<ReturnType<TesseractWorker['recognize']>>['data']['blocks']>): Promise<string[]> {
    const { default: sharp } = await import('sharp');
    const { width = 0, height = 0 } = await sharp(page).metadata();
    const lines = blocks.flatMap((block) => block.paragraphs.flatMap((paragraph) => paragraph.lines));
    const candidates = lines.filter((line) => (line.text.match(/\d/g)?.length ?? 0) >= 6 || /身份|号码/.test(line.text.replace(/\s/g, ''))).slice(-3);
    const texts: string[] = [];
    for (const line of candidates) {
      const pad = Math.round((line.bbox.y1 - line.bbox.y0) * 0.4);
      const left = Math.max(0, line.bbox.x0 - pad);
      const top = Math.max(0, line.bbox.y0 - pad);
      const cropHeight = Math.min(height - top, line.bbox.y1 - line.bbox.y0 + 2 * pad);
      if (width - left < 8 || cropHeight < 8) continue;
      const crop = await sharp(page).extract({ left, top, width: width - left, height: cropHeight }).resize({ height: cropHeight * 2 }).png().toBuffer();
      const { data } = await digits.recognize(crop);
      texts.push(data.text);
      if (findIdNumbers(data.text).length > 0) return texts;
    }
    await digits.setParameters({ tessedit_pageseg_mode: '3' });
    try {
      texts.push((await digits.recognize(page)).data.text);
    } finally {
      await digits.setParameters({ tessedit_pageseg_mode: '7' });
    }
    return texts;
  }

  #ensureWorkers(): Promise<Workers> {
    this.#workers ??= (async () => {
      await prepareModels(this.#modelDir);
      const { createWorker, OEM } = await import('tesseract.js');
      const options = {
        langPath: this.#modelDir,
        cacheMethod: 'none',
        gzip: true,
        errorHandler: (err: unknown) => this.#logger.warn('ocr: worker error', { error: String(err) }),
      };
      const [text, digits] = (await Promise.all([createWorker(OCR_LANGUAGES.join('+'), OEM.LSTM_ONLY, options), createWorker('eng', OEM.LSTM_ONLY, options)])) as unknown as [TesseractWorker, TesseractWorker];
      // Single line (PSM 7), digits and X only.
      await digits.setParameters({ tessedit_char_whitelist: '0123456789X', tessedit_pageseg_mode: '7' });
      this.#logger.info('ocr: workers ready', { languages: OCR_LANGUAGES.join('+') });
      return { text, digits };
    })();
    this.#workers.catch((err: unknown) => {
      this.#logger.error('ocr: workers did not start', { error: String(err) });
      this.#workers = undefined;
    });
    return this.#workers.catch((err: unknown) => {
      throw new TerminalError('ocr-failed', `OCR engine did not start: ${err instanceof Error ? err.message : String(err)}`);
    });
  }
}
