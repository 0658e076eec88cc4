/**
 * Divorce applications across registries against the reference backend on
 * loopback (every request and answer checked against openapi.yaml): found by
 * the parties' ID numbers when received at another registry, registered only
 * inside the window, withdrawn by either party only within the cooling-off
 * period, with what the centre holds read back from its admin view.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { DocumentEngine } from '../../documents';
import { openDocumentEngine } from '../../documents/node';
import { beijingDate } from '../../domain/legal-date';
import { fengJun, jiangMei, printedParty, qianJia, sunLi, zhaoLei, zhengHao } from '../../fixtures/registry/sample-parties';
import { createSyncService } from '../../sync';
import { FAST_SYNC } from '../../sync/testing/harness';
import { TerminalError } from '../../contract/errors';
import { askCentre } from './centre-call';
import { OFFICER_MESSAGES } from '../officer-messages';
import { registryDesksOnLoopback, testRegistryDesk } from '../testing/registry-on-loopback';

const startDesk = registryDesksOnLoopback();
let engine: Promise<DocumentEngine> | undefined;

interface Printed {
  kind: string;
  data: unknown;
  text: string;
}

/** The printer refuses the next `n` jobs (out of paper, offline) after the document has rendered. */
const printer = { failNext: 0 };

async function start(registryCode = '310104') {
  const printed: Printed[] = [];
  engine ??= openDocumentEngine();
  printer.failNext = 0;
  const { desk, backend, sync, dir } = await startDesk((pair) => ({
    registryCode,
    printDocument: async (_printerId, kind, data) => {
      // The real document engine renders what would print; its text is read back with pdftotext.
      const rendered = await (await engine!).render(kind, data);
      if (printer.failNext > 0) {
        printer.failNext -= 1;
        throw new TerminalError('printer-offline', 'the printer does not answer');
      }
      const file = join(pair.dir, `${printed.length}-${kind}.pdf`);
      writeFileSync(file, rendered.pdf);
      printed.push({ kind, data, text: execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '') });
      return { id: `job-${printed.length}`, state: 'completed' } as never;
    },
  }));
  return { desk, printed, backend, sync, dir };
}

async function held(url: string): Promise<{ id: string; state: string; parties: { idNumber: string }[]; withdrawnBy?: string; registeredOn?: string; terminalId: string }[]> {
  return ((await (await fetch(`${url}/admin/registry/divorce-applications`)).json()) as { applications: never[] }).applications;
}
const ofCouple = (applications: Awaited<ReturnType<typeof held>>, idNumber: string) => applications.filter((entry) => entry.parties.some((party) => party.idNumber === idNumber));

const certificate = (registeredOn: string, cards: { idNumber: string }[]) => ({ registeredOn, parties: cards.map((card) => ({ idNumber: card.idNumber })) });

