/**
 * The registry desk's appointments: today's list from the pulled feed, a
 * card presented at the desk checking its appointment in, and walk-ins within
 * the day's quota, no-shows, and the businesses done without a case. Every step
 * is a desk event, stored and reported through the outbox, so it works offline
 * and survives a restart.
 */
import { z } from 'zod';
import { TerminalError } from '../../contract/errors';
import { beijingDate } from '../../domain/legal-date';
import {
  appointmentRows,
  appointmentState,
  findAppointmentForCard,
  walkInVerdict,
  type AppointmentRow,
  type DeskEvent,
  type RegistryAppointment,
  type WalkInVerdict,
} from '../../domain/registry/appointments';
import { REGISTRY_BUSINESSES, type RegistryBusiness } from '../../domain/registry/business';
import type { NewDeskEvent } from '../../sync/desk/desk-events';

/** What the desk needs from sync; a narrow port so the desk can be tested without the network. */
export interface DeskSyncPort {
  appointments(): unknown[];
  configuration(): { id: string; value: unknown }[];
  recordDeskEvent(event: NewDeskEvent): DeskEvent;
  deskEventsOf(day: string): DeskEvent[];
  serverNow(): number;
}

const appointmentSchema = z.object({
  id: z.string().min(1),
  desk: z.literal('marriage-registry'),
  registryCode: z.string(),
  date: z.iso.date(),
  business: z.enum(REGISTRY_BUSINESSES),
  foreignRelated: z.boolean().default(false),
  slotStart: z.iso.datetime(),
  slotEnd: z.iso.datetime(),
  parties: z.array(z.object({ name: z.string(), idNumber: z.string(), surname: z.string().max(100).optional() })).min(1).max(2),
});
const deskConfigSchema = z.object({ walkInQuota: z.number().int().min(0).max(1000) });

/** Walk-ins a desk takes when the backend has not said (assumed: about a morning's worth of spare slots). */
export const FALLBACK_WALK_IN_QUOTA = 10;

export interface DeskDay {
  day: string;
  walkIns: WalkInVerdict;
  appointments: AppointmentRow[];
}

export type CheckInOutcome = { outcome: 'checked-in' | 'already-checked-in'; appointment: AppointmentRow };

export class AppointmentDesk {
  constructor(
    private readonly sync: DeskSyncPort,
    private readonly registryCode: string,
  ) {}

  /** Only this registry's appointments; entries of other desks (reception) or malformed ones are not ours to show. */
  appointments(): RegistryAppointment[] {
    return this.sync.appointments().flatMap((entry) => {
      const parsed = appointmentSchema.safeParse(entry);
      return parsed.success && parsed.data.registryCode === this.registryCode ? [parsed.data] : [];
    });
  }

  walkInQuota(): number {
    const parsed = deskConfigSchema.safeParse(this.sync.configuration().find((entry) => entry.id === 'registry-desk')?.value);
    return parsed.success ? parsed.data.walkInQuota : FALLBACK_WALK_IN_QUOTA;
  }

  today(): DeskDay {
    const now = this.sync.serverNow();
    const day = beijingDate(now);
    const events = this.#reportNoShows(day, now);
    return { day, walkIns: walkInVerdict(this.walkInQuota(), events, day), appointments: appointmentRows(this.appointments(), events, day, now) };
  }

  /**
   * Each appointment of the day that has become a no-show (not checked in half an hour after its slot) is recorded
   * and reported to the backend once, as a check-in is; a couple turning up later can still be checked in. Swept
   * whenever the desk reads its day. Returns the day's events including those just recorded.
   */
  #reportNoShows(day: string, now: number): DeskEvent[] {
    const events = this.sync.deskEventsOf(day);
    const reported = new Set(events.filter((event) => event.kind === 'no-show').map((event) => event.appointmentId));
    const recorded = this.appointments()
      .filter((appointment) => appointment.date === day && !reported.has(appointment.id) && appointmentState(appointment, events, now) === 'no-show')
      .map((appointment) => this.sync.recordDeskEvent({ day, kind: 'no-show', appointmentId: appointment.id, business: appointment.business }));
    return recorded.length > 0 ? [...events, ...recorded] : events;
  }

  /** Today's appointment, not yet done, of any of these parties for this business (none for a walk-in). */
  appointmentFor(idNumbers: readonly string[], business: RegistryBusiness): string | undefined {
    const now = this.sync.serverNow();
    const day = beijingDate(now);
    const events = this.sync.deskEventsOf(day);
    const booked = this.appointments().filter((appointment) => appointment.business === business);
    return idNumbers.map((idNumber) => findAppointmentForCard(booked, idNumber, day, events, now)).find((found) => found !== undefined)?.id;
  }

  /**
   * A business done at once (a divorce application received, a withdrawal, a record certificate issued): one started
   * and one done event with its business and appointment, so the day report counts it and its appointment is done.
   */
  stepDone(business: RegistryBusiness, idNumbers: readonly string[]): void {
    const day = beijingDate(this.sync.serverNow());
    const appointmentId = this.appointmentFor(idNumbers, business);
    for (const kind of ['started', 'done'] as const) this.sync.recordDeskEvent({ day, kind, business, ...(appointmentId ? { appointmentId } : {}) });
  }

  /** A card read at the desk: finds either party's appointment of the day and checks it in (once). */
  checkIn(idNumber: string): CheckInOutcome {
    const now = this.sync.serverNow();
    const day = beijingDate(now);
    const events = this.#reportNoShows(day, now);
    const appointment = findAppointmentForCard(this.appointments(), idNumber, day, events, now);
    if (!appointment) throw new TerminalError('registry-no-appointment', 'no appointment today for this card', { day });
    const state = appointmentState(appointment, events, now);
    const alreadyIn = state === 'checked-in' || state === 'in-progress';
    const after = alreadyIn ? events : [...events, this.sync.recordDeskEvent({ day, kind: 'check-in', appointmentId: appointment.id })];
    const row = appointmentRows([appointment], after, day, now)[0]!;
    return { outcome: alreadyIn ? 'already-checked-in' : 'checked-in', appointment: row };
  }

  /** A couple without an appointment: taken while the day's quota allows, else refused with the numbers. */
  walkIn(business: RegistryBusiness): { eventId: string; walkIns: WalkInVerdict } {
    const day = beijingDate(this.sync.serverNow());
    const verdict = walkInVerdict(this.walkInQuota(), this.sync.deskEventsOf(day), day);
    if (!verdict.allowed) throw new TerminalError('registry-walk-in-quota-reached', 'walk-in quota reached', { used: verdict.used, quota: verdict.quota });
    const event = this.sync.recordDeskEvent({ day, kind: 'walk-in', business });
    return { eventId: event.id, walkIns: { ...verdict, used: verdict.used + 1, allowed: verdict.used + 1 < verdict.quota } };
  }
}
