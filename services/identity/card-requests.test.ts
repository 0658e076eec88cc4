/**
 * A card read belongs to the screen that asked for it: the composed services
 * of a registry desk with the simulated reader on a pseudo-terminal pair. A
 * card read while the certificate desk owns the reader reaches the desk's
 * subscription and never the appointment list's (whose handler would check a
 * couple in); once the list asks, the next card is its own, and a screen
 * closing late does not take the reader from the one now asking. (A screen of
 * another profile cannot ask at all: services/scope/profile-scope.test.ts.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallInput, EventPayload } from '../../contract/api';
import { cardReadsFor, type CardReadSubscribe } from '../../contract/card-reads';
import { sampleCards } from '../../fixtures/id-card-reader/sample-cards';
import { startIdCardReaderSimulator, type IdCardReaderSimulator } from '../../fixtures/id-card-reader/simulator';
import { servicesOnLoopback, until, type Call, type ServicesOnLoopback } from '../testing/loopback-services';

type Reading = EventPayload<'idCard.cardRead'>;

describe('card read requests', () => {
  let terminal: ServicesOnLoopback;
  let reader: IdCardReaderSimulator;
  const call: Call = (method, params) => terminal.call(method, params);

  /** What a screen's subscription sees, through the same filter the renderer uses. */
  const subscribe: CardReadSubscribe = (event, listener) => terminal.services.events.connect((name, payload) => name === event && listener(payload as never));

  beforeAll(async () => {
    reader = await startIdCardReaderSimulator();
    terminal = await servicesOnLoopback({ prefix: 'card-requests-', env: { TERMINAL_ID_CARD_PORT: reader.devicePath, TERMINAL_PROFILE: 'registry-desk' } });
    await terminal.signIn();
  });

  afterAll(async () => {
    await terminal?.close();
    await reader?.close();
  });

  it("delivers a reading only to the screen that asked: the certificate desk's read never reaches the appointment list", async () => {
    const registry: Reading[] = [];
    const certificate: Reading[] = [];
    const all: Reading[] = [];
    cardReadsFor('idCard.cardRead', 'registry', subscribe, (reading) => registry.push(reading));
    cardReadsFor('idCard.cardRead', 'certificate', subscribe, (reading) => certificate.push(reading));
    terminal.services.events.connect((name, payload) => name === 'idCard.cardRead' && all.push(payload as Reading));

    await call('idCard.request', { requesterId: 'certificate' });
    reader.placeCard(sampleCards.resident);
    await until(() => certificate.length === 1, 'the desk reads the card');
    // Delivered in the same fan-out: had the appointment list been sent it, it would be here already.
    expect(all.map((reading) => reading.requesterId)).toEqual(['certificate']);
    expect(registry).toEqual([]);
    expect(certificate[0]!.card.idNumber).toBe(sampleCards.resident.idNumber);

    reader.removeCard();
    await call('idCard.request', { requesterId: 'registry' });
    // The certificate desk closing after the appointment list asked does not take the reader from it.
    await call('idCard.release', { requesterId: 'certificate' });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    reader.placeCard(sampleCards.residentLongTerm);
    await until(() => registry.length === 1, 'the appointment list reads the next card');
    expect(registry[0]!.card.idNumber).toBe(sampleCards.residentLongTerm.idNumber);
    expect(certificate).toHaveLength(1);
    expect(all.map((reading) => reading.requesterId)).toEqual(['certificate', 'registry']);
  });

  it('refuses a requester that is not one of the screens', async () => {
    const reply = await terminal.services.dispatch('idCard.request', { requesterId: 'anyone' } as unknown as CallInput<'idCard.request'>);
    expect(reply).toMatchObject({ ok: false });
  });
});
