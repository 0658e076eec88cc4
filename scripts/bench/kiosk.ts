/**
 * Extension terminal figures: `npm run bench:kiosk [-- --runs N]` (after `npx electron-vite build`).
 *
 * Runs the real pieces on loopback (reference backend, a simulated ID card reader on a pseudo-terminal, the web host
 * with the extension-terminal profile, the kiosk and the centre console in Chromium with a fake camera) and prints:
 * (a) officer's call → video connected at the console, through the centre channel (goal ≤ 2 s on loopback), against
 *     a baseline in the same run: two peers in one page signalling directly (WebRTC's own connect time);
 * (b) card placed on the reader → card shown at the console after the officer's request (goal ≤ 1 s), against a
 *     baseline: the bare reader driver's read of the same card on a second simulator.
 */
import { chromium } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { silentLogger } from '../../domain/logger';
import { IdCardReaderDriver } from '../../drivers/id-card/driver';
import { startReferenceBackend } from '../../fixtures/backend/server';
import { sampleCards } from '../../fixtures/id-card-reader/sample-cards';
import { startIdCardReaderSimulator } from '../../fixtures/id-card-reader/simulator';
import { startWebHostProcess } from '../lib/web-host-process';

const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg >= 0 ? Math.max(1, Number(process.argv[runsArg + 1]) || 10) : 10;
const FLAGS = ['--no-sandbox', '--disable-gpu', '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', '--allow-loopback-in-peer-connection'];

/** Two peers in one page, signalling directly with loopback candidates only; resolves with ms to connected. */
const DIRECT_WEBRTC = `(async () => {
  const start = performance.now();
  const media = await navigator.mediaDevices.getUserMedia({ video: true, audio: true });
  const a = new RTCPeerConnection();
  const b = new RTCPeerConnection();
  const isLoopback = (c) => c && ['127.0.0.1', '::1'].includes(c.candidate.split(' ')[4] || '');
  a.onicecandidate = (e) => { if (isLoopback(e.candidate)) b.addIceCandidate(e.candidate); };
  b.onicecandidate = (e) => { if (isLoopback(e.candidate)) a.addIceCandidate(e.candidate); };
  for (const track of media.getTracks()) a.addTrack(track, media);
  const connected = new Promise((resolve) => { a.onconnectionstatechange = () => { if (a.connectionState === 'connected') resolve(); }; });
  await a.setLocalDescription(await a.createOffer());
  await b.setRemoteDescription(a.localDescription);
  await b.setLocalDescription(await b.createAnswer());
  await a.setRemoteDescription(b.localDescription);
  await connected;
  const elapsed = performance.now() - start;
  for (const track of media.getTracks()) track.stop();
  a.close();
  b.close();
  return elapsed;
})()`;

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const ms = (value: number) => `${value.toFixed(0)} ms`;

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-kiosk-'));
  const backend = await startReferenceBackend({ dataDir: join(dir, 'backend'), port: 0 });
  const reader = await startIdCardReaderSimulator();
  const host = await startWebHostProcess({ ...process.env, TERMINAL_DATA_DIR: join(dir, 'terminal'), TERMINAL_PROFILE: 'extension-terminal', TERMINAL_BACKEND_URL: backend.url, TERMINAL_ID_CARD_PORT: reader.devicePath, TERMINAL_SIMULATED_DEVICES: '1' });
  const appUrl = host.appUrl;
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: FLAGS });
  try {
    const kiosk = await (await browser.newContext()).newPage();
    await kiosk.goto(appUrl);
    const centre = await (await browser.newContext()).newPage();
    await centre.goto(`${backend.url}/centre/console`);
    await centre.locator('#include-photo').uncheck();

    const callToVideo: number[] = [];
    const cardToConsole: number[] = [];
    for (let run = 0; run < RUNS; run += 1) {
      await kiosk.getByTestId('kiosk-start').click();
      await kiosk.getByTestId('centre-huangpu-waitan').click();
      const number = (await kiosk.getByTestId('ticket-number').textContent())!.trim();
      await centre.getByTestId(`call-${number}`).click();
      await centre.locator('#video-state[data-state="connected"]').waitFor({ timeout: 30_000 });
      await kiosk.locator('[data-testid="video-room"][data-state="connected"]').waitFor({ timeout: 30_000 });
      const timing = await centre.evaluate(() => (window as unknown as { consoleTiming: { callAt: number; connectedAt: number } }).consoleTiming);
      callToVideo.push(timing.connectedAt - timing.callAt);

      await centre.locator('#card-read').click();
      await kiosk.getByTestId('kiosk-card-prompt').waitFor();
      const placedAt = Date.now();
      reader.placeCard(sampleCards.resident);
      await centre.locator('#card-result[data-state="done"]').waitFor({ timeout: 30_000 });
      const cardAt = await centre.evaluate(() => (window as unknown as { consoleTiming: { cardAtEpoch: number } }).consoleTiming.cardAtEpoch);
      cardToConsole.push(cardAt - placedAt);
      reader.removeCard();

      // Next resident: the officer hangs up and closes the ticket.
      await centre.locator('#hangup').click();
      const { tickets } = (await (await fetch(`${backend.url}/centre/queue/tickets`)).json()) as { tickets: { ticketId: string; number: string }[] };
      await fetch(`${backend.url}/centre/queue/tickets/${tickets.find((ticket) => ticket.number === number)!.ticketId}/skip`, { method: 'POST' });
      await kiosk.getByTestId('ticket-again').click();
      await kiosk.getByTestId('kiosk-welcome').waitFor();
    }

    // Baseline (a): WebRTC alone, two peers in one page of the same origin signalling directly, fake camera.
    const direct: number[] = [];
    for (let run = 0; run < RUNS; run += 1) {
      // A string, not a function: the TypeScript runner would add helpers the page does not have.
      direct.push(await centre.evaluate<number>(DIRECT_WEBRTC));
    }

    // Baseline (b): the bare driver reads the same card from a second simulated reader.
    const bareReader = await startIdCardReaderSimulator();
    const driver = new IdCardReaderDriver({ id: 'baseline', path: bareReader.devicePath, logger: silentLogger });
    await driver.start();
    const bare: number[] = [];
    for (let run = 0; run < RUNS; run += 1) {
      const reading = driver.readOnce(30_000);
      const placedAt = Date.now();
      bareReader.placeCard(sampleCards.resident);
      await reading;
      bare.push(Date.now() - placedAt);
      bareReader.removeCard();
      await new Promise((resolve) => setTimeout(resolve, 600));
    }
    await driver.stop();
    await bareReader.close();

    const video = median(callToVideo);
    const card = median(cardToConsole);
    console.log(`runs: ${RUNS}`);
    console.log(`(a) officer's call → video connected (console): median ${ms(video)} (goal ≤ 2000 ms); WebRTC alone in one page: ${ms(median(direct))}; ratio ${(video / median(direct)).toFixed(2)}`);
    console.log(`(b) card placed → card at the console: median ${ms(card)} (goal ≤ 1000 ms); bare reader driver: ${ms(median(bare))}; ratio ${(card / median(bare)).toFixed(2)}`);
    console.log(`    all (a): ${callToVideo.map((value) => value.toFixed(0)).join(', ')}`);
    console.log(`    all (b): ${cardToConsole.join(', ')}`);
  } finally {
    await browser.close();
    await host.stop();
    await reader.close();
    await backend.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

void main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
