/**
 * Remote card read (二次读卡): only when the officer asks (command `card.read`)
 * does the terminal guide the resident to place a card (ID card, foreign
 * permanent resident card, residence permit) or scan the medical insurance
 * e-voucher, and send that one reading back in the command's answer. The
 * photo bytes go only when the officer's request asks for them.
 */
import { z } from 'zod';
import type { CardReading } from '../../domain/identity-card';
import type { KioskPrompt } from '../../domain/kiosk-session';
import type { ScanReading } from '../../domain/scan-payload';
import type { DeviceRegistry } from '../../drivers/registry';
import type { CentreChannel } from '../../sync/centre-channel/centre-channel';
import { TerminalError } from '../../contract/errors';

const requestSchema = z.object({ timeoutMs: z.number().int().min(1_000).max(120_000).optional(), includePhoto: z.boolean().optional() }).strict();

export type RemoteReading =
  | { source: 'id-card'; reading: CardReading; photoIncluded: boolean }
  | { source: 'scanner-gun'; scan: ScanReading };

export function handleRemoteCardRead(channel: CentreChannel, devices: DeviceRegistry, prompt: (next: KioskPrompt) => void): void {
  channel.handle('card.read', async (payload, command) => {
    const parsed = requestSchema.safeParse(payload ?? {});
    if (!parsed.success) throw new TerminalError('card-read-request-invalid', parsed.error.message.slice(0, 300));
    const timeoutMs = parsed.data.timeoutMs ?? 60_000;
    prompt({ kind: 'card-read', commandId: command.id });
    const scan = scanOnce(devices, timeoutMs);
    try {
      const result = await Promise.race([
        devices.readIdCard(timeoutMs).then((reading): RemoteReading => {
          const photoIncluded = parsed.data.includePhoto === true;
          return { source: 'id-card', reading: photoIncluded ? reading : { ...reading, card: { ...reading.card, photo: '' } }, photoIncluded };
        }),
        scan.promise.then((reading): RemoteReading => ({ source: 'scanner-gun', scan: reading })),
      ]);
      return result;
    } finally {
      scan.cancel();
      prompt({ kind: 'none' });
    }
  });
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
