/**
 * The desk's appointments against the real peers: a sync service pulling from
 * the reference backend on loopback, desk events sent through the outbox.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { residentCard, residentLongTermCard } from '../../fixtures/id-card-reader/sample-cards';
import { wuMin } from '../../fixtures/registry/sample-parties';
import { beijingDate } from '../../domain/legal-date';
import type { SyncService } from '../../sync';
import { createSyncService } from '../../sync';
import { FAST_SYNC, startPair } from '../../sync/testing/harness';
import { AppointmentDesk, type DeskSyncPort } from './appointment-desk';

/** The terminal's sync seen at a given Beijing time of its day (the desk reads the centre's clock through it). */
function at(sync: SyncService, time: string): DeskSyncPort {
  const day = beijingDate(sync.serverNow());
  return {
    appointments: () => sync.appointments(),
    configuration: () => sync.configuration(),
    recordDeskEvent: (event) => sync.recordDeskEvent(event),
    deskEventsOf: (of) => sync.deskEventsOf(of),
    serverNow: () => Date.parse(`${day}T${time}:00+08:00`),
  };
}

let pair: Awaited<ReturnType<typeof startPair>> | undefined;
afterEach(async () => {
  await pair?.close();
  pair = undefined;
});

/** The backend's desk events once `enough` holds (the outbox delivers in the background). */
async function eventsAtBackendWhen(url: string, enough: (events: { kind: string; appointmentId?: string; business?: string }[]) => boolean) {
  for (let attempt = 0; attempt < 500; attempt++) {
    const events = await deskEventsAtBackend(url);
    if (enough(events)) return events;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('the backend never received the desk events');
}

async function deskEventsAtBackend(url: string): Promise<{ kind: string; appointmentId?: string; business?: string }[]> {
  const response = await fetch(`${url}/admin/registry/desk-events`);
  return ((await response.json()) as { events: { kind: string; appointmentId?: string }[] }).events;
}

describe('registry desk appointments', () => {
  it("lists today's registry appointments by slot, names masked except the surname", async () => {
    pair = await startPair();
    await pair.sync.pullNow();
    const day = new AppointmentDesk(pair.sync, '310104').today();
    expect(day.appointments.length).toBe(9);
    expect(day.appointments.map((row) => row.slotStart)).toEqual([...day.appointments.map((row) => row.slotStart)].sort());
    expect(day.appointments[0]).toMatchObject({ business: 'marriage', parties: ['王**', '马**'], state: expect.stringMatching(/expected|no-show/) });
    // Reception appointments in the same feed are not the desk's; nor are another registry's.
    expect(JSON.stringify(day)).not.toContain('residence-permit');
    expect(JSON.stringify(day)).not.toContain(residentCard.idNumber);
    expect(new AppointmentDesk(pair.sync, '310101').today().appointments).toEqual([]);
  });

  it("checks in the appointment of either party's card once, and the backend holds that check-in once", async () => {
    pair = await startPair();
    await pair.sync.pullNow();
    const desk = new AppointmentDesk(pair.sync, '310104');
    const first = desk.checkIn(residentLongTermCard.idNumber);
    expect(first).toMatchObject({ outcome: 'checked-in', appointment: { parties: ['王**', '马**'], state: 'checked-in' } });
    expect(desk.checkIn(residentCard.idNumber.toLowerCase())).toMatchObject({ outcome: 'already-checked-in', appointment: { id: first.appointment.id } });
    expect(desk.today().appointments.find((row) => row.id === first.appointment.id)!.state).toBe('checked-in');

    const events = await eventsAtBackendWhen(pair.backend.url, (held) => held.length > 0);
    // Delivered: a later drain cannot add a second row for the same event.
    await pair.sync.pullNow();
    expect(events.filter((event) => event.kind === 'check-in')).toEqual([expect.objectContaining({ appointmentId: first.appointment.id })]);

    // The desk's record survives a restart of the terminal.
    await pair.sync.stop();
    const again = createSyncService({ dataDir: join(pair.dir, 'terminal'), backendUrl: pair.backend.url, ...FAST_SYNC });
    await again.start();
    try {
      expect(new AppointmentDesk(again, '310104').today().appointments.find((row) => row.id === first.appointment.id)!.state).toBe('checked-in');
    } finally {
      await again.stop();
    }
  });

  it('holds a check-in once at the backend even when the answer to its submission is lost', async () => {
    pair = await startPair();
    await pair.sync.pullNow();
    pair.backend.setFaults({ dropAfterApplyRate: 1, pathPrefix: '/v1/submissions' });
    const checkedIn = new AppointmentDesk(pair.sync, '310104').checkIn(residentCard.idNumber);
    await eventsAtBackendWhen(pair.backend.url, (held) => held.length > 0);
    for (let i = 0; i < 500 && !pair.backend.requestLog().some((entry) => entry.route.endsWith('(answer lost)')); i++) await new Promise((resolve) => setTimeout(resolve, 10));
    pair.backend.clearFaults();
    pair.sync.retryNow();
    for (let i = 0; i < 500 && pair.sync.status().queued > 0; i++) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(pair.sync.status().queued).toBe(0);
    const held = await deskEventsAtBackend(pair.backend.url);
    expect(held.filter((event) => event.kind === 'check-in')).toEqual([expect.objectContaining({ appointmentId: checkedIn.appointment.id })]);
  });

  it('says so when a card has no appointment today', async () => {
    pair = await startPair();
    await pair.sync.pullNow();
    expect(() => new AppointmentDesk(pair!.sync, '310104').checkIn('110105197701011234')).toThrow(expect.objectContaining({ code: 'registry-no-appointment' }));
  });

  it("takes walk-ins while the day's quota from the backend's configuration allows, then refuses with the numbers", async () => {
    pair = await startPair();
    pair.backend.upsertFeedEntry('configuration', 'registry-desk', { id: 'registry-desk', value: { walkInQuota: 2 } });
    await pair.sync.pullNow();
    const desk = new AppointmentDesk(pair.sync, '310104');
    expect(desk.walkIn('marriage').walkIns).toEqual({ allowed: true, used: 1, quota: 2 });
    expect(desk.walkIn('record-certificate').walkIns).toEqual({ allowed: false, used: 2, quota: 2 });
    expect(() => desk.walkIn('marriage')).toThrow(expect.objectContaining({ code: 'registry-walk-in-quota-reached', params: { used: 2, quota: 2 } }));
    const held = await eventsAtBackendWhen(pair.backend.url, (events) => events.length === 2);
    expect(held.map((event) => event.business).sort()).toEqual(['marriage', 'record-certificate']);
  });

  it('reports each no-show to the backend once, and a couple turning up late is still checked in', async () => {
    pair = await startPair();
    await pair.sync.pullNow();
    const morning = new AppointmentDesk(at(pair.sync, '08:50'), '310104');
    expect(morning.today().appointments.every((row) => row.state === 'expected')).toBe(true);
    const first = morning.checkIn(residentCard.idNumber);
    const night = new AppointmentDesk(at(pair.sync, '23:00'), '310104');
    const rows = night.today().appointments;
    expect(rows.filter((row) => row.state === 'no-show')).toHaveLength(8);
    expect(rows.find((row) => row.id === first.appointment.id)!.state).toBe('checked-in');
    // Read again (the list refreshes): nothing more is recorded.
    night.today();
    const day = beijingDate(pair.sync.serverNow());
    const noShows = pair.sync.deskEventsOf(day).filter((event) => event.kind === 'no-show');
    expect(noShows).toHaveLength(8);
    expect(new Set(noShows.map((event) => event.appointmentId)).size).toBe(8);
    const held = await eventsAtBackendWhen(pair.backend.url, (events) => events.filter((event) => event.kind === 'no-show').length >= 8);
    expect(held.filter((event) => event.kind === 'no-show').map((event) => event.appointmentId).sort()).toEqual(noShows.map((event) => event.appointmentId).sort());
    // The late couple of 11:00 is checked in after all.
    const late = rows.find((row) => row.slotStart.endsWith('03:00:00.000Z'))!;
    expect(late.state).toBe('no-show');
    expect(night.checkIn(String(pair.sync.appointments().map((entry) => entry as { id: string; parties: { idNumber: string }[] }).find((entry) => entry.id === late.id)!.parties[0]!.idNumber))).toMatchObject({
      outcome: 'checked-in',
      appointment: { id: late.id, state: 'checked-in' },
    });
    expect(pair.sync.deskEventsOf(day).filter((event) => event.kind === 'no-show')).toHaveLength(8);
  });

  it('moves the appointment of a business done without a case (a record certificate) to done, counted once as started and done', async () => {
    pair = await startPair();
    await pair.sync.pullNow();
    const desk = new AppointmentDesk(at(pair.sync, '14:05'), '310104');
    desk.stepDone('record-certificate', [wuMin.idNumber]);
    const row = desk.today().appointments.find((entry) => entry.business === 'record-certificate')!;
    expect(row.state).toBe('done');
    const day = beijingDate(pair.sync.serverNow());
    expect(pair.sync.deskEventsOf(day).filter((event) => event.appointmentId === row.id).map((event) => [event.kind, event.business])).toEqual([
      ['started', 'record-certificate'],
      ['done', 'record-certificate'],
    ]);
    // A walk-in's step has no appointment: counted, none moved.
    desk.stepDone('record-certificate', ['310101199001010011']);
    expect(pair.sync.deskEventsOf(day).filter((event) => event.business === 'record-certificate' && event.kind === 'done')).toHaveLength(2);
  });
});
