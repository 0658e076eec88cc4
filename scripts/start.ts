/**
 * `npm start`: the terminal on simulated devices and the embedded reference
 * backend. Runs the Electron app when its binary is installed; otherwise the
 * web host in the system Chromium in app mode, and says so. The console
 * drives the simulated ID card reader.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { startIdCardReaderSimulator } from '../fixtures/id-card-reader/simulator';
import { sampleCards } from '../fixtures/id-card-reader/sample-cards';
import { REGISTRY_DESK_SAMPLE_CARDS, REGISTRY_DESK_SAMPLE_PASSPORTS } from '../fixtures/registry/desk-samples';
import { ScannerGunSimulator } from '../fixtures/scanner-gun/simulator';
import { startSaneTestScanner } from '../fixtures/document-scanner/sane-test-scanner';
import { startEmbeddedBackend } from '../fixtures/backend/embedded';
import { startPadBridge } from '../fixtures/signature-pad/bridge';
import { TERMINAL_PROFILES, isTerminalProfile } from '../domain/terminal-profile';
import { startSimulatedPrinters } from './start-printers';
import { startWebHostProcess } from './lib/web-host-process';

const root = resolve(import.meta.dirname, '..');
const { values: options } = parseArgs({ options: { profile: { type: 'string' } } });
const terminalProfile = options.profile ?? process.env.TERMINAL_PROFILE ?? 'reception-window';
if (!isTerminalProfile(terminalProfile)) {
  console.error(`Unknown profile "${terminalProfile}": use one of ${TERMINAL_PROFILES.join(', ')}.`);
  process.exit(2);
}
// Each profile keeps its own local store, as separate counter PCs would.
const dataDir = process.env.TERMINAL_DATA_DIR ?? join(root, '.data', terminalProfile);

function electronBinary(): string | undefined {
  try {
    const path = createRequire(import.meta.url)('electron') as unknown as string;
    return existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

function findChromium(): string | undefined {
  return [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find((p) => p && existsSync(p));
}

async function main(): Promise<void> {
  console.log(`Building the terminal (profile ${terminalProfile})…`);
  const build = spawnSync('npx', ['electron-vite', 'build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  if (build.status !== 0) process.exit(build.status ?? 1);

  const reader = await startIdCardReaderSimulator();
  const documentScanner = startSaneTestScanner();
  const padBridge = await startPadBridge();
  // The registry desk's foreign parties come by passport: a simulated serial passport reader (the console sends a zone).
  const passportReader = terminalProfile === 'registry-desk' ? await ScannerGunSimulator.start({ suffix: 'crlf' }) : undefined;
  const printers = await startSimulatedPrinters(dataDir);
  // The terminal never starts the reference backend itself: the launcher runs it and hands over its URL.
  const backend = process.env.TERMINAL_BACKEND_URL ? undefined : await startEmbeddedBackend(dataDir);
  const env = {
    ...documentScanner.env,
    TERMINAL_DOCUMENT_SCANNER: documentScanner.device,
    TERMINAL_DATA_DIR: dataDir,
    TERMINAL_PROFILE: terminalProfile,
    TERMINAL_ID_CARD_PORT: reader.devicePath,
    TERMINAL_SIMULATED_DEVICES: '1',
    TERMINAL_SIGNATURE_PAD_BRIDGE: padBridge.socketPath,
    ...(passportReader ? { TERMINAL_PASSPORT_PORT: passportReader.devicePath } : {}),
    ...(backend ? { TERMINAL_BACKEND_URL: backend.url } : {}),
    // The reference backend's sample city evaluation page, so page mode works when playing both sides.
    ...(backend && terminalProfile === 'extension-terminal' ? { TERMINAL_CITY_EVALUATION_ORIGIN: new URL(backend.url).origin } : {}),
    ...printers.env,
  };

  const children: ChildProcess[] = [];
  const electron = electronBinary();
  if (electron) {
    children.push(spawn(electron, [join(root, 'out/main/electron.js')], { env, stdio: 'inherit' }));
    if (terminalProfile === 'extension-terminal' && backend) console.log(`The centre console (the officer's side): ${backend.url}/centre/console`);
  } else {
    console.log('\nNOTICE: no Electron binary is installed, so the terminal runs in the web host and opens in Chromium (app mode).');
    const host = await startWebHostProcess(env, join(root, 'out/main/web-host.js'));
    children.push(host.child);
    const { appUrl } = host;
    const chromium = findChromium();
    if (chromium && process.env.TERMINAL_NO_BROWSER !== '1' && (process.env.DISPLAY || process.env.WAYLAND_DISPLAY)) {
      const profile = mkdtempSync(join(tmpdir(), 'terminal-chromium-'));
      // Chromium refuses to run as root with its sandbox; a counter PC never runs the terminal as root.
      const rootOnly = process.getuid?.() === 0 ? ['--no-sandbox'] : [];
      // The reference centre passes only loopback ICE candidates, so video between the kiosk and the console stays on this machine.
      const loopbackVideo = terminalProfile === 'extension-terminal' ? ['--allow-loopback-in-peer-connection'] : [];
      const args = [`--app=${appUrl}`, `--user-data-dir=${profile}`, '--no-first-run', '--disable-background-networking', '--disable-sync', ...loopbackVideo, ...rootOnly];
      children.push(spawn(chromium, args, { stdio: 'ignore' }));
      if (terminalProfile === 'extension-terminal' && backend) {
        // Both sides of the virtual window on one screen: the resident's kiosk and the centre officer's console.
        const consoleProfile = mkdtempSync(join(tmpdir(), 'centre-console-chromium-'));
        const consoleArgs = [`--app=${backend.url}/centre/console`, `--user-data-dir=${consoleProfile}`, '--no-first-run', '--disable-background-networking', '--disable-sync', ...loopbackVideo, ...rootOnly];
        children.push(spawn(chromium, consoleArgs, { stdio: 'ignore' }));
      }
    } else {
      console.log(`Open this address in Chromium or Chrome: ${appUrl}`);
      if (terminalProfile === 'extension-terminal' && backend) console.log(`The centre console (the officer's side): ${backend.url}/centre/console`);
    }
  }

  // A registry desk also gets the parties whose applications and records the reference backend holds.
  const cards = [
    ...Object.values(sampleCards).map((card) => ({ card, business: '' })),
    ...(terminalProfile === 'registry-desk' ? REGISTRY_DESK_SAMPLE_CARDS : []),
  ];
  printHelp();
  const input = createInterface({ input: process.stdin });
  input.on('line', (line) => {
    const key = line.trim();
    const card = /^[0-9]+$/.test(key) ? cards[Number(key) - 1]?.card : undefined;
    const passport = passportReader && /^p[0-9]+$/.test(key) ? REGISTRY_DESK_SAMPLE_PASSPORTS[Number(key.slice(1)) - 1] : undefined;
    if (card) {
      reader.placeCard(card);
      console.log(`Placed: ${card.name} (${card.cardType})`);
    } else if (passport && passportReader) {
      void passportReader.mrz(passport.lines).then(() => console.log(`Passport read: ${passport.note}`));
    } else if (key === '0') {
      reader.removeCard();
      console.log('Card removed.');
    } else if (key === 'q') {
      void shutdown();
    } else {
      printHelp();
    }
  });

  let closing = false;
  async function shutdown(): Promise<void> {
    if (closing) return;
    closing = true;
    for (const child of children) child.kill('SIGTERM');
    await reader.close();
    documentScanner.close();
    await padBridge.close();
    await passportReader?.close();
    await printers.stop();
    await backend?.close();
    process.exit(0);
  }
  process.on('SIGINT', () => void shutdown());
  children[0]!.on('exit', () => void shutdown());

  function printHelp(): void {
    console.log('\nSimulated ID card reader — type a number and Enter:');
    cards.forEach(({ card, business }, index) => console.log(`  ${index + 1}  place ${card.name} (${card.cardType})${business ? `: ${business}` : ''}`));
    console.log('  0  remove the card');
    if (passportReader) {
      console.log('Simulated passport reader (or type the two lines into the passport entry):');
      REGISTRY_DESK_SAMPLE_PASSPORTS.forEach(({ lines, note }, index) => console.log(`  p${index + 1} ${note}\n       ${lines.join('\n       ')}`));
    }
    console.log('  q  quit');
    console.log('The document scanner is SANE\'s test backend: every scan is a grid page.\n');
  }
}


main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
