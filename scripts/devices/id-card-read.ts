/**
 * `devices id-card read --port PATH [--baud N] [--json] [--timeout S]`: waits
 * for one card and prints it. Without --port the reader is discovered by USB
 * IDs and a SAM probe; without --baud the rate is detected.
 */
import type { IdentityCard } from '../../domain/identity-card';
import { IdCardReaderDriver } from '../../drivers/id-card/driver';
import { isIdCardReaderError, type IdCardErrorCode } from '../../drivers/id-card/errors';
import { ID_CARD_MESSAGES } from '../../drivers/id-card/messages';
import { EXIT, parseOptions, type CommandIo, type DeviceCommand } from './command';

const NO_DEVICE: ReadonlySet<IdCardErrorCode> = new Set<IdCardErrorCode>([
  'id-card-reader-not-found',
  'id-card-reader-busy',
  'id-card-reader-permission',
  'id-card-reader-unplugged',
  'id-card-reader-no-response',
  'id-card-sam-self-test-failed',
  'id-card-sam-unauthorized',
  'id-card-reader-stopped',
]);

/** The card in the field order of the documented JSON shape; absent fields left out. */
export function cardJson(card: IdentityCard): Record<string, unknown> {
  const keys = [
    'cardType', 'name', 'englishName', 'sex', 'ethnicityCode', 'ethnicity', 'birthDate', 'address', 'idNumber',
    'issuer', 'validFrom', 'validTo', 'passNumber', 'issueCount', 'nationality', 'photo',
  ] as const;
  const out: Record<string, unknown> = {};
  for (const key of keys) if (card[key] !== undefined) out[key] = card[key];
  return out;
}

function explain(code: IdCardErrorCode, detail: string): string {
  const text = ID_CARD_MESSAGES[code];
  return `id-card read failed [${code}]: ${text.en}\n  ${text['zh-CN']}\n  detail: ${detail}`;
}

function human(card: IdentityCard, warnings: string[]): string {
  const lines = Object.entries(cardJson(card))
    .filter(([k]) => k !== 'photo')
    .map(([k, v]) => `${k.padEnd(14)} ${v === null ? '长期 (no end date)' : String(v)}`);
  lines.push(`${'photo'.padEnd(14)} ${Buffer.from(card.photo, 'base64').length} bytes (raw, vendor-encoded)`);
  for (const w of warnings) lines.push(`WARNING        ${w}: ${ID_CARD_MESSAGES[w as 'id-number-check-digit'].en}`);
  return lines.join('\n');
}

export const command: DeviceCommand = {
  path: ['id-card', 'read'],
  summary: 'wait up to 10 s for a card on the ID card reader and print it',
  usage: 'npm run devices -- id-card read [--port PATH] [--baud N] [--json] [--timeout SECONDS]',
  async run(args: string[], io: CommandIo): Promise<number> {
    const { options, error } = parseOptions(args, { port: 'string', baud: 'number', json: 'boolean', timeout: 'number' });
    if (error) {
      io.err(`${error}\nUsage: ${this.usage}`);
      return EXIT.usage;
    }
    const baud = options.baud as number | undefined;
    if (baud !== undefined && ![115200, 57600, 38400, 19200, 9600].includes(baud)) {
      io.err('--baud must be one of 115200, 57600, 38400, 19200, 9600');
      return EXIT.usage;
    }
    const timeoutMs = Math.round(((options.timeout as number | undefined) ?? 10) * 1000);
    const driver = new IdCardReaderDriver({
      ...(options.port ? { path: options.port as string } : {}),
      ...(baud ? { baudRate: baud } : {}),
      pollIntervalMs: 100,
    });
    try {
      await driver.start();
      const status = driver.status();
      if (status.state !== 'ready') {
        const code = (status.problem ?? 'id-card-reader-not-found') as IdCardErrorCode;
        io.err(explain(code, status.detail ?? status.state));
        return EXIT.noDevice;
      }
      if (!options.json) io.err(`Reader ready on ${status.address} at ${driver.baudRate} baud. Place a card (waiting ${timeoutMs / 1000} s)…`);
      const reading = await driver.readOnce(timeoutMs);
      if (options.json) {
        io.out(JSON.stringify(cardJson(reading.card)));
        for (const w of reading.warnings) io.err(`warning: ${w}: ${ID_CARD_MESSAGES[w].en}`);
      } else io.out(human(reading.card, reading.warnings));
      return EXIT.ok;
    } catch (err) {
      if (!isIdCardReaderError(err)) throw err;
      io.err(explain(err.code, err.detail));
      if (err.code === 'id-card-no-card') return EXIT.nothingRead;
      return NO_DEVICE.has(err.code) ? EXIT.noDevice : EXIT.protocol;
    } finally {
      await driver.stop();
    }
  },
};
