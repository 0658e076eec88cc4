/**
 * Every officer action is attributed: the whole services (as both transports
 * reach them) of a reception window and of a registry desk (each profile
 * answers only its own screens' calls) against the reference backend and an
 * IPP printer. Nothing
 * officer-only runs before sign-in; the case, the certificate number taken
 * for it, each print, the void of a spoiled booklet and the correction of a
 * refused case all carry the signed-in officer's id, in the case record and
 * in the hash-chained audit log; what the sync loops do on their own does not.
 */
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { certificateMedia } from '../drivers/printer/media';
import certificateLayout from '../documents/layouts/marriage-certificate.json' with { type: 'json' };
import { beijingDate } from '../domain/legal-date';
import { SAMPLE_OFFICERS } from '../fixtures/backend/officers';
import { startIppEvePrinter, type RunningIppEvePrinter } from '../fixtures/printer/ippeveprinter';
import { sampleDraft } from '../sync/testing/harness';
import { codeOf, startLoopbackBackend, startServices, until, type Call, type LoopbackBackend, type RunningServices } from './testing/loopback-services';

const officer = SAMPLE_OFFICERS[0]!;
const marriage = {
  registeredOn: beijingDate(),
  parties: [
    { name: '张伟', sex: '男', nationality: '中国', birthDate: '1994-03-15', idNumber: '310104199403152316' },
    { name: '李娜', sex: '女', nationality: '中国', birthDate: '1996-11-02', idNumber: '31010519961102002X' },
  ],
};

