/**
 * `devices list [--probe] [--json]`: serial ports with their USB IDs, marking
 * those whose IDs match a known ID card reader bridge. With --probe each port
 * is asked for its SAM status at every baud rate (slow, and it briefly opens
 * ports other programs may be using).
 */
import { DEFAULT_READER_USB_IDS } from '../../drivers/id-card/driver';
import { ReaderSession } from '../../drivers/id-card/session';
import { detectBaudRate, probeSam, readSamId } from '../../drivers/id-card/procedures';
import { serialPortTransport, type PortInfo } from '../../drivers/id-card/transport';
import { isIdCardReaderError } from '../../drivers/id-card/errors';
import { silentLogger } from '../../domain/logger';
import { EXIT, parseOptions, type CommandIo, type DeviceCommand } from './command';

interface PortReport extends PortInfo {
  idCardReaderUsbId: boolean;
  probe?: { idCardReader: boolean; baudRate?: number; samId?: string; problem?: string };
}

async function probe(path: string): Promise<NonNullable<PortReport['probe']>> {
  let session: ReaderSession | null = null;
  try {
    const link = await serialPortTransport.open(path, 115200);
    session = new ReaderSession(link, 115200, silentLogger);
    const baudRate = await detectBaudRate(session, undefined, 400);
    await probeSam(session);
    const samId = await readSamId(session).catch(() => undefined);
    return { idCardReader: true, baudRate, ...(samId ? { samId } : {}) };
  } catch (err) {
    return { idCardReader: false, problem: isIdCardReaderError(err) ? err.code : String(err) };
  } finally {
    await session?.close().catch(() => undefined);
  }
}

export const command: DeviceCommand = {
  path: ['list'],
  summary: 'list serial ports and spot ID card readers (--probe to ask each port)',
  usage: 'npm run devices -- list [--probe] [--json]',
  async run(args: string[], io: CommandIo): Promise<number> {
    const { options, error } = parseOptions(args, { probe: 'boolean', json: 'boolean' });
    if (error) {
      io.err(`${error}\nUsage: ${this.usage}`);
      return EXIT.usage;
    }
    const ports = await serialPortTransport.list();
    const reports: PortReport[] = [];
    for (const port of ports) {
      const idCardReaderUsbId = DEFAULT_READER_USB_IDS.some((id) => id.vendorId === port.vendorId && id.productId === port.productId);
      const report: PortReport = { ...port, idCardReaderUsbId };
      if (options.probe) report.probe = await probe(port.path);
      reports.push(report);
    }
    if (options.json) {
      io.out(JSON.stringify({ serialPorts: reports }));
      return EXIT.ok;
    }
    if (reports.length === 0) io.out('No serial ports found.');
    for (const r of reports) {
      const ids = r.vendorId ? `${r.vendorId}:${r.productId ?? '????'}` : 'no USB IDs';
      const flags = [r.idCardReaderUsbId ? 'ID card reader bridge' : '', r.manufacturer ?? ''].filter(Boolean).join(', ');
      let line = `${r.path.padEnd(20)} ${ids.padEnd(10)} ${flags}`;
      if (r.probe) {
        line += r.probe.idCardReader
          ? `\n  ID card reader at ${r.probe.baudRate} baud${r.probe.samId ? `, SAM ${r.probe.samId}` : ''}`
          : `\n  no ID card reader (${r.probe.problem})`;
      }
      io.out(line);
    }
    return EXIT.ok;
  },
};
