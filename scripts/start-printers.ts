/**
 * `npm start`'s printers: a simulated A4 printer and a certificate printer
 * (ippeveprinter, as in the tests), configured through a terminal
 * configuration file, with where each keeps what it printed. A machine
 * without ippeveprinter still starts, without printers, and is told why.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import certificateLayout from '../documents/layouts/marriage-certificate.json' with { type: 'json' };
import { certificateMedia } from '../drivers/printer/media';
import { startIppEvePrinter, type RunningIppEvePrinter } from '../fixtures/printer/ippeveprinter';

export interface SimulatedPrinters {
  /** TERMINAL_CONFIG naming both printers, unless the caller already has a configuration or a printer. */
  env: Record<string, string>;
  stop(): Promise<void>;
}

export async function startSimulatedPrinters(dataDir: string): Promise<SimulatedPrinters> {
  if (process.env.TERMINAL_CONFIG || process.env.TERMINAL_PRINTER_URI) {
    console.log('Printers: from your configuration (TERMINAL_CONFIG / TERMINAL_PRINTER_URI); no simulated printer started.');
    return { env: {}, stop: async () => {} };
  }
  const running: RunningIppEvePrinter[] = [];
  try {
    const booklet = certificateMedia(certificateLayout.page.width, certificateLayout.page.height).name;
    const a4 = await startIppEvePrinter({ name: 'A4', media: ['iso_a4_210x297mm'] });
    running.push(a4);
    const certificate = await startIppEvePrinter({ name: 'Certificate', media: [booklet, 'iso_a4_210x297mm'] });
    running.push(certificate);
    mkdirSync(dataDir, { recursive: true });
    const configPath = join(dataDir, 'start-printers.json');
    writeFileSync(
      configPath,
      JSON.stringify({
        printers: [
          { kind: 'ipp', id: 'simulated-a4', name: 'A4 打印机（模拟）', uri: a4.uri, role: 'a4' },
          { kind: 'ipp', id: 'simulated-certificate', name: '证书打印机（模拟）', uri: certificate.uri, role: 'certificate' },
        ],
      }),
    );
    console.log('Printers (simulated with ippeveprinter; each printed job is kept as a PDF):');
    console.log(`  A4 printer          ${a4.uri}  → ${a4.spoolDir}`);
    console.log(`  certificate printer ${certificate.uri}  → ${certificate.spoolDir}`);
    return {
      env: { TERMINAL_CONFIG: configPath },
      async stop() {
        for (const printer of running) await printer.stop();
      },
    };
  } catch (error) {
    for (const printer of running) await printer.stop();
    console.log(`Printers: none (the simulated printers need ippeveprinter from Debian's cups-ipp-utils: ${(error as Error).message.split('\n')[0]}).`);
    return { env: {}, stop: async () => {} };
  }
}
