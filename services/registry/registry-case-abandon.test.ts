/**
 * An open registry case that will never complete is abandoned, not left on
 * the terminal: against the reference backend and the terminal's real store.
 * While a certificate number issued in it is not voided the abandonment is
 * refused and nothing changes; once voided, the case's sealed state and its
 * kept page files are gone (also after a restart of the services), and the
 * audit chain records the officer and the reason, without the parties.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { actAs } from '../../sync/audit/actor';
import type { DayReport } from '../../domain/registry/day-report';
import { registryCasesPerTest, testCouple } from '../testing/registry-on-loopback';
import { AppointmentDesk } from './appointment-desk';
import { createDayReportDesk } from './day-report';

const parties = testCouple;
const start = registryCasesPerTest('registry-abandon-');

async function terminal() {
  const started = await start();
  return { services: started.services, backend: started.backend, keptFile: (pageId: string) => existsSync(join(started.dataDir, 'materials', `${pageId}.sm4`)) };
}

async function codeOf(run: () => unknown): Promise<string | undefined> {
  try {
    await run();
  } catch (error) {
    return (error as { code?: string }).code;
  }
  return undefined;
}

describe('abandoning an open registry case', () => {
  it('is refused while a number issued in it is not voided; once voided, removes its state and pages and audits who and why', async () => {
    const { services, keptFile } = await terminal();
    const { sync, desk, capture } = await services();
    const abandon = desk.handlers['registryCase.abandon'];
    const opened = desk.cases.open('marriage', parties);
    const pages = [capture(1), capture(2)];
    await desk.cases.capturePaper(opened.id, 'declaration', pages[0]!);
    await desk.cases.addPhoto(opened.id, 'joint', pages[1]!);
    const number = await sync.takeCertificateNumber('J', opened.id);
    desk.cases.certificateIssued(opened.id, number);

    // An issued number: refused, naming it, and the case is untouched.
    await expect(codeOf(() => abandon({ caseId: opened.id, reason: '当事人放弃登记' }))).resolves.toBe('registry-case-abandon-issued');
    expect(desk.cases.openCases().map((view) => view.id)).toEqual([opened.id]);
    expect(pages.every((page) => sync.registryPage(page) !== undefined && keptFile(page))).toBe(true);

    await sync.voidCertificateNumber(number, 'spoiled');
    const done = await actAs({ officerId: 'officer-abandon-7' }, () => abandon({ caseId: opened.id, reason: '当事人放弃登记' }));
    expect(done.id).toBe(opened.id);
    expect(desk.cases.openCases()).toEqual([]);
    expect(pages.map((page) => [sync.registryPage(page), keptFile(page)])).toEqual(pages.map(() => [undefined, false]));

    const entry = sync
      .audit()
      .entries()
      .find((candidate) => candidate.action === 'registry.case-abandoned' && candidate.subject === opened.id);
    expect(entry?.details).toMatchObject({ officerId: 'officer-abandon-7', reason: '当事人放弃登记', business: 'marriage', voidedNumbers: [number], pages: 2 });
    expect(JSON.stringify(entry)).not.toContain(parties[0]!.name);
    expect(JSON.stringify(entry)).not.toContain(parties[1]!.idNumber);
    expect(sync.audit().verify()).toMatchObject({ ok: true });

    // Gone for good: a restart of the services does not resume it.
    const after = await services();
    expect(after.desk.cases.openCases()).toEqual([]);
    expect(after.sync.openRegistryCases()).toEqual([]);
  });

  it("puts its appointment back to checked in, tells the centre, and the day report counts it with the registrar's reason", async () => {
    const { services, backend } = await terminal();
    const { sync, desk } = await services();
    const appointments = new AppointmentDesk(sync, '310104');
    const booked = appointments.appointments().find((entry) => entry.business === 'marriage' && entry.slotStart.endsWith('03:00:00.000Z'))!;
    const couple = booked.parties.map((party, index) => ({ ...parties[index]!, name: party.name, idNumber: party.idNumber }));
    const row = () => appointments.today().appointments.find((entry) => entry.id === booked.id)!;
    appointments.checkIn(couple[0]!.idNumber);
    const opened = desk.cases.open('marriage', couple);
    expect(row()).toMatchObject({ state: 'in-progress', abandoned: 0 });

    await desk.handlers['registryCase.abandon']({ caseId: opened.id, reason: '女方证件过期，改日再来' });
    // Not stuck "in progress": checked in again, so the couple can be started again today; the list says what happened.
    expect(row()).toMatchObject({ state: 'checked-in', abandoned: 1 });
    const reports = createDayReportDesk({ sync, registryCode: '310104', printDocument: () => Promise.reject(new Error('not printing here')), a4Printer: () => 'none' });
    const report = reports['registryDay.sendReport'](undefined) as DayReport;
    expect(report.businesses.find((entry) => entry.business === 'marriage')).toEqual({ business: 'marriage', started: 1, completed: 0, abandoned: 1 });
    expect(report.abandoned).toEqual([{ caseId: opened.id, business: 'marriage', reason: '女方证件过期，改日再来', at: expect.any(String) }]);

    // Started again and abandoned again: counted twice, still checked in.
    const again = desk.cases.open('marriage', couple);
    expect(row()).toMatchObject({ state: 'in-progress', abandoned: 1 });
    await desk.handlers['registryCase.abandon']({ caseId: again.id, reason: '当事人决定暂缓登记' });
    expect(row()).toMatchObject({ state: 'checked-in', abandoned: 2 });

    // The centre holds the abandonment as a desk event of the appointment, and the report with its reason (each once).
    const atCentre = async <T>(path: string, pick: (body: never) => T | undefined): Promise<T> => {
      for (let attempt = 0; attempt < 500; attempt += 1) {
        const found = pick((await (await fetch(`${backend.url}${path}`)).json()) as never);
        if (found !== undefined) return found;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      throw new Error(`the centre never held ${path}`);
    };
    const events = await atCentre('/admin/registry/desk-events', (body: { events: { kind: string; appointmentId?: string }[] }) => {
      const abandoned = body.events.filter((event) => event.kind === 'abandoned');
      return abandoned.length === 2 ? abandoned : undefined;
    });
    expect(events.map((event) => event.appointmentId)).toEqual([booked.id, booked.id]);
    const sent = await atCentre('/admin/registry/day-reports', (body: { reports: DayReport[] }) => body.reports.find((entry) => entry.reportId === report.reportId));
    expect(sent.abandoned.map((entry) => entry.reason)).toEqual(['女方证件过期，改日再来']);
  });
});