describe('divorce applications through the centre', () => {
  it('finds an application received at another registry and registers it inside the window, once at the centre', async () => {
    const { desk, backend, sync } = await start();
    const found = await desk.handlers['registry.findDivorceApplications']({ idNumbers: [sunLi.idNumber, zhaoLei.idNumber] });
    const today = beijingDate(sync.serverNow());
    expect(found.today).toBe(today);
    expect(found.applications).toHaveLength(1);
    const [application] = found.applications;
    expect(application).toMatchObject({ verdict: 'within-window', registry: '上海市黄浦区民政局', application: { state: 'received', registryCode: '310101' } });
    expect(application!.application.terminalId).not.toBe(sync.terminalId());

    const request = { type: 'L' as const, data: certificate(today, [zhaoLei, sunLi]), divorceApplicationId: application!.application.id };
    await desk.guardCertificate(request);
    // A spoiled booklet printed again: the same registration, not a refusal and not a second one.
    await desk.guardCertificate(request);
    const after = ofCouple(await held(backend.url), zhaoLei.idNumber);
    expect(after).toEqual([expect.objectContaining({ state: 'registered', registeredOn: today })]);
    expect(sync.audit().entries().filter((entry) => entry.action === 'registry.divorce-registered')).toHaveLength(2);
  });

  it('reprints a spoiled L after a restart of the services as the same registration, not refused as already registered', async () => {
    const { desk: before, backend, sync, dir } = await start();
    const [found] = (await before.handlers['registry.findDivorceApplications']({ idNumbers: [sunLi.idNumber, zhaoLei.idNumber] })).applications;
    const today = beijingDate(sync.serverNow());
    const request = { type: 'L' as const, data: certificate(today, [zhaoLei, sunLi]), divorceApplicationId: found!.application.id };
    await before.guardCertificate(request);
    before.close();
    // The services restart: a new terminal store process on the same data, a desk with nothing in memory.
    await sync.stop();
    const restarted = createSyncService({ dataDir: join(dir, 'terminal'), backendUrl: backend.url, ...FAST_SYNC });
    await restarted.start();
    const after = testRegistryDesk(restarted);
    // The recovery reads the application's own audit entries (an index), never a walk of the whole chain.
    const walk = vi.spyOn(restarted.audit(), 'entries');
    try {
      // The screen still shows the application: the reprint of the spoiled booklet finds it again at the centre.
      await after.guardCertificate(request);
      // Looked up again by the registrar (now registered), the reprint is the same registration too.
      const [again] = (await after.handlers['registry.findDivorceApplications']({ idNumbers: [sunLi.idNumber, zhaoLei.idNumber] })).applications;
      expect(again!.application.state).toBe('registered');
      await after.guardCertificate(request);
      expect(ofCouple(await held(backend.url), zhaoLei.idNumber)).toEqual([expect.objectContaining({ state: 'registered', registeredOn: today })]);
      expect(walk).not.toHaveBeenCalled();
      walk.mockRestore();
      const registered = restarted.audit().entries().filter((entry) => entry.action === 'registry.divorce-registered');
      expect(new Set(registered.map((entry) => entry.details.registrationId)).size).toBe(1);
      expect(registered).toHaveLength(3);
    } finally {
      after.close();
      await restarted.stop();
    }
  });

  it('refuses a registration outside the window with the dates, and one for other parties or without the look-up', async () => {
    const { desk, backend, sync } = await start();
    const today = beijingDate(sync.serverNow());
    const [coolingOff] = (await desk.handlers['registry.findDivorceApplications']({ idNumbers: [zhengHao.idNumber, qianJia.idNumber] })).applications;
    expect(coolingOff!.verdict).toBe('cooling-off');
    const { coolingOffEnds, windowOpens, windowCloses } = coolingOff!.application;
    await expect(desk.guardCertificate({ type: 'L', data: certificate(today, [zhengHao, qianJia]), divorceApplicationId: coolingOff!.application.id })).rejects.toMatchObject({
      code: 'divorce-cooling-off',
      params: { coolingOffEnds, windowOpens, windowCloses },
    });
    const [lapsed] = (await desk.handlers['registry.findDivorceApplications']({ idNumbers: [fengJun.idNumber, jiangMei.idNumber] })).applications;
    expect(lapsed).toMatchObject({ verdict: 'window-passed', application: { state: 'lapsed' } });
    await expect(desk.guardCertificate({ type: 'L', data: certificate(today, [fengJun, jiangMei]), divorceApplicationId: lapsed!.application.id })).rejects.toMatchObject({
      code: 'registry-divorce-application-lapsed',
    });
    await expect(desk.guardCertificate({ type: 'L', data: certificate(today, [zhengHao, jiangMei]), divorceApplicationId: coolingOff!.application.id })).rejects.toMatchObject({
      code: 'registry-divorce-application-other-parties',
    });
    await expect(desk.guardCertificate({ type: 'L', data: certificate(today, [zhengHao, qianJia]) })).rejects.toMatchObject({ code: 'registry-divorce-application-missing' });
    expect((await held(backend.url)).filter((entry) => entry.state === 'registered')).toEqual([]);
  });

  it('lets either party withdraw within the cooling-off period: the confirmation prints, the centre holds it once, no registration follows', async () => {
    const { desk, backend, printed, sync } = await start();
    const today = beijingDate(sync.serverNow());
    // Only the wife comes: her card alone finds the application.
    const [found] = (await desk.handlers['registry.findDivorceApplications']({ idNumbers: [qianJia.idNumber] })).applications;
    // The centre's answer is lost once: the desk sends the same withdrawal again and it counts once.
    backend.setFaults({ dropAfterApplyRate: 1, pathPrefix: '/v1/registry/divorce-applications/' });
    await expect(desk.handlers['registry.withdrawDivorceApplication']({ applicationId: found!.application.id, idNumber: qianJia.idNumber, printerId: 'a4' })).rejects.toMatchObject({
      code: 'registry-centre-unreachable',
    });
    expect(printed).toHaveLength(0);
    backend.clearFaults();
    const outcome = await desk.handlers['registry.withdrawDivorceApplication']({ applicationId: found!.application.id, idNumber: qianJia.idNumber, printerId: 'a4' });
    expect(outcome.application).toMatchObject({ state: 'withdrawn', withdrawnOn: today });
    expect(ofCouple(await held(backend.url), qianJia.idNumber)).toEqual([expect.objectContaining({ state: 'withdrawn', withdrawnBy: qianJia.idNumber })]);

    expect(printed.map((entry) => entry.kind)).toEqual(['divorce-withdrawal']);
    const [year, month, day] = today.split('-');
    expect(printed[0]!.text).toContain('撤回离婚登记申请确认书');
    expect(printed[0]!.text).toContain(`当事人钱佳于${year}年${month}月${day}日在离婚冷静期内`);
    expect(printed[0]!.text).toContain('上海市黄浦区民政局');
    expect(printed[0]!.text).toContain('不再据此办理离婚登记');

    await expect(desk.guardCertificate({ type: 'L', data: certificate(today, [zhengHao, qianJia]), divorceApplicationId: found!.application.id })).rejects.toMatchObject({
      code: 'registry-divorce-application-withdrawn',
    });
  });

  it('refuses a withdrawal after the cooling-off period, saying until when it could have been and what remains', async () => {
    const { desk, backend, printed } = await start();
    const [inWindow] = (await desk.handlers['registry.findDivorceApplications']({ idNumbers: [zhaoLei.idNumber] })).applications;
    const { coolingOffEnds, windowOpens, windowCloses } = inWindow!.application;
    await expect(desk.handlers['registry.withdrawDivorceApplication']({ applicationId: inWindow!.application.id, idNumber: zhaoLei.idNumber, printerId: 'a4' })).rejects.toMatchObject({
      code: 'registry-withdrawal-after-cooling-off',
      params: { coolingOffEnds, windowOpens, windowCloses },
    });
    expect(printed).toHaveLength(0);
    expect(ofCouple(await held(backend.url), zhaoLei.idNumber)).toEqual([expect.objectContaining({ state: 'received' })]);
  });

  it('records an application received here before printing its receipt; another terminal finds it; a second one for a party is refused', async () => {
    const { desk, backend, printed, sync, dir } = await start();
    const parties = [printedParty(zhengHao), printedParty(fengJun)];
    // zhengHao already has a pending application (received at 黄浦区): refused, nothing printed.
    await expect(desk.handlers['registry.printDivorceReceipt']({ printerId: 'a4', parties })).rejects.toMatchObject({ code: 'registry-divorce-application-pending' });
    expect(printed).toHaveLength(0);
    // fengJun's earlier application lapsed: a new one with jiangMei is received.
    const receipt = await desk.handlers['registry.printDivorceReceipt']({ printerId: 'a4', parties: [printedParty(fengJun), printedParty(jiangMei)] });
    expect(printed.map((entry) => entry.kind)).toEqual(['divorce-receipt']);
    expect(ofCouple(await held(backend.url), fengJun.idNumber).filter((entry) => entry.state === 'received')).toEqual([
      expect.objectContaining({ id: receipt.applicationId, terminalId: sync.terminalId() }),
    ]);

    const other = createSyncService({ dataDir: join(dir, 'terminal-2'), backendUrl: backend.url, ...FAST_SYNC });
    await other.start();
    const otherDesk = testRegistryDesk(other, { registryCode: '310105' });
    try {
      const found = await otherDesk.handlers['registry.findDivorceApplications']({ idNumbers: [jiangMei.idNumber, fengJun.idNumber] });
      expect(found.applications.map((entry) => [entry.application.id, entry.verdict])).toEqual([
        [receipt.applicationId, 'cooling-off'],
        [expect.any(String), 'window-passed'],
      ]);
    } finally {
      otherDesk.close();
      await other.stop();
    }
  });

  it('names a receiving registry the terminal does not know by its code for the screen; the printed receipt keeps the Chinese term', async () => {
    const { desk, printed } = await start('319999');
    await desk.handlers['registry.printDivorceReceipt']({ printerId: 'a4', parties: [printedParty(fengJun), printedParty(jiangMei)] });
    expect(printed[0]!.text).toContain('婚姻登记机关（319999）');
    const found = await desk.handlers['registry.findDivorceApplications']({ idNumbers: [fengJun.idNumber, jiangMei.idNumber] });
    const received = found.applications.find((entry) => entry.application.registryCode === '319999');
    // No words of the services on screen: the code, which the screen names in the officer's language.
    expect(received).toBeDefined();
    expect(received).not.toHaveProperty('registry');
    expect(found.applications.find((entry) => entry.application.registryCode !== '319999')).toMatchObject({ registry: expect.stringMatching(/民政局$/) });
  });

  it('says the centre cannot be reached when it is down, and receives nothing', async () => {
    const { desk, backend, printed } = await start();
    backend.setFaults({ errorRate: 1, pathPrefix: '/v1/registry/' });
    await expect(desk.handlers['registry.findDivorceApplications']({ idNumbers: [zhaoLei.idNumber, sunLi.idNumber] })).rejects.toMatchObject({ code: 'registry-centre-unreachable' });
    await expect(desk.handlers['registry.printDivorceReceipt']({ printerId: 'a4', parties: [printedParty(zhaoLei), printedParty(sunLi)] })).rejects.toMatchObject({ code: 'registry-centre-unreachable' });
    expect(printed).toHaveLength(0);
  });

  it('receives one application when the answer is lost and the registrar presses again (not refused as its own duplicate)', async () => {
    const { desk, backend, printed } = await start();
    const parties = [printedParty(fengJun), printedParty(jiangMei)];
    backend.setFaults({ dropAfterApplyRate: 1, pathPrefix: '/v1/registry/divorce-applications' });
    await expect(desk.handlers['registry.printDivorceReceipt']({ printerId: 'a4', parties })).rejects.toMatchObject({ code: 'registry-centre-unreachable' });
    expect(printed).toHaveLength(0);
    backend.clearFaults();
    const receipt = await desk.handlers['registry.printDivorceReceipt']({ printerId: 'a4', parties });
    expect(ofCouple(await held(backend.url), fengJun.idNumber).filter((entry) => entry.state === 'received').map((entry) => entry.id)).toEqual([receipt.applicationId]);
    expect(printed.map((entry) => entry.kind)).toEqual(['divorce-receipt']);
  });

  it('refuses a receipt that would not print before the centre records anything, with the missing items in Chinese', async () => {
    const { desk, backend, printed } = await start();
    // Typed, not read from a card: sex and birth date left blank. The centre would take it; the receipt cannot print it.
    const typed = { ...printedParty(fengJun), sex: '', birthDate: '' };
    await expect(desk.handlers['registry.printDivorceReceipt']({ printerId: 'a4', parties: [typed, printedParty(jiangMei)] })).rejects.toMatchObject({
      code: 'document-fields-missing',
      details: { missingLabels: expect.arrayContaining([expect.stringContaining('性别'), expect.stringContaining('出生日期')]) },
    });
    expect(printed).toHaveLength(0);
    expect(ofCouple(await held(backend.url), fengJun.idNumber).filter((entry) => entry.state === 'received')).toEqual([]);
    // Corrected, the same couple is received (no pending application was left behind to refuse it).
    await desk.handlers['registry.printDivorceReceipt']({ printerId: 'a4', parties: [printedParty(fengJun), printedParty(jiangMei)] });
    expect(ofCouple(await held(backend.url), fengJun.idNumber).filter((entry) => entry.state === 'received')).toHaveLength(1);
  });

  it('prints the application already recorded when the receipt failed at the printer and the registrar presses again, counted once', async () => {
    const { desk, backend, printed, sync } = await start();
    const parties = [printedParty(fengJun), printedParty(jiangMei)];
    printer.failNext = 1;
    await expect(desk.handlers['registry.printDivorceReceipt']({ printerId: 'a4', parties })).rejects.toMatchObject({ code: 'printer-offline' });
    const recorded = ofCouple(await held(backend.url), fengJun.idNumber).filter((entry) => entry.state === 'received');
    expect(recorded).toHaveLength(1);
    // Pressed again: the same application, not a second one refused as pending.
    const receipt = await desk.handlers['registry.printDivorceReceipt']({ printerId: 'a4', parties });
    expect(receipt.applicationId).toBe(recorded[0]!.id);
    expect(ofCouple(await held(backend.url), fengJun.idNumber).filter((entry) => entry.state === 'received')).toHaveLength(1);
    expect(printed.map((entry) => entry.kind)).toEqual(['divorce-receipt']);
    expect(sync.audit().entries().filter((entry) => entry.action === 'registry.divorce-application-received')).toHaveLength(1);
    // One business of the day, started and done once.
    const events = sync.deskEventsOf(beijingDate(sync.serverNow())).filter((event) => event.business === 'divorce-application');
    expect(events.map((event) => event.kind)).toEqual(['started', 'done']);
  });

  it('reprints the receipt of an application found at the centre with its stored dates after the desk forgot it', async () => {
    const { desk: before, backend, printed, sync } = await start();
    const parties = [printedParty(fengJun), printedParty(jiangMei)];
    printer.failNext = 1;
    await expect(before.handlers['registry.printDivorceReceipt']({ printerId: 'a4', parties })).rejects.toMatchObject({ code: 'printer-offline' });
    before.close();
    const [stored] = ofCouple(await held(backend.url), fengJun.idNumber).filter((entry) => entry.state === 'received') as unknown as { id: string; receivedOn: string; coolingOffEnds: string; windowOpens: string; windowCloses: string }[];
    // The services restarted: the desk no longer knows the id. A calendar changed since would give other dates if recounted.
    const after = testRegistryDesk(sync, {
      calendar: () => ({ holidays: [stored!.coolingOffEnds, stored!.windowCloses], workingWeekends: [] }),
      printDocument: async (_printerId, kind, data) => {
        printed.push({ kind, data, text: '' });
        return { id: `job-${printed.length}`, state: 'completed' } as never;
      },
    });
    try {
      await expect(after.handlers['registry.printDivorceReceipt']({ printerId: 'a4', parties })).rejects.toMatchObject({ code: 'registry-divorce-application-pending' });
      const [found] = (await after.handlers['registry.findDivorceApplications']({ idNumbers: [fengJun.idNumber, jiangMei.idNumber] })).applications.filter((entry) => entry.application.state === 'received');
      const reprinted = await after.handlers['registry.reprintDivorceReceipt']({ applicationId: found!.application.id, printerId: 'a4' });
      const dates = { receivedOn: stored!.receivedOn, coolingOffEnds: stored!.coolingOffEnds, windowOpens: stored!.windowOpens, windowCloses: stored!.windowCloses };
      expect(reprinted).toMatchObject({ applicationId: stored!.id, ...dates });
      expect(printed).toEqual([expect.objectContaining({ kind: 'divorce-receipt', data: expect.objectContaining({ ...dates, registry: '上海市徐汇区民政局', caseNumber: stored!.id.slice(0, 8).toUpperCase() }) })]);
      // Not for an application no longer pending.
      const [lapsed] = (await after.handlers['registry.findDivorceApplications']({ idNumbers: [fengJun.idNumber, jiangMei.idNumber] })).applications.filter((entry) => entry.application.state === 'lapsed');
      await expect(after.handlers['registry.reprintDivorceReceipt']({ applicationId: lapsed!.application.id, printerId: 'a4' })).rejects.toMatchObject({ code: 'registry-divorce-application-lapsed' });
      expect(ofCouple(await held(backend.url), fengJun.idNumber).filter((entry) => entry.state === 'received')).toHaveLength(1);
    } finally {
      after.close();
    }
  });

  it("says in Chinese what the centre's refusal of malformed data means, never its bare code", async () => {
    const { sync } = await start();
    const refused = await askCentre(sync, '/v1/registry/divorce-applications', { id: 'not-a-uuid' }).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(refused).toMatchObject({ code: 'registry-centre-invalid-payload' });
    const text = OFFICER_MESSAGES['registry-centre-invalid-payload']!['zh-CN'];
    expect(text).toContain('性别');
    expect(text).not.toContain('invalid-payload');
  });

  it('leaves the count to the case when the application is received inside an open case of the couple', async () => {
    const { sync } = await start();
    const inCase = testRegistryDesk(sync, {
      hasOpenCase: (business, idNumbers) => business === 'divorce-application' && idNumbers.includes(fengJun.idNumber),
      printDocument: async () => ({ id: 'job-1', state: 'completed' }) as never,
    });
    try {
      await inCase.handlers['registry.printDivorceReceipt']({ printerId: 'a4', parties: [printedParty(fengJun), printedParty(jiangMei)] });
      // The case's own started/done events count it: none is added here.
      expect(sync.deskEventsOf(beijingDate(sync.serverNow())).filter((event) => event.business === 'divorce-application')).toEqual([]);
    } finally {
      inCase.close();
    }
  });

  it('reprints the confirmation of a withdrawal the centre holds after the print failed and the desk forgot it, withdrawing nothing again', async () => {
    const { desk: before, backend, printed, sync } = await start();
    const [found] = (await before.handlers['registry.findDivorceApplications']({ idNumbers: [qianJia.idNumber] })).applications;
    printer.failNext = 1;
    await expect(before.handlers['registry.withdrawDivorceApplication']({ applicationId: found!.application.id, idNumber: qianJia.idNumber, printerId: 'a4' })).rejects.toMatchObject({ code: 'printer-offline' });
    before.close();
    // The services restarted: pressing withdraw again is refused (withdrawn), the confirmation is reprinted from the centre's record.
    const after = testRegistryDesk(sync, {
      printDocument: async (_printerId, kind, data) => {
        printed.push({ kind, data, text: '' });
        return { id: `job-${printed.length}`, state: 'completed' } as never;
      },
    });
    try {
      const [withdrawn] = (await after.handlers['registry.findDivorceApplications']({ idNumbers: [qianJia.idNumber] })).applications;
      expect(withdrawn!.application).toMatchObject({ state: 'withdrawn', withdrawnBy: qianJia.idNumber });
      await expect(after.handlers['registry.withdrawDivorceApplication']({ applicationId: withdrawn!.application.id, idNumber: qianJia.idNumber, printerId: 'a4' })).rejects.toMatchObject({ code: 'registry-divorce-application-withdrawn' });
      const again = await after.handlers['registry.reprintDivorceWithdrawal']({ applicationId: withdrawn!.application.id, printerId: 'a4' });
      expect(again.application.state).toBe('withdrawn');
      expect(printed).toEqual([expect.objectContaining({ kind: 'divorce-withdrawal', data: expect.objectContaining({ withdrawnOn: withdrawn!.application.withdrawnOn, withdrawnBy: 1 }) })]);
      // Not for an application that was not withdrawn.
      const [pending] = (await after.handlers['registry.findDivorceApplications']({ idNumbers: [zhaoLei.idNumber] })).applications;
      await expect(after.handlers['registry.reprintDivorceWithdrawal']({ applicationId: pending!.application.id, printerId: 'a4' })).rejects.toMatchObject({ code: 'registry-divorce-application-not-withdrawn' });
      expect(ofCouple(await held(backend.url), qianJia.idNumber)).toEqual([expect.objectContaining({ state: 'withdrawn' })]);
      // Counted once, when the centre recorded it.
      expect(sync.deskEventsOf(beijingDate(sync.serverNow())).filter((event) => event.business === 'divorce-withdrawal').map((event) => event.kind)).toEqual(['started', 'done']);
    } finally {
      after.close();
    }
  });
});
