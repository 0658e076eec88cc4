/**
 * `devices document-scanner list [--json]`: the scanners SANE reaches, USB
 * and network (eSCL/WSD through sane-airscan) side by side, with the device
 * name to configure.
 */
import { listDocumentScanners } from '../../drivers/document-scanner/discovery';
import { EXIT, parseOptions, type CommandIo, type DeviceCommand } from './command';

export const command: DeviceCommand = {
  path: ['document-scanner', 'list'],
  summary: 'list the document scanners SANE reaches (USB and network)',
  usage: 'npm run devices -- document-scanner list [--json]',
  async run(args: string[], io: CommandIo): Promise<number> {
    const { options, error } = parseOptions(args, { json: 'boolean' });
    if (error) {
      io.err(`${error}\nusage: ${command.usage}`);
      return EXIT.usage;
    }
    const found = await listDocumentScanners();
    if (options.json) {
      io.out(JSON.stringify({ documentScanners: found }));
      return EXIT.ok;
    }
    if (found.length === 0) io.out('No document scanners found (is sane-utils installed, and the scanner on?).');
    for (const entry of found) io.out(`${entry.connection.padEnd(8)} ${entry.device}  (${entry.description})`);
    return EXIT.ok;
  },
};
