/**
 * `devices document-scanner scan --device NAME --out FILE [--resolution DPI] [--color]`:
 * scans one A4 page to a JPEG file, as the terminal would. Exit 0 with the
 * file written; 1 no paper; 2 scanner absent, busy or software missing;
 * 3 the scan failed.
 */
import { writeFileSync } from 'node:fs';
import { silentLogger } from '../../domain/logger';
import { DocumentScannerDriver } from '../../drivers/document-scanner/driver';
import { DocumentScannerError, type DocumentScannerErrorCode } from '../../drivers/document-scanner/errors';
import { DOCUMENT_SCANNER_MESSAGES } from '../../drivers/document-scanner/messages';
import { EXIT, parseOptions, type CommandIo, type DeviceCommand } from './command';

const NO_DEVICE: DocumentScannerErrorCode[] = ['document-scanner-not-found', 'document-scanner-not-installed', 'document-scanner-busy', 'document-scanner-access-denied'];

export const command: DeviceCommand = {
  path: ['document-scanner', 'scan'],
  summary: 'scan one A4 page on a SANE document scanner to a JPEG file',
  usage: 'npm run devices -- document-scanner scan --device NAME --out FILE [--resolution DPI] [--color]   (scanimage -L lists device names)',
  async run(args: string[], io: CommandIo): Promise<number> {
    const { options, error } = parseOptions(args, { device: 'string', out: 'string', resolution: 'number', color: 'boolean' });
    if (error || typeof options.device !== 'string' || typeof options.out !== 'string') {
      io.err(`${error ?? '--device and --out are required'}\nusage: ${command.usage}`);
      return EXIT.usage;
    }
    const driver = new DocumentScannerDriver({ id: 'document-scanner', device: options.device, logger: silentLogger });
    try {
      const page = await driver.scan({ resolutionDpi: typeof options.resolution === 'number' ? options.resolution : 150, mode: options.color ? 'Color' : 'Gray' });
      writeFileSync(options.out, page.data);
      io.out(`${options.out}: ${page.data.length} bytes, JPEG at ${page.resolutionDpi} dpi`);
      return EXIT.ok;
    } catch (caught) {
      if (!(caught instanceof DocumentScannerError)) throw caught;
      const text = DOCUMENT_SCANNER_MESSAGES[caught.code];
      io.err(`[${caught.code}] ${text.en}\n  ${text['zh-CN']}\n  detail: ${caught.detail}`);
      return caught.code === 'document-scanner-no-paper' ? EXIT.nothingRead : NO_DEVICE.includes(caught.code) ? EXIT.noDevice : EXIT.protocol;
    }
  },
};
