/**
 * The reception flow reading a social security card: the whole services (as
 * both transports reach them) with a private pcscd, Debian's vpcd virtual
 * reader and the emulated card (vicc), against the reference backend. The card
 * read on insertion reaches the screen as an event; the officer's read call
 * returns it; a case naming that reading is recorded as identified from the
 * social security card's chip ('ssc-chip'), and a fault reaches the screen as
 * its own code.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventName } from '../../contract/api';
import type { SocialSecurityCardReading } from '../../domain/social-security-card';
import { SAMPLE_OFFICERS } from '../../fixtures/backend/officers';
import { pcscStackMissing, startPcscHarness, type PcscHarness } from '../../fixtures/social-security-card/pcsc-harness';
import { sampleDraft } from '../../sync/testing/harness';
import { codeOf, servicesOnLoopback, type Call, type ServicesOnLoopback } from '../testing/loopback-services';

const officer = SAMPLE_OFFICERS[0]!;

describe.skipIf(pcscStackMissing())('reception: identifying the applicant by a social security card over PC/SC', () => {
  let pcsc: PcscHarness;
  let terminal: ServicesOnLoopback;
  const seen: Array<{ event: EventName; payload: unknown }> = [];
  const call: Call = (method, params) => terminal.call(method, params);

  beforeAll(async () => {
    pcsc = await startPcscHarness();
    terminal = await servicesOnLoopback({ prefix: 'ssc-reception-', env: { TERMINAL_SSC_READER: '1' } });
    terminal.services.events.connect((event, payload) => seen.push({ event, payload }));
  }, 30_000);

  afterAll(async () => {
    await terminal?.close();
    await pcsc?.close();
  });

  it('lists the reader, reads the inserted card, and records the case as identified from its chip', async () => {
    await call('officer.signIn', { account: officer.account, password: officer.password });
    expect(await call('devices.list')).toContainEqual(expect.objectContaining({ kind: 'social-security-card-reader', state: 'ready' }));
    // The reception screen owns the card readers, so the insertion's reading is addressed to it.
    await call('idCard.request', { requesterId: 'reception' });
    const pending = call('socialSecurityCard.read', { timeoutMs: 10_000 });
    await pcsc.insert('ssc');
    const reading = await pending;
    expect(reading.card).toEqual(pcsc.sample);
    expect(reading.readingId).toEqual(expect.any(String));
    // The insertion also reached the screen on its own, as the ID card's does.
    await expect.poll(() => seen.some(({ event }) => event === 'socialSecurityCard.cardRead'), { timeout: 5_000 }).toBe(true);
    const pushed = seen.find(({ event }) => event === 'socialSecurityCard.cardRead')!.payload as SocialSecurityCardReading & { requesterId: string };
    expect(pushed.card.socialSecurityNumber).toBe(pcsc.sample.socialSecurityNumber);
    expect(pushed.requesterId).toBe('reception');

    const { name, socialSecurityNumber: idNumber } = reading.card;
    const draft = sampleDraft(1);
    const form = { ...draft.form, name, idNumber, birthDate: '1990-01-01' };
    await expect.poll(async () => (await call('catalogue.list')).some((item) => item.id === draft.serviceItemId), { timeout: 15_000 }).toBe(true);
    const applicant = { cardType: 'resident' as const, name, idNumber, readingId: reading.readingId! };
    const shown = await call('forms.render', { ...draft, applicant, form });
    const record = await call('cases.create', { ...draft, applicant, form, formId: shown.formId });
    expect(record.identitySource).toBe('ssc-chip');

    // The same reading with another name typed over it is no longer the chip's.
    const other = await call('forms.render', { ...draft, applicant: { ...applicant, name: '王五' }, form: { ...form, name: '王五' } });
    const typed = await call('cases.create', { ...draft, applicant: { ...applicant, name: '王五' }, form: { ...form, name: '王五' }, formId: other.formId });
    expect(typed.identitySource).toBe('typed');
    await pcsc.remove();
  }, 60_000);

  it('answers a card pulled mid-read with its own code', async () => {
    await expect.poll(async () => (await call('socialSecurityCard.read', { timeoutMs: 300 }).catch((e: { code: string }) => e.code)), { timeout: 10_000 }).toBe('ssc-no-card');
    await pcsc.pullAfter(6);
    const pending = codeOf(call('socialSecurityCard.read', { timeoutMs: 10_000 }));
    await pcsc.insert('ssc');
    await expect(pending).resolves.toBe('ssc-card-removed');
    const messages = await call('app.messages');
    expect(messages['ssc-card-removed']?.['zh-CN']).toMatch(/拔出/);
  }, 30_000);
});
