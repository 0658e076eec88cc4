/**
 * `devices social-security-card read [--reader NAME] [--json] [--timeout S]`:
 * waits for a social security card on a PC/SC reader and prints its basic
 * fields. Without --reader the reader holding a card (else the first) is used.
 */
import type { SocialSecurityCard } from '../../domain/social-security-card';
import { ID_CARD_MESSAGES } from '../../drivers/id-card/messages';
import { isSocialSecurityCardError, SOCIAL_SECURITY_CARD_MESSAGES, SocialSecurityCardReaderDriver, type SscErrorCode } from '../../drivers/social-security-card';
import { EXIT, parseOptions, type CommandIo, type DeviceCommand } from './command';

const NO_DEVICE: ReadonlySet<SscErrorCode> = new Set<SscErrorCode>(['ssc-pcsc-unavailable', 'ssc-reader-not-found', 'ssc-reader-removed', 'ssc-reader-busy', 'ssc-reader-stopped']);

function explain(code: SscErrorCode, detail: string): string {
  const text = SOCIAL_SECURITY_CARD_MESSAGES[code];
  return `social-security-card read failed [${code}]: ${text.en}\n  ${text['zh-CN']}\n  detail: ${detail}`;
}

function human(card: SocialSecurityCard): string {
  return Object.entries(card)
    .map(([key, value]) => `${key.padEnd(22)} ${String(value)}`)
    .join('\n');
}

export const command: DeviceCommand = {
  path: ['social-security-card', 'read'],
  summary: 'wait up to 10 s for a social security card on a PC/SC reader and print it',
  usage: 'npm run devices -- social-security-card read [--reader NAME] [--json] [--timeout SECONDS]',
  async run(args: string[], io: CommandIo): Promise<number> {
    const { options, error } = parseOptions(args, { reader: 'string', json: 'boolean', timeout: 'number' });
    if (error) {
      io.err(`${error}\nUsage: ${this.usage}`);
      return EXIT.usage;
    }
    const timeoutMs = Math.round(((options.timeout as number | undefined) ?? 10) * 1000);
    const driver = new SocialSecurityCardReaderDriver({ ...(options.reader ? { reader: options.reader as string } : {}), pollIntervalMs: 100 });
    try {
      await driver.start();
      const status = driver.status();
      if (status.state !== 'ready') {
        io.err(explain((status.problem ?? 'ssc-reader-not-found') as SscErrorCode, status.detail ?? status.state));
        return EXIT.noDevice;
      }
      if (!options.json) io.err(`Reader ready: ${status.address}. Insert a social security card (waiting ${timeoutMs / 1000} s)…`);
      const reading = await driver.readOnce(timeoutMs);
      if (options.json) io.out(JSON.stringify(reading.card));
      else io.out(human(reading.card));
      for (const w of reading.warnings) io.err(`warning: ${w}: ${ID_CARD_MESSAGES[w].en}\n  ${ID_CARD_MESSAGES[w]['zh-CN']}`);
      return EXIT.ok;
    } catch (err) {
      if (!isSocialSecurityCardError(err)) throw err;
      io.err(explain(err.code, err.detail));
      if (err.code === 'ssc-no-card') return EXIT.nothingRead;
      return NO_DEVICE.has(err.code) ? EXIT.noDevice : EXIT.protocol;
    } finally {
      await driver.stop();
    }
  },
};
