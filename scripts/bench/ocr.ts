/**
 * OCR cross-check benchmark: `npm run bench:ocr [-- --pages N --seed S]`.
 *
 * Generates N pages with known text (half photographed ID card copies, half
 * scanned residence certificates; fixtures/ocr/test-pages.ts), reads each
 * through the terminal's OCR engine (tesseract.js chi_sim + eng, offline, in
 * its worker thread; pages cleaned up with sharp) and the cross-check's
 * extraction, and prints the share of pages whose ID number is read exactly
 * (goal ≥ 95 %), the share whose name is found, and the median time per page.
 *
 * Baseline in the same run: the same worker on the raw page (no clean-up)
 * with a plain /\d{17}[\dX]/ search, the extraction one would write first.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createWorker, OEM } from 'tesseract.js';
import { crossCheck } from '../../domain/ocr-cross-check';
import { testPages } from '../../fixtures/ocr/test-pages';
import { OCR_LANGUAGES, OcrEngine, prepareModels } from '../../documents/ocr/ocr-engine';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : NaN;
  return Number.isFinite(v) ? v : fallback;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};
const pct = (n: number, of: number) => `${((100 * n) / of).toFixed(1)} % (${n}/${of})`;

async function main(): Promise<void> {
  const count = arg('pages', 40);
  const seed = arg('seed', 1);
  const dir = mkdtempSync(join(tmpdir(), 'wt-bench-ocr-'));
  try {
    const generated = performance.now();
    const pages = await testPages(count, seed);
    console.log(`${count} pages generated in ${((performance.now() - generated) / 1000).toFixed(1)} s (seed ${seed}): ${pages.filter((p) => p.kind === 'id-card-copy').length} ID card copies, ${pages.filter((p) => p.kind !== 'id-card-copy').length} residence certificates`);

    const modelDir = join(dir, 'models');
    const engine = new OcrEngine({ modelDir });
    await engine.recognize(pages[0]!.image); // start-up (worker, models) is not a page's time
    const ours = { id: 0, name: 0, ms: [] as number[], misses: [] as string[] };
    for (const page of pages) {
      const { text, ms } = await engine.recognize(page.image);
      const check = crossCheck(text, { name: page.person.name, idNumber: page.person.idNumber });
      ours.ms.push(ms);
      if (check.idNumbers.includes(page.person.idNumber)) ours.id++;
      else ours.misses.push(`${page.kind} ${page.person.idNumber}: read ${JSON.stringify(text.replace(/\s+/g, ' ').slice(0, 160))}`);
      if (!check.warnings.some((w) => w.field === 'name')) ours.name++;
    }
    await engine.close();

    await prepareModels(modelDir);
    const raw = await createWorker(OCR_LANGUAGES.join('+'), OEM.LSTM_ONLY, { langPath: modelDir, cacheMethod: 'none', gzip: true });
    await raw.recognize(pages[0]!.image);
    const baseline = { id: 0, ms: [] as number[] };
    for (const page of pages) {
      const started = performance.now();
      const { data } = await raw.recognize(page.image);
      baseline.ms.push(performance.now() - started);
      const plain: string[] = data.text.match(/\d{17}[\dX]/g) ?? [];
      if (plain.includes(page.person.idNumber)) baseline.id++;
    }
    await raw.terminate();

    console.log('');
    console.log(`ID number read exactly      ${pct(ours.id, count)}   (goal ≥ 95 %; baseline raw page + plain search: ${pct(baseline.id, count)})`);
    console.log(`name found                  ${pct(ours.name, count)}`);
    console.log(`median time per page        ${median(ours.ms).toFixed(0)} ms   (baseline ${median(baseline.ms).toFixed(0)} ms; ratio ${(median(ours.ms) / median(baseline.ms)).toFixed(2)})`);
    for (const miss of ours.misses) console.log(`  missed: ${miss}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
