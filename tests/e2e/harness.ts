/**
 * Playwright fixtures: a reference backend, a simulated ID card reader on a
 * pseudo-terminal pair, and the terminal itself (web host in Chromium, or the
 * Electron app), all real processes talking over their real protocols.
 */
import { test as base, chromium, _electron, type ElectronApplication, type Page } from '@playwright/test';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { startReferenceBackend, type ReferenceBackend } from '../../fixtures/backend/server';
import { startEmbeddedBackend } from '../../fixtures/backend/embedded';
import { startPadBridge, type PadBridge } from '../../fixtures/signature-pad/bridge';
import { startIdCardReaderSimulator, type IdCardReaderSimulator } from '../../fixtures/id-card-reader/simulator';
import { ScannerGunSimulator } from '../../fixtures/scanner-gun/simulator';
import { startSaneTestScanner, type SaneTestScanner } from '../../fixtures/document-scanner/sane-test-scanner';
import { startIppEvePrinter, type RunningIppEvePrinter } from '../../fixtures/printer/ippeveprinter';
import { certificateMedia } from '../../drivers/printer/media';
import type { TerminalProfile } from '../../domain/terminal-profile';
import { SAMPLE_OFFICERS, type SampleOfficer } from '../../fixtures/backend/officers';
import certificateLayout from '../../documents/layouts/marriage-certificate.json' with { type: 'json' };

export type Transport = 'web-host' | 'electron';

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // Chromium's own test camera stands in for the document camera, without a permission prompt.
  '--use-fake-device-for-media-stream',
  '--use-fake-ui-for-media-stream',
  // WebRTC between the kiosk and the centre console on loopback only (the centre's reference configuration passes only 127.0.0.1 candidates).
  '--allow-loopback-in-peer-connection',
];


interface Fixtures {
  transport: Transport;
  /** Run the backend as `npm start` does (in the terminal's data folder) instead of the test's own. */
  embeddedBackend: boolean;
  /** The terminal's profile (TERMINAL_PROFILE): which user it serves and which screens it shows. */
  profile: TerminalProfile;
  /** The officer the app fixture signs in with (a sample officer of the reference backend); null: nobody signs in. */
  officer: SampleOfficer | null;
  /** More of the terminal's environment (configuration), over the harness's own. */
  terminalEnv: Record<string, string>;
  /** The browser's geolocation, granted to the kiosk (web host); undefined: not granted. */
  grantedGeolocation: { latitude: number; longitude: number; accuracy?: number } | undefined;
  /** Put the terminal's data on a disk of this many MiB (a tmpfs), so a spec can fill it. */
  terminalDiskMiB: number | undefined;
  /**
   * Run the terminal's processes (web host and services, never the browser) under libfaketime, their wall clock
   * offset by what this file says ("+0d", "+31d"), read again on every clock call, so a spec moves the PC's clock
   * by rewriting it. Their monotonic clock is left alone, as when a PC's clock is set. Web host only.
   */
  terminalClockFile: string | undefined;
  dataDir: string;
  /** The terminal's data folder (TERMINAL_DATA_DIR). */
  terminalDir: string;
  backend: ReferenceBackend;
  reader: IdCardReaderSimulator;
  scanner: ScannerGunSimulator;
  printer: RunningIppEvePrinter;
  documentScanner: SaneTestScanner;
  /** The simulated signature pad behind the terminal's local HID bridge; it signs when inking starts. */
  padBridge: PadBridge;
  /** The terminal's services process (web host only): its pid, and a way to wait for its next start. */
  services: ServicesProcessHandle;
  app: Page;
}

/** Follows the web host's JSON lines: `ready` carries the services pid, `services-ready` each restart. */
export class ServicesProcessHandle {
  pid: number | undefined;
  readonly #waiters = new Set<(pid: number) => void>();

