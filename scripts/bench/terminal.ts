/**
 * Terminal figures (issue 10), each against a baseline measured in the same run:
 *  - save a case (no materials) in the local store, WAL + synchronous=FULL, p50/p99,
 *    against one bare fsync'd SQLite commit of the same size (the disk's floor);
 *  - renderer first paint in Chromium over the web host, with pdf.js loaded when a
 *    preview is first shown (as built) against a copy of the same build whose app
 *    module imports the pdf.js chunk statically (as the former import did), each
 *    served by its own web host;
 *  - a card placed → its holder's name on screen: from the moment the driver has the
 *    card (its `readAt`, taken in the web host) to the DOM showing the name and to
 *    the next frame, over the socat reader simulator.
 *   npm run build && npm run bench:terminal -- [--saves 1000] [--paints 12] [--cards 20] [--only save|paint|card]
 */
import { chromium, type Browser } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { startReferenceBackend } from '../../fixtures/backend/server';
import { startIdCardReaderSimulator, type IdCardReaderSimulator } from '../../fixtures/id-card-reader/simulator';
import { sampleCards } from '../../fixtures/id-card-reader/sample-cards';
import { AuditLog } from '../../sync/audit/audit-log';
import { loadOrCreateIdentity } from '../../sync/client/identity';
import { FileKeyProvider } from '../../sync/crypto/key-provider';
import { Sm4Box } from '../../sync/crypto/sm';
import { openDatabase } from '../../sync/store/database';
import { SyncStore } from '../../sync/store/sync-store';
import { sampleDraft, tempDir } from '../../sync/testing/harness';
import { removeCardAndWait, startWebHostProcess } from '../lib/web-host-process';

const { values } = parseArgs({
  options: {
    saves: { type: 'string', default: '1000' },
    paints: { type: 'string', default: '12' },
    cards: { type: 'string', default: '20' },
    only: { type: 'string' },
  },
});
const wanted = (section: string) => values.only === undefined || values.only === section;

const quantile = (xs: number[], q: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
};
const median = (xs: number[]) => quantile(xs, 0.5);
const ms = (value: number) => `${value.toFixed(2)} ms`;
const out = (line: string) => process.stdout.write(line + '\n');

const dir = tempDir('bench-terminal-');

// ------------------------------------------------------------------ saving a case

async function benchSave(count: number): Promise<void> {
  const terminalDir = join(dir.path, 'store');
  const box = new Sm4Box(await new FileKeyProvider(join(terminalDir, 'keys', 'data.key')).loadDataKey());
  const db = openDatabase(join(terminalDir, 'terminal.sqlite'));
  const audit = new AuditLog(db, Date.now);
  const store = new SyncStore(db, box, audit, Date.now);
  loadOrCreateIdentity(store, audit);

  // Baseline: one row of the same size in one transaction, same journal and sync mode.
  const bare = new Database(join(dir.path, 'bare.sqlite'));
  bare.pragma('journal_mode = WAL');
  bare.pragma('synchronous = FULL');
  bare.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, body BLOB NOT NULL)');
  const insert = bare.prepare('INSERT INTO t (body) VALUES (?)');
  const body = Buffer.from(JSON.stringify(sampleDraft(0)));
  const bareCommit = bare.transaction(() => insert.run(body));

  const ours: number[] = [];
  const floor: number[] = [];
  for (let i = 0; i < count + 50; i += 1) {
    // Interleaved, so both see the same disk and page-cache weather; the first 50 are warm-up.
    let started = performance.now();
    store.createCase(sampleDraft(i));
    const a = performance.now() - started;
    started = performance.now();
    bareCommit();
    const b = performance.now() - started;
    if (i >= 50) {
      ours.push(a);
      floor.push(b);
    }
  }
  db.close();
  bare.close();
  out(`save a case (no materials), WAL + synchronous=FULL, ${count} saves, on ${execFileSync('stat', ['-f', '-c', '%T', dir.path], { encoding: 'utf8' }).trim()}:`);
  out(`  store.createCase (case + outbox + audit, SM4-sealed): p50 ${ms(median(ours))}, p99 ${ms(quantile(ours, 0.99))}   goal p99 ≤ 5 ms`);
  out(`  baseline, one bare ${body.length}-byte commit:          p50 ${ms(median(floor))}, p99 ${ms(quantile(floor, 0.99))}`);
  out(`  ratio (p50): ${(median(ours) / median(floor)).toFixed(2)}×`);
}

// ------------------------------------------------------------------ renderer

