/**
 * Every certificate number is issued in a case: the whole services against
 * the reference backend and an IPP printer. A first print without a case is
 * refused; one under the couple's registry case is linked to it, the reprint
 * of a spoiled booklet stays in the spoiled number's case, and the backend
 * holds each number once, linked to that case.
 */
import type { CallInput, CallName, CallOutput } from '../../contract/api';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { certificateMedia } from '../../drivers/printer/media';
import certificateLayout from '../../documents/layouts/marriage-certificate.json' with { type: 'json' };
import { beijingDate } from '../../domain/legal-date';
import { silentLogger } from '../../domain/logger';
import { SAMPLE_OFFICERS } from '../../fixtures/backend/officers';
import { startReferenceBackend, type ReferenceBackend } from '../../fixtures/backend/server';
import { startIppEvePrinter, type RunningIppEvePrinter } from '../../fixtures/printer/ippeveprinter';
import { zhouJie } from '../../fixtures/registry/sample-parties';
import { sampleDraft, tempDir } from '../../sync/testing/harness';
import { loadConfig } from '../../main/shared/config';
import { createTerminalServices, type TerminalServices } from '../create-services';

const officer = SAMPLE_OFFICERS[0]!;
const marriage = {
  registeredOn: beijingDate(),
  parties: [
    { name: '王芳', sex: '女', nationality: '中国', birthDate: '1995-04-12', idNumber: '310104199504120027' },
    { name: '陈刚', sex: '男', nationality: '中国', birthDate: '1993-08-30', idNumber: '310105199308300014' },
  ],
};

describe('issuing a certificate', () => {
  const dir = tempDir('issue-certificate-');
  let backend: ReferenceBackend;
  let printer: RunningIppEvePrinter;
  let services: TerminalServices;
  let printerId: string;

  async function call<K extends CallName>(method: K, params?: CallInput<K>): Promise<CallOutput<K>> {
    const reply = await services.dispatch(method, params);
    if (!reply.ok) throw Object.assign(new Error(reply.error.message), reply.error);
    return reply.result as CallOutput<K>;
  }
  async function until<T>(probe: () => T | undefined | false | Promise<T | undefined | false>, what: string): Promise<T> {
    for (let attempt = 0; attempt < 1500; attempt += 1) {
      const value = await probe();
      if (value !== undefined && value !== false) return value;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error(`timed out waiting for ${what}`);
  }
  const codeOf = (promise: Promise<unknown>) => promise.then(() => 'resolved', (error: { code?: string }) => error.code);

  beforeAll(async () => {
    backend = await startReferenceBackend({ dataDir: join(dir.path, 'backend'), port: 0 });
    printer = await startIppEvePrinter({ name: 'certificate-printer', media: ['iso_a4_210x297mm', certificateMedia(certificateLayout.page.width, certificateLayout.page.height).name] });
    const config = loadConfig({ TERMINAL_DATA_DIR: join(dir.path, 'terminal'), TERMINAL_BACKEND_URL: backend.url, TERMINAL_PRINTER_URI: printer.uri });
    printerId = config.printers[0]!.id;
    services = await createTerminalServices(config, silentLogger, '0.0.0-test');
    await call('officer.signIn', { account: officer.account, password: officer.password });
  });

  afterAll(async () => {
    await services?.close();
    await printer?.stop();
    await backend?.close();
    dir.remove();
  });

  it("links each number to the couple's case, here and at the backend, exactly once; a reprint stays in the spoiled number's case", async () => {
    const review = await call('registry.review', { business: 'marriage', parties: marriage.parties.map(({ idNumber, name }) => ({ idNumber, name })) });
    // No case, no number: the desk opens the couple's registration first.
    await expect(codeOf(call('certificates.print', { type: 'J', printerId, data: marriage, reviewId: review.id }))).resolves.toBe('certificate-case-required');
    const opened = await call('registryCase.open', { business: 'marriage', parties: marriage.parties, reviewId: review.id });
    const first = await call('certificates.print', { type: 'J', printerId, data: marriage, reviewId: review.id, caseId: opened.id });
    expect(first.caseId).toBe(opened.id);

    // The reprint names no case: it stays in the spoiled number's.
    const reprinted = await call('certificates.reprint', { type: 'J', printerId, data: marriage, reviewId: review.id, spoiledNumber: first.number, reason: 'spoiled' });
    expect(reprinted).toMatchObject({ voided: first.number, caseId: opened.id });
    expect(reprinted.number).not.toBe(first.number);
    expect((await call('registryCase.get', { caseId: opened.id })).certificateNumbers).toEqual([reprinted.number]);

    await until(() => backend.certificateNumbers().filter((entry) => entry.number === first.number || entry.number === reprinted.number).length === 2, 'numbers at the backend');
    await until(() => backend.certificateNumbers().find((entry) => entry.number === first.number)?.state === 'void', 'void at the backend');
    const held = backend.certificateNumbers().filter((entry) => entry.number === first.number || entry.number === reprinted.number);
    expect(held.map(({ number, state, caseId }) => ({ number, state, caseId }))).toEqual([
      { number: first.number, state: 'void', caseId: opened.id },
      { number: reprinted.number, state: 'issued', caseId: opened.id },
    ]);
    expect(backend.arrivals().filter((arrival) => arrival.kind === 'certificate-issued' && arrival.refId === reprinted.number && arrival.status === 'applied')).toHaveLength(1);
  });

  it('refuses a case this terminal does not hold, and a reprint moved to another case', async () => {
    await expect(codeOf(call('certificates.print', { type: 'BJ', printerId, data: marriage, caseId: '00000000-0000-4000-8000-000000000000' }))).resolves.toBe('certificate-case-unknown');
    await until(async () => (await call('catalogue.list')).some((item) => item.id === sampleDraft(3).serviceItemId), 'catalogue');
    // A case this terminal stored (a reception case) is a case too.
    const stored = await call('cases.create', sampleDraft(3));
    // A replacement re-issues the original registration the centre finds (registry/registration-records.ts).
    const original = await call('registry.findOriginalRegistration', { type: 'BJ', idNumber: zhouJie.idNumber, name: zhouJie.name });
    const replacement = { type: 'BJ' as const, printerId, data: { registeredOn: original.registeredOn, parties: original.parties, remarks: original.remarks }, originalNumber: original.record.number! };
    const opened = await call('registryCase.open', { business: 'marriage-replacement', parties: [original.parties[0]!] });
    const printed = await call('certificates.print', { ...replacement, caseId: opened.id });
    await expect(codeOf(call('certificates.reprint', { ...replacement, caseId: stored.id, spoiledNumber: printed.number, reason: 'spoiled' }))).resolves.toBe('certificate-case-mismatch');
    const other = await call('certificates.print', { ...replacement, caseId: stored.id });
    expect(other.caseId).toBe(stored.id);
  });
});