  started(pid: number): void {
    this.pid = pid;
    for (const waiter of this.#waiters) waiter(pid);
    this.#waiters.clear();
  }

  /** Resolves with the pid of the next services process to become ready. */
  nextStart(): Promise<number> {
    return new Promise((resolve) => this.#waiters.add(resolve));
  }
}

/** Where the Electron binary would be, or why there is none. */
export function electronBinary(): { path?: string; reason?: string } {
  try {
    const path = createRequire(import.meta.url)('electron') as unknown as string;
    return existsSync(path) ? { path } : { reason: `the Electron binary is not installed (${path} is missing)` };
  } catch (error) {
    return { reason: `the Electron binary is not installed: ${(error as Error).message.split('\n')[0]}` };
  }
}

let skipReasonPrinted = false;

const electronApps = new WeakMap<Page, ElectronApplication>();
/** The Electron application behind a window the `app` fixture opened (Electron transport only). */
export function electronAppOf(page: Page): ElectronApplication | undefined {
  return electronApps.get(page);
}

export const test = base.extend<Fixtures>({
  transport: ['web-host', { option: true }],
  embeddedBackend: [false, { option: true }],
  profile: ['reception-window', { option: true }],
  officer: [SAMPLE_OFFICERS[0]!, { option: true }],
  terminalDiskMiB: [undefined, { option: true }],
  terminalClockFile: [undefined, { option: true }],
  terminalEnv: [{}, { option: true }],
  grantedGeolocation: [undefined, { option: true }],

  dataDir: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'terminal-e2e-'));
    await use(dir);
    rmSync(dir, { recursive: true, force: true });
  },

