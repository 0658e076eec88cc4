/**
 * The driver against a real PC/SC stack: a private pcscd with Debian's vpcd
 * virtual reader and an emulated card in vicc (fixtures/social-security-card),
 * so every APDU goes through the smartcard binding, libpcsclite, the daemon
 * and the reader driver. One harness for the file (see pcsc-harness.ts), so
 * the cases run in order.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pcscStackMissing, startPcscHarness, type PcscHarness } from '../../fixtures/social-security-card/pcsc-harness';
import { SocialSecurityCardReaderDriver } from './driver';
import { SOCIAL_SECURITY_CARD_MESSAGES } from './messages';
import type { SocialSecurityCardError } from './errors';

const missing = pcscStackMissing();

describe.skipIf(missing)('social security card reader over PC/SC (pcscd + vpcd + vicc)', () => {
  let pcsc: PcscHarness;
  let driver: SocialSecurityCardReaderDriver;

  beforeAll(async () => {
    pcsc = await startPcscHarness();
    driver = new SocialSecurityCardReaderDriver({ pollIntervalMs: 100 });
    await driver.start();
  }, 30_000);

  afterAll(async () => {
    await driver?.stop();
    await pcsc?.close();
  });

  /** Takes the card out and waits until the driver has seen it go (pcscd polls the reader). */
  const takeOut = async () => {
    await pcsc.remove();
    await expect.poll(() => driver.cardInReader, { timeout: 10_000 }).toBe(false);
  };

  const failure = (promise: Promise<unknown>) =>
    promise.then(
      () => {
        throw new Error('the read succeeded');
      },
      (err: SocialSecurityCardError) => err,
    );

  it('finds the virtual reader and reads the card inserted while it waits', async () => {
    expect(driver.status()).toMatchObject({ state: 'ready', kind: 'social-security-card-reader' });
    const reading = driver.readOnce(10_000);
    await pcsc.insert('ssc');
    const { card, warnings } = await reading;
    expect(card).toEqual(pcsc.sample);
    expect(warnings).toEqual([]);
    await takeOut();
  });

  it('says the card was pulled out when it leaves the reader mid-read', async () => {
    await pcsc.pullAfter(4);
    const reading = failure(driver.readOnce(10_000));
    await pcsc.insert('ssc');
    const error = await reading;
    expect(error.code, error.detail).toBe('ssc-card-removed');
    expect(SOCIAL_SECURITY_CARD_MESSAGES[error.code]['zh-CN']).toMatch(/拔出/);
    // The next insertion reads in full.
    await expect.poll(() => driver.cardInReader, { timeout: 10_000 }).toBe(false);
    const again = driver.readOnce(10_000);
    await pcsc.insert('ssc');
    expect((await again).card.cardNumber).toBe(pcsc.sample.cardNumber);
    await takeOut();
  });

  it('tells a card without the social security application from a social security card', async () => {
    const reading = failure(driver.readOnce(10_000));
    await pcsc.insert('bank');
    expect((await reading).code).toBe('ssc-not-social-security-card');
    await takeOut();
  });

  it('answers a request made after a wrong card was already read with what is wrong, not a timeout', async () => {
    const failed = new Promise<SocialSecurityCardError>((resolve) => {
      const seen = (error: SocialSecurityCardError): void => {
        driver.off('readFailed', seen);
        resolve(error);
      };
      driver.on('readFailed', seen);
    });
    await pcsc.insert('bank');
    expect((await failed).code).toBe('ssc-not-social-security-card');
    expect((await failure(driver.readOnce(2_000))).code).toBe('ssc-not-social-security-card');
    await takeOut();
  });

  it('refuses a card whose data breaks the specification, naming the field in the log detail', async () => {
    const reading = failure(driver.readOnce(10_000));
    await pcsc.insert('malformed');
    const error = await reading;
    expect(error.code).toBe('ssc-data-invalid');
    expect(error.detail).toMatch(/valid to/);
    await takeOut();
  });

  it('says the reader was removed, and reads again once it is back', async () => {
    await pcsc.removeReader();
    // The status bar hears of it without a read being asked for.
    await expect.poll(() => driver.status().problem, { timeout: 10_000 }).toBe('ssc-reader-removed');
    const error = await failure(driver.readOnce(5_000));
    expect(error.code).toBe('ssc-reader-removed');
    expect(driver.status()).toMatchObject({ state: 'disconnected', problem: 'ssc-reader-removed' });
    await pcsc.restoreReader();
    await expect.poll(() => driver.status().state, { timeout: 10_000 }).toBe('ready');
    const reading = driver.readOnce(10_000);
    await pcsc.insert('ssc');
    expect((await reading).card.name).toBe('李春燕');
    await takeOut();
  });

  it('says the smart card service is not running when pcscd is down', async () => {
    await pcsc.stopPcscd();
    await expect.poll(() => driver.status().problem, { timeout: 10_000 }).toBe('ssc-pcsc-unavailable');
    const error = await failure(driver.readOnce(5_000));
    expect(error.code).toBe('ssc-pcsc-unavailable');
    expect(driver.status().state).toBe('absent');
  });
});
