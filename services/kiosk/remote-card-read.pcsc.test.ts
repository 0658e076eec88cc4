/**
 * Remote card read (二次读卡) with a social security card: the kiosk's handler
 * over the real device registry, whose social security card reader talks to a
 * private pcscd with the vpcd virtual reader and the emulated card (vicc). The
 * centre channel is stood in for by its command table (the channel's own
 * delivery is tested with it).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KioskPrompt } from '../../domain/kiosk-session';
import { silentLogger } from '../../domain/logger';
import { DeviceRegistry } from '../../drivers/registry';
import { pcscStackMissing, startPcscHarness, type PcscHarness } from '../../fixtures/social-security-card/pcsc-harness';
import type { CentreChannel } from '../../sync/centre-channel/centre-channel';
import { handleRemoteCardRead, type RemoteReading } from './remote-card-read';

type Handler = (payload: unknown, command: { id: string }) => Promise<unknown>;

describe.skipIf(pcscStackMissing())('remote card read with a social security card over PC/SC', () => {
  let pcsc: PcscHarness;
  let devices: DeviceRegistry;
  const handlers = new Map<string, Handler>();
  const prompts: KioskPrompt[] = [];

  beforeAll(async () => {
    pcsc = await startPcscHarness();
    devices = new DeviceRegistry({ socialSecurityCardReader: { pollIntervalMs: 100 } }, silentLogger);
    await devices.start();
    const channel = { handle: (name: string, handler: Handler) => handlers.set(name, handler) } as unknown as CentreChannel;
    handleRemoteCardRead(channel, devices, (prompt) => prompts.push(prompt));
  }, 30_000);

  afterAll(async () => {
    await devices?.stop();
    await pcsc?.close();
  });

  it('guides the resident, and answers the officer with the card inserted', async () => {
    const answer = handlers.get('card.read')!({ timeoutMs: 10_000 }, { id: 'cmd-1' }) as Promise<RemoteReading>;
    expect(prompts.at(-1)).toEqual({ kind: 'card-read', commandId: 'cmd-1' });
    await pcsc.insert('ssc');
    const reading = await answer;
    expect(reading.source).toBe('social-security-card');
    expect(reading.source === 'social-security-card' && reading.reading.card).toEqual(pcsc.sample);
    expect(prompts.at(-1)).toEqual({ kind: 'none' });
    await pcsc.remove();
  });

  it("answers with the card's own fault when it is not a social security card", async () => {
    // The previous card must be seen gone first, or its reading (still cached) would answer.
    await expect.poll(() => devices.readSocialSecurityCard(300).then(() => 'card', (e: { code: string }) => e.code), { timeout: 10_000 }).toBe('ssc-no-card');
    const answer = handlers.get('card.read')!({ timeoutMs: 10_000 }, { id: 'cmd-2' });
    await pcsc.insert('bank');
    await expect(answer).rejects.toMatchObject({ code: 'ssc-not-social-security-card' });
    await pcsc.remove();
  });
});
