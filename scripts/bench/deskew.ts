/**
 * Page clean-up benchmark: median time to clean one A4 page scanned grey at
 * 300 dpi (find the skew, turn it straight, cut to the paper, tell blank,
 * encode), against a plain sharp decode + encode of the same page in the
 * same run; and the median size of a page in each colour mode against its
 * budget (domain/material-scan.ts).
 *   npm run bench:deskew [-- --runs 5]
 * Goal (issue 15): at most 150 ms per page, median.
 */
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import sharp from 'sharp';
import { cleanPage } from '../../documents/materials/clean-page';
import { scannedPage } from '../../documents/materials/testing/pages';
import { PAGE_BUDGET_BYTES, type MaterialScanProfile } from '../../domain/material-scan';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' } } });
const RUNS = Number(values.runs);
const ANGLES = [-4.5, -2, -0.7, 0, 0.6, 1.8, 3.2, 5];

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

async function time(work: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

// One sharp job at a time, as the services clean a batch page by page.
sharp.concurrency(1);
console.log(`generating ${ANGLES.length} A4 pages at 300 dpi (grey JPEG, half of them on a dark feeder backing) …`);
const pages = await Promise.all(ANGLES.map(async (angleDeg, index) => (await scannedPage({ dpi: 300, angleDeg, seed: index + 1, ...(index % 2 ? { backing: 40 } : {}) })).jpeg));
const grey300: MaterialScanProfile = { resolutionDpi: 300, colour: 'grey' };

// Warm both paths once.
await sharp(pages[0]!).greyscale().jpeg({ quality: 70 }).toBuffer();
await cleanPage({ image: pages[0]!, resolutionDpi: 300, profile: grey300 });

const baseline: number[] = [];
const cleaning: number[] = [];
for (let run = 0; run < RUNS; run++) {
  for (const page of pages) {
    baseline.push(await time(() => sharp(page).greyscale().jpeg({ quality: 70 }).toBuffer()));
    cleaning.push(await time(() => cleanPage({ image: page, resolutionDpi: 300, profile: grey300 })));
  }
}
const clean = median(cleaning);
const base = median(baseline);
console.log(`\nA4 page, 300 dpi grey, ${cleaning.length} cleanings (load average ${loadavg()[0]!.toFixed(2)})`);
console.log(`  clean-up (deskew + crop + blank check + encode): median ${clean.toFixed(1)} ms (min ${Math.min(...cleaning).toFixed(1)}, max ${Math.max(...cleaning).toFixed(1)}); goal ≤ 150 ms: ${clean <= 150 ? 'met' : 'NOT met'}`);
console.log(`  baseline (sharp decode + encode, same pages):    median ${base.toFixed(1)} ms`);
console.log(`  ratio: ${(clean / base).toFixed(2)}× the baseline`);

console.log('\nmedian size of one A4 page in its material PDF, by colour mode (budget per page)');
const photo = (await scannedPage({ dpi: 300, colour: true, seed: 99 })).jpeg;
for (const profile of [
  { resolutionDpi: 300, colour: 'bilevel' },
  { resolutionDpi: 200, colour: 'grey' },
  { resolutionDpi: 300, colour: 'grey' },
  { resolutionDpi: 300, colour: 'colour' },
] as MaterialScanProfile[]) {
  const sizes: number[] = [];
  for (const page of profile.colour === 'colour' ? [photo] : pages) sizes.push((await cleanPage({ image: page, resolutionDpi: 300, profile })).data.length);
  const size = median(sizes);
  const budget = PAGE_BUDGET_BYTES[profile.colour];
  console.log(`  ${profile.colour.padEnd(7)} ${profile.resolutionDpi} dpi: ${(size / 1024).toFixed(0)} KB (max ${(Math.max(...sizes) / 1024).toFixed(0)} KB); budget ${(budget / 1024).toFixed(0)} KB: ${Math.max(...sizes) <= budget ? 'within' : 'OVER'}`);
}