async function benchRenderer(): Promise<void> {
  const root = join(import.meta.dirname, '..', '..');
  const assets = join(root, 'out', 'renderer', 'assets');
  if (!existsSync(join(root, 'out', 'main', 'web-host.js')) || !existsSync(assets)) throw new Error('no build: run `npm run build` first');
  const pdfChunk = readdirSync(assets).find((name) => /^pdf-[\w-]+\.js$/.test(name));
  if (!pdfChunk) throw new Error('the build has no separate pdf.js chunk: pdf.js is loaded with the app');

  // The baseline renderer: the same build, its app module importing the pdf.js chunk
  // statically, which is what the former import in PdfPreview.vue amounted to.
  const eagerDir = join(dir.path, 'renderer-eager');
  cpSync(join(root, 'out', 'renderer'), eagerDir, { recursive: true });
  const appModule = readdirSync(join(eagerDir, 'assets')).find((name) => /^index-[\w-]+\.js$/.test(name))!;
  const appModulePath = join(eagerDir, 'assets', appModule);
  writeFileSync(appModulePath, `import "./${pdfChunk}";\n${readFileSync(appModulePath, 'utf8')}`);

  const backend = await startReferenceBackend({ dataDir: join(dir.path, 'backend'), port: 0 });
  const readers = [await startIdCardReaderSimulator(), await startIdCardReaderSimulator()];
  const hostEnv = (name: string, reader: IdCardReaderSimulator): NodeJS.ProcessEnv => ({
    ...process.env,
    TERMINAL_DATA_DIR: join(dir.path, name),
    TERMINAL_BACKEND_URL: backend.url,
    TERMINAL_ID_CARD_PORT: reader.devicePath,
    TERMINAL_SIMULATED_DEVICES: '1',
  });
  const host = await startWebHostProcess(hostEnv('terminal', readers[0]!));
  const eagerHost = await startWebHostProcess({ ...hostEnv('terminal-eager', readers[1]!), TERMINAL_RENDERER_DIR: eagerDir });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update'],
  });
  try {
    if (wanted('paint')) await benchPaint(browser, host.appUrl, eagerHost.appUrl, Number(values.paints));
    if (wanted('card')) await benchCard(browser, host.appUrl, readers[0]!, Number(values.cards));
  } finally {
    await browser.close();
    await Promise.all([host.stop(), eagerHost.stop()]);
    await Promise.all(readers.map((reader) => reader.close()));
    await backend.close();
  }
}

/** Records when the reception screen first exists, and the paint entries, from the page's own clock. */
const PAINT_PROBE = `
  window.__paint = {};
  new MutationObserver((_, observer) => {
    if (!document.querySelector('[data-testid="reception"]')) return;
    window.__paint.app = performance.now();
    requestAnimationFrame(() => requestAnimationFrame(() => (window.__paint.appFrame = performance.now())));
    observer.disconnect();
  }).observe(document, { childList: true, subtree: true });
`;

async function benchPaint(browser: Browser, lazyUrl: string, eagerUrl: string, runs: number): Promise<void> {
  const load = async (eager: boolean) => {
    const appUrl = eager ? eagerUrl : lazyUrl;
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
    const page = await context.newPage();
    await page.addInitScript(PAINT_PROBE);
    await page.goto(appUrl);
    await page.waitForFunction(() => (window as unknown as { __paint: { appFrame?: number } }).__paint.appFrame !== undefined);
    const figures = await page.evaluate(() => ({
      fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
      app: (window as unknown as { __paint: { appFrame: number } }).__paint.appFrame,
      scriptBytes: performance
        .getEntriesByType('resource')
        .filter((entry) => /\.m?js$/.test(new URL(entry.name).pathname))
        .reduce((sum, entry) => sum + (entry as PerformanceResourceTiming).decodedBodySize, 0),
    }));
    await context.close();
    return figures;
  };
  const lazy: { fcp: number; app: number; scriptBytes: number }[] = [];
  const eager: typeof lazy = [];
  // Warm both hosts and the disk cache once, unmeasured.
  await load(false);
  await load(true);
  for (let run = 0; run < runs; run += 1) {
    // Alternate which goes first so neither always meets a warmer machine.
    if (run % 2 === 0) {
      lazy.push(await load(false));
      eager.push(await load(true));
    } else {
      eager.push(await load(true));
      lazy.push(await load(false));
    }
  }
  const kb = (xs: typeof lazy) => `${(median(xs.map((x) => x.scriptBytes)) / 1024).toFixed(0)} kB of script`;
  out(`renderer first paint in Chromium over the web host, cold context each, median of ${runs}:`);
  out(`  pdf.js on first preview (as built):   first contentful paint ${ms(median(lazy.map((x) => x.fcp)))}, reception screen painted ${ms(median(lazy.map((x) => x.app)))}, ${kb(lazy)}   goal ≤ 1 s`);
  out(`  baseline, pdf.js loaded with the app: first contentful paint ${ms(median(eager.map((x) => x.fcp)))}, reception screen painted ${ms(median(eager.map((x) => x.app)))}, ${kb(eager)}`);
  out(`  ratio (reception screen painted): ${(median(lazy.map((x) => x.app)) / median(eager.map((x) => x.app))).toFixed(2)}×`);
}

