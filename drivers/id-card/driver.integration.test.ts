/**
 * The driver over a socat pseudo-terminal pair through the real serialport
 * library, against the scriptable simulator.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CardReading } from '../../domain/identity-card';
import type { DeviceStatus } from '../../domain/device';
import { startIdCardReaderSimulator, type IdCardReaderSimulator } from '../../fixtures/id-card-reader/simulator';
import { sampleCards } from '../../fixtures/id-card-reader/sample-cards';
import { IdCardReaderDriver, type IdCardReaderOptions } from './driver';
import type { IdCardReaderError } from './errors';

let sim: IdCardReaderSimulator;
let driver: IdCardReaderDriver | null = null;
let reads: CardReading[];
let statuses: DeviceStatus[];

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

async function until(what: string, predicate: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(10);
  }
}

async function startDriver(options: Partial<IdCardReaderOptions> = {}): Promise<IdCardReaderDriver> {
  driver = new IdCardReaderDriver({ path: sim.devicePath, baudRate: 115200, pollIntervalMs: 30, reconnectIntervalMs: 100, ...options });
  driver.on('cardRead', (r) => reads.push(r));
  driver.on('status', (s) => statuses.push(s));
  await driver.start();
  return driver;
}

beforeEach(async () => {
  reads = [];
  statuses = [];
  sim = await startIdCardReaderSimulator();
});

afterEach(async () => {
  await driver?.stop();
  driver = null;
  await sim.close();
});

describe('ID card reader over a pseudo-terminal', () => {
  it('reads a resident card placed on the reader', async () => {
    const d = await startDriver();
    expect(d.status()).toMatchObject({ kind: 'id-card-reader', state: 'ready' });
    sim.placeCard(sampleCards.resident);
    await until('a card', () => reads.length > 0);
    expect(reads[0]!.card).toEqual(sampleCards.resident);
    expect(reads[0]!.warnings).toEqual([]);
  });

  it('emits exactly one cardRead while the card stays on the reader, and again after it is put back', async () => {
    await startDriver();
    sim.placeCard(sampleCards.resident);
    await until('a card', () => reads.length > 0);
    const findsBefore = sim.received.filter((c) => c.name === 'findCard').length;
    await until('ten more polls', () => sim.received.filter((c) => c.name === 'findCard').length >= findsBefore + 10);
    expect(reads).toHaveLength(1);
    sim.removeCard();
    await until('the removal to be seen', () => sim.received.filter((c) => c.name === 'findCard').length >= findsBefore + 14);
    sim.placeCard(sampleCards.resident);
    await until('a second card', () => reads.length > 1);
    expect(reads).toHaveLength(2);
  });

  it('readOnce rejects with id-card-no-card when nothing is placed', async () => {
    const d = await startDriver();
    await expect(d.readOnce(300)).rejects.toMatchObject({ code: 'id-card-no-card' } satisfies Partial<IdCardReaderError>);
  });
});