  terminalDir: async ({ dataDir, terminalDiskMiB }, use, testInfo) => {
    const dir = join(dataDir, 'terminal');
    mkdirSync(dir);
    if (terminalDiskMiB === undefined) return use(dir);
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${terminalDiskMiB}m`, 'tmpfs', dir], { stdio: 'pipe' });
    } catch (error) {
      const reason = `a small disk for the terminal needs a tmpfs mount, which this machine refused: ${String((error as Error).message).split('\n')[0]}`;
      process.stdout.write(`${reason}\n`);
      testInfo.skip(true, reason);
    }
    await use(dir);
    // Lazy, so a process still holding a file there cannot keep the mount (and the test's folder) alive.
    execFileSync('umount', ['-l', dir]);
  },

  backend: async ({ dataDir }, use) => {
    const backend = await startReferenceBackend({ dataDir: join(dataDir, 'backend'), port: 0, contract: true });
    await use(backend);
    const violations = backend.contractViolations();
    await backend.close();
    // Every request the terminal sent and every answer it got must match openapi.yaml.
    if (violations.length > 0) throw new Error(`contract violations (openapi.yaml):\n${JSON.stringify(violations.slice(0, 10), null, 1)}`);
  },

  reader: async ({}, use) => {
    const simulator = await startIdCardReaderSimulator();
    await use(simulator);
    await simulator.close();
  },

  scanner: async ({}, use) => {
    const simulator = await ScannerGunSimulator.start({ suffix: 'cr' });
    await use(simulator);
    await simulator.close();
  },

  documentScanner: async ({}, use) => {
    const scanner = startSaneTestScanner();
    await use(scanner);
    scanner.close();
  },

  printer: async ({}, use) => {
    // One printer takes both A4 forms and certificate booklets, as at a small registry.
    const booklet = certificateMedia(certificateLayout.page.width, certificateLayout.page.height).name;
    const printer = await startIppEvePrinter({ name: 'counter-printer', media: ['iso_a4_210x297mm', booklet] });
    await use(printer);
    await printer.stop();
  },

  padBridge: async ({}, use) => {
    const bridge = await startPadBridge();
    await use(bridge);
    await bridge.close();
  },

  services: async ({}, use) => {
    await use(new ServicesProcessHandle());
  },

  app: async ({ transport, embeddedBackend, profile, officer, terminalDir, backend, reader, scanner, printer, documentScanner, padBridge, services, terminalEnv, grantedGeolocation, terminalClockFile }, use, testInfo) => {
    const embedded = embeddedBackend ? await startEmbeddedBackend(terminalDir) : undefined;
    const env: NodeJS.ProcessEnv = {
      ...documentScanner.env,
      TERMINAL_DOCUMENT_SCANNER: documentScanner.device,
      TERMINAL_DATA_DIR: terminalDir,
      TERMINAL_PROFILE: profile,
      TERMINAL_BACKEND_URL: embedded?.url ?? backend.url,
      TERMINAL_ID_CARD_PORT: reader.devicePath,
      TERMINAL_SCANNER_PORT: scanner.devicePath,
      TERMINAL_PRINTER_URI: printer.uri,
      TERMINAL_PRINTER_NAME: '窗口A4打印机',
      TERMINAL_SIGNATURE_PAD_BRIDGE: padBridge.socketPath,
      TERMINAL_SIMULATED_DEVICES: '1',
      // The reference backend serves the sample city evaluation page: the one origin the kiosk may frame.
      ...(profile === 'extension-terminal' ? { TERMINAL_CITY_EVALUATION_ORIGIN: new URL(backend.url).origin } : {}),
      ...terminalEnv,
    };
    if (transport === 'electron') {
      const binary = electronBinary();
      if (!binary.path) {
        const reason = `Electron launcher skipped: ${binary.reason}`;
        if (!skipReasonPrinted) process.stdout.write(`${reason}\n`);
        skipReasonPrinted = true;
        testInfo.skip(true, reason);
      }
      const electronApp = await _electron.launch({ executablePath: binary.path!, args: ['out/main/electron.js'], env: env as Record<string, string> });
      const window = await electronApp.firstWindow();
      electronApps.set(window, electronApp);
      if (officer && profile !== 'extension-terminal') await signInOfficer(window, officer);
      await use(window);
      await electronApp.close();
      await embedded?.close();
      return;
    }
    const host = await startWebHost(terminalClockFile ? { ...env, ...fakeClockEnv(terminalClockFile) } : env, services);
    const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN', ...(grantedGeolocation ? { geolocation: grantedGeolocation, permissions: ['geolocation'] } : {}) });
    page.on('console', (message) => {
      if (message.type() === 'error') process.stdout.write(`[renderer] ${message.text()}\n`);
    });
    page.on('pageerror', (error) => process.stdout.write(`[renderer] ${error.message}\n`));
    await page.goto(host.appUrl);
    if (officer && profile !== 'extension-terminal') await signInOfficer(page, officer);
    await use(page);
    await browser.close();
    await host.stop();
    await embedded?.close();
  },
});

export const expect = test.expect;

/** Debian's libfaketime (scripts/system-packages.txt), multi-threaded flavour: Node's threads read the clock too. */
const LIBFAKETIME = '/usr/lib/x86_64-linux-gnu/faketime/libfaketimeMT.so.1';

function fakeClockEnv(file: string): NodeJS.ProcessEnv {
  if (!existsSync(LIBFAKETIME)) throw new Error(`moving the terminal's clock needs libfaketime (${LIBFAKETIME} is missing)`);
  return { LD_PRELOAD: LIBFAKETIME, FAKETIME_TIMESTAMP_FILE: file, FAKETIME_NO_CACHE: '1', FAKETIME_DONT_FAKE_MONOTONIC: '1' };
}

/** Signs an officer in on the sign-in screen (every terminal but an unattended one starts there). */
export async function signInOfficer(page: Page, officer: Pick<SampleOfficer, 'account' | 'password'>): Promise<void> {
  await page.getByTestId('officer-account').fill(officer.account);
  await page.getByTestId('officer-password').fill(officer.password);
  await page.getByTestId('officer-submit').click();
  await page.getByTestId('officer-name').waitFor();
}

async function startWebHost(env: NodeJS.ProcessEnv, services: ServicesProcessHandle): Promise<{ appUrl: string; stop(): Promise<void> }> {
  const child: ChildProcess = spawn(process.execPath, ['out/main/web-host.js'], { env, stdio: ['ignore', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout! });
  const appUrl = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`web host exited with ${code} before it was ready`)));
    lines.on('line', (line) => {
      try {
        const message = JSON.parse(line) as { event?: string; appUrl?: string; servicesPid?: number; pid?: number };
        if (message.event === 'ready' && message.appUrl) {
          if (message.servicesPid) services.started(message.servicesPid);
          resolve(message.appUrl);
        }
        if (message.event === 'services-ready' && message.pid) services.started(message.pid);
      } catch {
        // not a JSON line: ignore
      }
    });
  });
  return {
    appUrl,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
