/**
 * Document generation benchmark: warm time per certificate and per application
 * form (medians), against Chromium printing an equivalent HTML page to PDF in
 * the same run, and the file sizes.
 *   npm run bench:documents [-- --runs 30 --chromium-runs 10]
 * Goals (issue 5): at least 10x faster than Chromium; at most 150 KB per file.
 */
import { readFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium, type Page } from 'playwright-core';
import type { DocumentEngine } from '../../documents/index';
import { openDocumentEngine } from '../../documents/node';
import { applicationHtml, certificateHtml, type ApplicationInput } from './documents-html';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '30' }, 'chromium-runs': { type: 'string', default: '10' } } });
const RUNS = Number(values.runs);
const CHROMIUM_RUNS = Number(values['chromium-runs']);
const fixtures = fileURLToPath(new URL('../../fixtures/documents/', import.meta.url));

const SURNAMES = ['张', '王', '李', '赵', '陈', '刘', '杨', '黄', '周', '吴'];
const GIVEN = ['伟', '芳', '娜', '敏', '静', '磊', '洋', '勇', '艳', '杰', '涛', '明', '霞', '平', '刚'];

function certificateData(index: number) {
  const name = (offset: number) => `${SURNAMES[(index + offset) % SURNAMES.length]}${GIVEN[(index * 7 + offset) % GIVEN.length]}${GIVEN[(index * 3 + offset) % GIVEN.length]}`;
  return {
    number: `J310104-2026-${String(100 + index).padStart(6, '0')}`,
    registeredOn: '2026-05-20',
    registrar: '王芳',
    holder: 0,
    parties: [
      { name: name(0), sex: '男', nationality: '中国', birthDate: '1994-03-15', idNumber: '310104199403152316' },
      { name: name(5), sex: '女', nationality: '中国', birthDate: '1996-11-02', idNumber: '31010519961102002X' },
    ],
  };
}

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

async function timeEngine(engine: DocumentEngine, kind: string, data: (index: number) => unknown): Promise<{ median: number; bytes: number }> {
  for (let index = 0; index < 5; index++) await engine.render(kind, data(index));
  const times: number[] = [];
  let bytes = 0;
  for (let index = 0; index < RUNS; index++) {
    const input = data(index + 5);
    const start = performance.now();
    const result = await engine.render(kind, input);
    times.push(performance.now() - start);
    bytes = Math.max(bytes, result.pdf.length);
  }
  return { median: median(times), bytes };
}

async function timeChromium(page: Page, html: (index: number) => string, size: { width: string; height: string }): Promise<{ median: number; bytes: number }> {
  for (let index = 0; index < 2; index++) {
    await page.setContent(html(index));
    await page.pdf(size);
  }
  const times: number[] = [];
  let bytes = 0;
  for (let index = 0; index < CHROMIUM_RUNS; index++) {
    const content = html(index + 2);
    const start = performance.now();
    await page.setContent(content);
    const pdf = await page.pdf(size);
    times.push(performance.now() - start);
    bytes = Math.max(bytes, pdf.length);
  }
  return { median: median(times), bytes };
}

async function main(): Promise<void> {
  const coldStart = performance.now();
  const engine = await openDocumentEngine();
  const application = JSON.parse(await readFile(join(fixtures, 'application-form.json'), 'utf8')) as ApplicationInput;
  const applicationData = (index: number): ApplicationInput => ({ ...application, values: { ...application.values, childName: `陈小${GIVEN[index % GIVEN.length]}` } });
  await engine.render('marriage-certificate', certificateData(0));
  const cold = performance.now() - coldStart;

  const certificate = await timeEngine(engine, 'marriage-certificate', certificateData);
  const rare = await timeEngine(engine, 'marriage-certificate', (index) => {
    const data = certificateData(index);
    return { ...data, parties: [data.parties[0], { ...data.parties[1], name: '李䶮𪚥' }] };
  });
  const form = await timeEngine(engine, 'application-form', applicationData);

  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  let chromeCertificate;
  let chromeForm;
  try {
    const page = await browser.newPage();
    chromeCertificate = await timeChromium(page, (index) => certificateHtml(certificateData(index)), { width: '190mm', height: '130mm' });
    chromeForm = await timeChromium(page, (index) => applicationHtml(applicationData(index)), { width: '210mm', height: '297mm' });
  } finally {
    await browser.close();
  }

  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  const ms = (value: number) => `${value.toFixed(1)} ms`;
  console.log(`document generation, warm medians (${RUNS} engine runs, ${CHROMIUM_RUNS} Chromium runs; load average ${loadavg()[0]?.toFixed(2)})`);
  console.log(`engine cold start (fonts + first certificate): ${ms(cold)}`);
  const rows = [
    ['marriage certificate (1 booklet)', certificate, chromeCertificate],
    ['application form (A4, 4 signatures)', form, chromeForm],
  ] as const;
  for (const [name, ours, theirs] of rows) {
    const ratio = theirs.median / ours.median;
    console.log(`${name}: engine ${ms(ours.median)}, ${kb(ours.bytes)} | Chromium ${ms(theirs.median)}, ${kb(theirs.bytes)} | ${ratio.toFixed(1)}x faster ${ratio >= 10 ? '(goal met)' : '(GOAL MISSED: 10x)'}; size ${ours.bytes <= 150 * 1024 ? 'within' : 'OVER'} 150 KB`);
  }
  console.log(`certificate with Extension B name (fallback font): engine ${ms(rare.median)}, ${kb(rare.bytes)}`);
}

await main();