/** Stamps the driver's readAt as the event arrives, and the DOM and next frame showing the expected name. */
const CARD_PROBE = `
  window.__card = { expect: undefined, readAt: undefined, arrived: undefined, shown: undefined, frame: undefined };
  const NativeSocket = window.WebSocket;
  window.WebSocket = class extends NativeSocket {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', (event) => {
        if (typeof event.data !== 'string' || !event.data.includes('idCard.cardRead')) return;
        const now = performance.timeOrigin + performance.now();
        try {
          const message = JSON.parse(event.data);
          if (message.event === 'idCard.cardRead') Object.assign(window.__card, { readAt: message.payload.readAt, arrived: now });
        } catch {}
      });
    }
  };
  new MutationObserver(() => {
    const card = window.__card;
    if (card.expect === undefined || card.shown !== undefined) return;
    if (document.querySelector('[data-testid="card-name"]')?.textContent !== card.expect) return;
    card.shown = performance.timeOrigin + performance.now();
    requestAnimationFrame(() => (card.frame = performance.timeOrigin + performance.now()));
  }).observe(document, { childList: true, subtree: true, characterData: true });
`;

async function benchCard(browser: Browser, appUrl: string, reader: IdCardReaderSimulator, count: number): Promise<void> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
  const page = await context.newPage();
  await page.addInitScript(CARD_PROBE);
  const cards = [sampleCards.resident, sampleCards.residentLongTerm];
  const toArrival: number[] = [];
  const toDom: number[] = [];
  const toFrame: number[] = [];
  for (let i = 0; i < count + 2; i += 1) {
    // A fresh reception screen for each card (a read card moves the screen on).
    await page.goto('about:blank');
    await page.goto(appUrl);
    await page.locator('[data-testid="reception"][data-step="card"]').waitFor();
    await page.locator('[data-testid="device-id-card-reader"][data-state="ready"]').waitFor();
    const card = cards[i % cards.length]!;
    await page.evaluate((name) => ((window as unknown as { __card: { expect: string } }).__card.expect = name), card.name);
    reader.placeCard(card);
    await page.waitForFunction(() => (window as unknown as { __card: { frame?: number } }).__card.frame !== undefined, undefined, { timeout: 10_000 });
    const stamps = await page.evaluate(() => (window as unknown as { __card: { readAt: number; arrived: number; shown: number; frame: number } }).__card);
    if (i >= 2) {
      // The first two are warm-up (JIT, font loading for the name's glyphs).
      toArrival.push(stamps.arrived - stamps.readAt);
      toDom.push(stamps.shown - stamps.readAt);
      toFrame.push(stamps.frame - stamps.readAt);
    }
    await removeCardAndWait(reader);
  }
  await context.close();
  out(`a card placed → its holder's name on screen (from the driver's readAt, in the web host), ${count} cards, over socat + WebSocket:`);
  out(`  event in the page:   p50 ${ms(median(toArrival))}, p90 ${ms(quantile(toArrival, 0.9))}, max ${ms(Math.max(...toArrival))}`);
  out(`  name in the DOM:     p50 ${ms(median(toDom))}, p90 ${ms(quantile(toDom, 0.9))}, max ${ms(Math.max(...toDom))}`);
  out(`  next frame:          p50 ${ms(median(toFrame))}, p90 ${ms(quantile(toFrame, 0.9))}, max ${ms(Math.max(...toFrame))}   goal ≤ 50 ms`);
  out(`  (the wall clocks of the web host and Chromium are the same machine's; readAt has 1 ms resolution)`);
}



try {
  if (wanted('save')) await benchSave(Number(values.saves));
  if (wanted('paint') || wanted('card')) await benchRenderer();
} finally {
  dir.remove();
}