describe('accountable work', () => {
  let peer: LoopbackBackend;
  let printer: RunningIppEvePrinter;
  let reception: RunningServices;
  let desk: RunningServices;
  let printerId: string;

  /** A call at the reception window. */
  const call: Call = (method, params) => reception.call(method, params);
  /** A call at the registry desk (certificates are issued only there). */
  const deskCall: Call = (method, params) => desk.call(method, params);

  beforeAll(async () => {
    peer = await startLoopbackBackend('accountable-');
    printer = await startIppEvePrinter({ name: 'counter-printer', media: ['iso_a4_210x297mm', certificateMedia(certificateLayout.page.width, certificateLayout.page.height).name] });
    reception = await startServices({ TERMINAL_DATA_DIR: join(peer.dir, 'terminal'), TERMINAL_BACKEND_URL: peer.backend.url, TERMINAL_PRINTER_URI: printer.uri });
    printerId = reception.config.printers[0]!.id;
    desk = await startServices({ TERMINAL_DATA_DIR: join(peer.dir, 'desk'), TERMINAL_BACKEND_URL: peer.backend.url, TERMINAL_PRINTER_URI: printer.uri, TERMINAL_PROFILE: 'registry-desk' });
  });

  afterAll(async () => {
    await reception?.close();
    await desk?.close();
    await printer?.stop();
    await peer?.close();
  });

  it('prints a certificate only through the certificate call, and only on a configured printer', async () => {
    await deskCall('officer.signIn', { account: officer.account, password: officer.password });
    await expect(codeOf(deskCall('print.submit', { printerId, kind: 'marriage-certificate', data: { ...marriage, number: 'J310104-2026-999999' } }))).resolves.toBe('print-certificate-through-desk');
    const stranger = 'ipp:ipp://127.0.0.1:9/ipp/print';
    await expect(codeOf(deskCall('print.submit', { printerId: stranger, kind: 'marriage-declaration', data: { parties: marriage.parties, date: marriage.registeredOn } }))).resolves.toBe('printer-not-configured');
    await expect(codeOf(deskCall('certificates.print', { type: 'J', printerId: stranger, data: marriage }))).resolves.toBe('printer-not-configured');
    await expect(codeOf(deskCall('print.retry', { jobId: 'none', printerId: stranger }))).resolves.toBe('printer-not-configured');
    expect(await printer.spooledPdfs()).toEqual([]);
    await deskCall('officer.signOut');
  });

  it('binds each signature to exactly the bytes the resident was shown, and archives those bytes', async () => {
    await call('officer.signIn', { account: officer.account, password: officer.password });
    const points = Array.from({ length: 12 }, (_, i) => ({ x: 0.1 + i * 0.05, y: i % 2 ? 0.3 : 0.6, pressure: 0.5, t: i * 10 }));
    const draft = { ...sampleDraft(7), signatures: { applicant: { points } } };
    await until(async () => (await call('catalogue.list')).some((candidate) => candidate.id === draft.serviceItemId), 'catalogue');
    await expect(codeOf(call('cases.create', draft))).resolves.toBe('form-not-shown');
    const shown = await call('forms.render', draft);
    const shownBytes = Buffer.from(shown.pdf, 'base64');
    // The case must be the one on the form: a value changed after the resident looked is refused.
    await expect(codeOf(call('cases.create', { ...draft, form: { ...draft.form, address: '别处' }, formId: shown.formId }))).resolves.toBe('form-changed-since-shown');
    // The reception window prints forms only as held (forms.print); the generic print call is the desk's, which refuses the kind too.
    await expect(codeOf(call('print.submit', { printerId, kind: 'application-form', data: {} }))).resolves.toBe('call-outside-profile');
    await deskCall('officer.signIn', { account: officer.account, password: officer.password });
    await expect(codeOf(deskCall('print.submit', { printerId, kind: 'application-form', data: {} }))).resolves.toBe('print-held-form-only');
    await deskCall('officer.signOut');
    // A reading id the services never issued does not make the identity a chip's: typed.
    const record = await call('cases.create', { ...draft, applicant: { ...draft.applicant, readingId: 'made-up' }, formId: shown.formId });
    expect(record.identitySource).toBe('typed');
    expect(record.signatureBindings?.applicant?.contentSm3).toBe(createHash('sm3').update(shownBytes).digest('hex'));
    const upload = await until(async () => peer.backend.uploads().find((entry) => entry.caseId === record.id && entry.completed), 'archived form');
    expect(readFileSync(join(peer.dir, 'backend', 'uploads', `${upload.id}.part`)).equals(shownBytes)).toBe(true);
    // Held forms are used once: the same form cannot sign a second case.
    await expect(codeOf(call('cases.create', { ...draft, formId: shown.formId }))).resolves.toBe('form-not-held');
    await call('officer.signOut');
  });

  it('refuses officer-only calls before sign-in, then attributes the case, the number, the prints, the void and the correction', async () => {
    await expect(codeOf(call('cases.create', sampleDraft(1)))).resolves.toBe('officer-not-signed-in');
    await expect(codeOf(deskCall('certificates.print', { type: 'J', printerId, data: marriage }))).resolves.toBe('officer-not-signed-in');
    await expect(call('app.info')).resolves.toMatchObject({ version: '0.0.0-test' });

    // The centre changes the form after this terminal pulled it: the case will be refused and corrected.
    await call('officer.signIn', { account: officer.account, password: officer.password });
    const item = await until(async () => (await call('catalogue.list')).find((candidate) => candidate.id === 'meal-assistance'), 'catalogue');
    peer.backend.upsertServiceItem({ ...item, revision: item.revision + 1, formSchema: [...item.formSchema, { key: 'diet', label: '饮食禁忌', type: 'text', required: true }] });

    const record = await call('cases.create', sampleDraft(1));
    expect(record.officerId).toBe(officer.id);
    // The certificate at the registry desk, within the couple's registration case there.
    await deskCall('officer.signIn', { account: officer.account, password: officer.password });
    const review = await deskCall('registry.review', { business: 'marriage', parties: marriage.parties.map(({ idNumber, name }) => ({ idNumber, name })) });
    const registration = await deskCall('registryCase.open', { business: 'marriage', parties: marriage.parties, reviewId: review.id });
    const printed = await deskCall('certificates.print', { type: 'J', printerId, data: marriage, caseId: registration.id, reviewId: review.id });
    const reprinted = await deskCall('certificates.reprint', { type: 'J', printerId, data: marriage, caseId: registration.id, reviewId: review.id, spoiledNumber: printed.number, reason: 'spoiled' });
    expect(reprinted.voided).toBe(printed.number);

    const refused = await until(async () => (await call('sync.screen')).items.find((entry) => entry.state === 'dead-letter'), 'refusal');
    await until(async () => (await call('catalogue.list')).some((candidate) => candidate.formSchema.some((field) => field.key === 'diet')), 'new form');
    await call('sync.retryDeadLetter', { seq: refused.seq, form: { ...sampleDraft(1).form, diet: '无' } });
    await until(async () => (await call('cases.list')).some((entry) => entry.id === record.id && entry.syncState === 'synced'), 'corrected case delivered');
    expect(peer.backend.cases()).toContainEqual(expect.objectContaining({ id: record.id }));
    await reception.close();
    await desk.close();

    const auditOf = (terminal: string) => {
      const db = new Database(join(peer.dir, terminal, 'terminal.sqlite'), { readonly: true });
      const rows = (db.prepare('SELECT action, subject, details FROM audit_log ORDER BY id').all() as { action: string; subject: string; details: string }[]).map((row) => ({
        ...row,
        details: JSON.parse(row.details) as Record<string, unknown>,
      }));
      db.close();
      return rows;
    };
    const entries = [...auditOf('terminal'), ...auditOf('desk')];
    // Only what happened to this test's cases (an earlier test left some of its own).
    const mine = new Set([record.id, registration.id, printed.number, reprinted.number]);
    const by = (action: string) =>
      entries.filter((entry) => entry.action === action && (mine.has(entry.subject) || mine.has(entry.details.caseId as string) || entry.action === 'terminal.registered'));
    expect(by('case.created')).toEqual([expect.objectContaining({ subject: record.id, details: expect.objectContaining({ officerId: officer.id }) })]);
    expect(by('certificate-number.taken').map((entry) => entry.details)).toEqual([
      expect.objectContaining({ officerId: officer.id, caseId: registration.id }),
      expect.objectContaining({ officerId: officer.id, caseId: registration.id }),
    ]);
    expect(by('certificate-number.voided')).toEqual([expect.objectContaining({ subject: printed.number, details: expect.objectContaining({ officerId: officer.id }) })]);
    expect(by('document.printed').map((entry) => entry.details)).toEqual([
      expect.objectContaining({ officerId: officer.id, number: printed.number, caseId: registration.id, printerId }),
      expect.objectContaining({ officerId: officer.id, number: reprinted.number, caseId: registration.id, printerId }),
    ]);
    expect(by('outbox.retried')).toEqual([expect.objectContaining({ subject: record.id, details: expect.objectContaining({ officerId: officer.id, patched: true }) })]);
    // The loops act as the terminal, not as whoever happened to be signed in.
    for (const entry of [...by('outbox.dead-lettered'), ...by('case.synced'), ...by('terminal.registered')]) expect(entry.details.officerId).toBeUndefined();
    expect(by('case.synced')).toHaveLength(1);
    expect(by('outbox.dead-lettered')).toHaveLength(1);
  });
});
