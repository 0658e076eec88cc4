/**
 * Remote card read (二次读卡): only when the officer asks (command `card.read`)
 * does the terminal guide the resident to place a card (ID card, foreign
 * permanent resident card, residence permit), insert a social security card
 * (where a PC/SC reader is configured) or scan the medical insurance
 * e-voucher, and send that one reading back in the command's answer. The
 * photo bytes go only when the officer's request asks for them.
 */
import { z } from 'zod';
import type { CardReading } from '../../domain/identity-card';
import type { KioskPrompt } from '../../domain/kiosk-session';
import type { ScanReading } from '../../domain/scan-payload';
import type { SocialSecurityCardReading } from '../../domain/social-security-card';
import type { DeviceRegistry } from '../../drivers/registry';
import type { CentreChannel } from '../../sync/centre-channel/centre-channel';
import { TerminalError } from '../../contract/errors';

const requestSchema = z.object({ timeoutMs: z.number().int().min(1_000).max(120_000).optional(), includePhoto: z.boolean().optional() }).strict();

export type RemoteReading =
  | { source: 'id-card'; reading: CardReading; photoIncluded: boolean }
  | { source: 'social-security-card'; reading: SocialSecurityCardReading }
  | { source: 'scanner-gun'; scan: ScanReading };

/**
 * Faults of the social security card reader itself (absent, removed, no
 * service) must not end a read the resident can still finish on the ID card
 * reader or the scanner gun; a card's own fault (pulled mid-read, not a
 * social security card) is the answer, so the officer hears it.
 */
const SSC_DEVICE_FAULTS = new Set(['ssc-pcsc-unavailable', 'ssc-reader-not-found', 'ssc-reader-removed', 'ssc-reader-busy', 'ssc-reader-stopped', 'ssc-no-card']);

export function handleRemoteCardRead(channel: CentreChannel, devices: DeviceRegistry, prompt: (next: KioskPrompt) => void): void {
  channel.handle('card.read', async (payload, command) => {
    const parsed = requestSchema.safeParse(payload ?? {});
    if (!parsed.success) throw new TerminalError('card-read-request-invalid', parsed.error.message.slice(0, 300));
    const timeoutMs = parsed.data.timeoutMs ?? 60_000;
    prompt({ kind: 'card-read', commandId: command.id });
    const scan = scanOnce(devices, timeoutMs);
    try {
      const racers: Promise<RemoteReading>[] = [scan.promise.then((reading): RemoteReading => ({ source: 'scanner-gun', scan: reading }))];
      // Without either reader the ID card's answer (not configured) still ends the read at once, as before.
      const idCard = devices.hasIdCardReader || !devices.hasSocialSecurityCardReader;
      if (idCard) {
        racers.push(
          devices.readIdCard(timeoutMs).then((reading): RemoteReading => {
            const photoIncluded = parsed.data.includePhoto === true;
            return { source: 'id-card', reading: photoIncluded ? reading : { ...reading, card: { ...reading.card, photo: '' } }, photoIncluded };
          }),
        );
      }
      if (devices.hasSocialSecurityCardReader) racers.push(socialSecurityCardOnce(devices, timeoutMs, !idCard));
      return await Promise.race(racers);
    } finally {
      scan.cancel();
      prompt({ kind: 'none' });
    }
  });
}

/**
 * The social security card inserted within the time, or a card fault. Device faults and the timeout leave the race
 * to the ID card reader, unless this reader is the only one (`endsRace`): then they are the answer.
 */
function socialSecurityCardOnce(devices: DeviceRegistry, timeoutMs: number, endsRace: boolean): Promise<RemoteReading> {
  return devices.readSocialSecurityCard(timeoutMs).then(
    (reading): RemoteReading => ({ source: 'social-security-card', reading }),
    (error: { code?: string }) => (!endsRace && SSC_DEVICE_FAULTS.has(error.code ?? '') ? new Promise<never>(() => {}) : Promise.reject(error)),
  );
}

/** The next scanner-gun scan (a medical insurance e-voucher shown on the resident's phone). */
function scanOnce(devices: DeviceRegistry, timeoutMs: number): { promise: Promise<ScanReading>; cancel(): void } {
  let cancel = () => {};
  const promise = new Promise<ScanReading>((resolve) => {
    const onScan = (reading: ScanReading) => {
      cancel();
      resolve(reading);
    };
    const timer = setTimeout(() => cancel(), timeoutMs);
    cancel = () => {
      clearTimeout(timer);
      devices.off('scan', onScan);
    };
    devices.on('scan', onScan);
  });
  return { promise, cancel: () => cancel() };
}
