/**
 * The registrar's day: today's appointments (from the backend's feed), what
 * the desk did with them (its own events, kept locally and reported), and the
 * state each one is in. Pure: the clock and the events are given.
 */
import type { RegistryBusiness } from './business';
import { maskName } from './masking';

export interface AppointmentParty {
  name: string;
  /** The ID number the party booked with (resident ID, permanent resident card or passport number). */
  idNumber: string;
  /** The family name on its own, when the booking gives it (a Latin name of several words): the part the list keeps. */
  surname?: string;
}

export interface RegistryAppointment {
  id: string;
  registryCode: string;
  /** Beijing calendar date of the slot. */
  date: string;
  business: RegistryBusiness;
  foreignRelated: boolean;
  /** ISO instants. */
  slotStart: string;
  slotEnd: string;
  parties: AppointmentParty[];
}

/** `abandoned`: a case started for the appointment (or a walk-in) was abandoned at the desk (the couple left, a wrong business). */
export const DESK_EVENT_KINDS = ['check-in', 'walk-in', 'no-show', 'started', 'done', 'abandoned'] as const;
export type DeskEventKind = (typeof DESK_EVENT_KINDS)[number];

/** Something the desk did, recorded locally in the same transaction as its report to the backend. */
export interface DeskEvent {
  id: string;
  /** Beijing date the event belongs to. */
  day: string;
  kind: DeskEventKind;
  appointmentId?: string;
  /** For a walk-in: the business asked for. */
  business?: RegistryBusiness;
  /** ISO instant. */
  at: string;
}

export const APPOINTMENT_STATES = ['expected', 'checked-in', 'in-progress', 'done', 'no-show'] as const;
export type AppointmentState = (typeof APPOINTMENT_STATES)[number];

/**
 * A couple not checked in half an hour after their slot ends is shown as a no-show; they can still be checked in
 * when they turn up late (the registrar decides, as at the counter today).
 */
export const NO_SHOW_GRACE_MS = 30 * 60_000;

/**
 * A case abandoned under an appointment puts it back to checked in (the couple was here; the registrar can start it
 * again, e.g. under the right business): it is in progress only while more cases were started than abandoned. The
 * desk's list says how many were abandoned (`abandonedCases`), so the state does not hide it.
 */
export function appointmentState(appointment: RegistryAppointment, events: readonly DeskEvent[], nowMs: number): AppointmentState {
  const own = events.filter((event) => event.appointmentId === appointment.id);
  const count = (kind: DeskEventKind): number => own.filter((event) => event.kind === kind).length;
  if (count('done') > 0) return 'done';
  if (count('started') > count('abandoned')) return 'in-progress';
  if (count('check-in') > 0 || count('started') > 0) return 'checked-in';
  if (count('no-show') > 0) return 'no-show';
  return nowMs > Date.parse(appointment.slotEnd) + NO_SHOW_GRACE_MS ? 'no-show' : 'expected';
}

/** How many cases opened for the appointment were abandoned today. */
export function abandonedCases(appointment: RegistryAppointment, events: readonly DeskEvent[]): number {
  return events.filter((event) => event.appointmentId === appointment.id && event.kind === 'abandoned').length;
}

const normalise = (idNumber: string): string => idNumber.trim().toUpperCase();

/**
 * The appointment of the day a card belongs to: any party's ID number. If a person booked twice, the earliest one
 * not finished yet.
 */
export function findAppointmentForCard(
  appointments: readonly RegistryAppointment[],
  idNumber: string,
  day: string,
  events: readonly DeskEvent[],
  nowMs: number,
): RegistryAppointment | undefined {
  const wanted = normalise(idNumber);
  if (wanted === '') return undefined;
  return appointments
    .filter((appointment) => appointment.date === day && appointment.parties.some((party) => normalise(party.idNumber) === wanted))
    .filter((appointment) => appointmentState(appointment, events, nowMs) !== 'done')
    .sort((a, b) => a.slotStart.localeCompare(b.slotStart))[0];
}

export interface WalkInVerdict {
  allowed: boolean;
  used: number;
  quota: number;
}

/** Walk-ins are taken while the day's quota (from the backend's configuration) allows. */
export function walkInVerdict(quota: number, events: readonly DeskEvent[], day: string): WalkInVerdict {
  const used = events.filter((event) => event.day === day && event.kind === 'walk-in').length;
  return { allowed: used < quota, used, quota };
}

/** One line of the desk's list: names masked except the surname, never the ID numbers. */
export interface AppointmentRow {
  id: string;
  slotStart: string;
  slotEnd: string;
  business: RegistryBusiness;
  foreignRelated: boolean;
  parties: string[];
  state: AppointmentState;
  /** Cases opened for it and abandoned today (the state went back to checked in). */
  abandoned: number;
}

export function appointmentRows(appointments: readonly RegistryAppointment[], events: readonly DeskEvent[], day: string, nowMs: number): AppointmentRow[] {
  return appointments
    .filter((appointment) => appointment.date === day)
    .sort((a, b) => a.slotStart.localeCompare(b.slotStart) || a.id.localeCompare(b.id))
    .map((appointment) => ({
      id: appointment.id,
      slotStart: appointment.slotStart,
      slotEnd: appointment.slotEnd,
      business: appointment.business,
      foreignRelated: appointment.foreignRelated,
      parties: appointment.parties.map((party) => maskName(party.name, party.surname)),
      state: appointmentState(appointment, events, nowMs),
      abandoned: abandonedCases(appointment, events),
    }));
}
