/**
 * `devices scanner-gun listen --port PATH [--baud N] [--suffix cr|lf|crlf] [--json]`:
 * prints each scan, classified, until Ctrl-C. `--hid` listens to a HID-POS
 * scanner instead of a serial port. Scans go to stdout (one JSON object per
 * line with --json); device status and problems go to stderr.
 */
import type { DeviceStatus } from '../../domain/device';
import type { ScanReading } from '../../domain/scan-payload';
import { HidPosScannerGunDriver, LINE_SUFFIXES, type LineSuffix, SCAN_TEXT_ENCODINGS, SCANNER_GUN_MESSAGES, type ScannerGunError, type ScannerGunErrorCode, SerialScannerGunDriver, type ScanTextEncoding } from '../../drivers/scanner-gun';
import { EXIT, parseOptions, type CommandIo, type DeviceCommand } from './command';

function explain(code: string | undefined, detail: string | undefined): string {
  const text = code ? SCANNER_GUN_MESSAGES[code as ScannerGunErrorCode] : undefined;
  return text ? `[${code}] ${text.en}\n  ${text['zh-CN']}${detail ? `\n  detail: ${detail}` : ''}` : `[${code ?? 'unknown'}] ${detail ?? ''}`;
}

export function describeScan(scan: ScanReading): string {
  const p = scan.payload;
  const time = scan.receivedAt.slice(11, 19);
  const extra: string[] = [];
  if (p.kind === 'e-invoice') {
    const i = p.invoice;
    extra.push(`type ${i.type ?? i.typeCode}`, i.invoiceCode ? `code ${i.invoiceCode}` : '', `number ${i.invoiceNumber}`, `amount ${i.amount}`, `date ${i.issueDate}`);
    extra.push(...p.warnings.map((w) => `warning ${w}`));
  } else if (p.kind !== 'text') {
    extra.push(`rule ${p.ruleId}${p.assumed ? ' (assumed)' : ''}`);
  }
  if (scan.symbologyId) extra.push(`symbology ${scan.symbologyId}`);
  if (scan.lossy) extra.push('LOSSY: some bytes were not valid text');
  const details = extra.filter(Boolean).join(', ');
  return `${time} ${p.kind.padEnd(27)} ${JSON.stringify(p.raw)}${details ? `\n         ${details}` : ''}`;
}

export const command: DeviceCommand = {
  path: ['scanner-gun', 'listen'],
  summary: 'print every scan from a scanner gun (serial or HID-POS), classified, until Ctrl-C',
  usage:
    'npm run devices -- scanner-gun listen (--port PATH [--baud N] [--suffix cr|lf|crlf] | --hid [--hid-path PATH]) [--encoding auto|utf-8|gbk] [--json] [--count N]',
  async run(args: string[], io: CommandIo): Promise<number> {
    const { options, error } = parseOptions(args, {
      port: 'string',
      baud: 'number',
      suffix: 'string',
      encoding: 'string',
      hid: 'boolean',
      'hid-path': 'string',
      json: 'boolean',
      count: 'number',
    });
    const usage = (message: string) => {
      io.err(`${message}\nUsage: ${this.usage}`);
      return EXIT.usage;
    };
    if (error) return usage(error);
    if (!options.port === !options.hid) return usage('give either --port PATH or --hid');
    const suffix = (options.suffix as string | undefined) ?? 'cr';
    if (!(LINE_SUFFIXES as readonly string[]).includes(suffix)) return usage('--suffix must be cr, lf or crlf');
    const encoding = (options.encoding as string | undefined) ?? 'auto';
    if (!(SCAN_TEXT_ENCODINGS as readonly string[]).includes(encoding)) return usage('--encoding must be auto, utf-8 or gbk');
    const baud = options.baud as number | undefined;
    if (baud !== undefined && (!Number.isInteger(baud) || baud < 300 || baud > 4_000_000)) return usage('--baud must be a whole number of bits per second');
    const count = options.count as number | undefined;
    if (count !== undefined && (!Number.isInteger(count) || count < 1)) return usage('--count must be a positive whole number');

    const driver = options.hid
      ? new HidPosScannerGunDriver({ id: 'scanner-gun', encoding: encoding as ScanTextEncoding, ...(options['hid-path'] ? { match: { path: options['hid-path'] as string } } : {}) })
      : new SerialScannerGunDriver({ id: 'scanner-gun', path: options.port as string, suffix: suffix as LineSuffix, encoding: encoding as ScanTextEncoding, ...(baud ? { baudRate: baud } : {}) });

    let seen = 0;
    let finish: (code: number) => void = () => undefined;
    const done = new Promise<number>((resolve) => (finish = resolve));
    driver.on('scan', (scan) => {
      io.out(options.json ? JSON.stringify(scan) : describeScan(scan));
      if (count !== undefined && ++seen >= count) finish(EXIT.ok);
    });
    driver.on('problem', (problem: ScannerGunError) => io.err(`problem ${explain(problem.code, problem.detail)}`));
    driver.on('status', (status: DeviceStatus) => {
      if (status.state === 'ready') io.err(`ready on ${status.address ?? '?'}; scan codes now (Ctrl-C to stop)`);
      else if (status.problem) io.err(`${status.state} ${explain(status.problem, status.detail)}`);
    });
    const onSignal = () => finish(EXIT.ok);
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    try {
      await driver.start();
      const status = driver.status();
      // A wrong path or a port held by someone else will not fix itself while an engineer watches.
      if (status.state !== 'ready') return EXIT.noDevice;
      return await done;
    } finally {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      await driver.stop();
    }
  },
};
