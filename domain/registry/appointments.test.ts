import { describe, expect, it } from 'vitest';
import { appointmentRows, appointmentState, findAppointmentForCard, walkInVerdict, type DeskEvent, type RegistryAppointment } from './appointments';
import { maskName } from './masking';

const DAY = '2026-11-28';
const at = (hhmm: string): string => new Date(`${DAY}T${hhmm}:00+08:00`).toISOString();
const appointment = (id: string, slot: string, ids: string[], business: RegistryAppointment['business'] = 'marriage'): RegistryAppointment => ({
  id,
  registryCode: '310104',
  date: DAY,
  business,
  foreignRelated: false,
  slotStart: at(slot),
  slotEnd: new Date(Date.parse(at(slot)) + 30 * 60_000).toISOString(),
  parties: ids.map((idNumber, index) => ({ name: index === 0 ? '王建国' : '欧阳娜娜', idNumber })),
});
const event = (kind: DeskEvent['kind'], appointmentId?: string): DeskEvent => ({ id: `${kind}-${appointmentId}`, day: DAY, kind, at: at('09:00'), ...(appointmentId ? { appointmentId } : {}) });

describe('masking', () => {
  it('keeps the surname only, compound surnames and passport names included', () => {
    expect(maskName('王建国')).toBe('王**');
    expect(maskName('马丽')).toBe('马*');
    expect(maskName('欧阳娜娜')).toBe('欧阳**');
    expect(maskName('SMITH, JOHN MICHAEL')).toBe('SMITH, ***');
    expect(maskName('')).toBe('');
  });
});

describe('appointment states', () => {
  const morning = appointment('a1', '09:00', ['31010419850312003X', '640102196007050022']);
  it('is expected until half an hour after its slot, then a no-show', () => {
    expect(appointmentState(morning, [], Date.parse(at('09:59')))).toBe('expected');
    expect(appointmentState(morning, [], Date.parse(at('10:01')))).toBe('no-show');
  });
  it('follows the desk: checked in, in progress, done', () => {
    expect(appointmentState(morning, [event('check-in', 'a1')], Date.parse(at('11:00')))).toBe('checked-in');
    expect(appointmentState(morning, [event('check-in', 'a1'), event('started', 'a1')], Date.parse(at('11:00')))).toBe('in-progress');
    expect(appointmentState(morning, [event('check-in', 'a1'), event('started', 'a1'), event('done', 'a1')], 0)).toBe('done');
    expect(appointmentState(morning, [event('no-show', 'a1')], 0)).toBe('no-show');
  });
  it('goes back to checked in when its case is abandoned, and is in progress again when one is started again', () => {
    const abandoned = [event('check-in', 'a1'), event('started', 'a1'), { ...event('abandoned', 'a1'), id: 'ab-1' }];
    expect(appointmentState(morning, abandoned, Date.parse(at('11:00')))).toBe('checked-in');
    expect(appointmentState(morning, [...abandoned, { ...event('started', 'a1'), id: 'st-2' }], Date.parse(at('11:00')))).toBe('in-progress');
    expect(appointmentState(morning, [...abandoned, { ...event('started', 'a1'), id: 'st-2' }, event('done', 'a1')], 0)).toBe('done');
    expect(appointmentRows([morning], abandoned, DAY, Date.parse(at('11:00')))[0]).toMatchObject({ state: 'checked-in', abandoned: 1 });
  });
});

describe('finding the appointment of a card', () => {
  const list = [appointment('late', '14:00', ['31010419850312003X', 'x']), appointment('early', '09:00', ['31010419850312003x', 'y']), appointment('other', '09:00', ['z'])];
  it("finds either party's appointment, ignoring case, earliest first", () => {
    expect(findAppointmentForCard(list, '31010419850312003X', DAY, [], 0)?.id).toBe('early');
    expect(findAppointmentForCard(list, 'y', DAY, [], 0)?.id).toBe('early');
  });
  it('skips finished appointments and other days', () => {
    expect(findAppointmentForCard(list, '31010419850312003X', DAY, [event('done', 'early')], 0)?.id).toBe('late');
    expect(findAppointmentForCard(list, '31010419850312003X', '2026-11-29', [], 0)).toBeUndefined();
    expect(findAppointmentForCard(list, '', DAY, [], 0)).toBeUndefined();
  });
});

describe('walk-ins', () => {
  it('are allowed until the quota of the day is used', () => {
    expect(walkInVerdict(2, [event('walk-in')], DAY)).toEqual({ allowed: true, used: 1, quota: 2 });
    expect(walkInVerdict(2, [event('walk-in'), { ...event('walk-in'), id: 'w2' }], DAY)).toEqual({ allowed: false, used: 2, quota: 2 });
    expect(walkInVerdict(2, [{ ...event('walk-in'), day: '2026-11-27' }], DAY).used).toBe(0);
  });
});

describe('rows of the desk list', () => {
  it('lists today by slot with masked names and no ID numbers', () => {
    const rows = appointmentRows([appointment('b', '10:00', ['1', '2']), appointment('a', '09:00', ['3', '4']), { ...appointment('c', '08:00', ['5']), date: '2026-11-29' }], [], DAY, 0);
    expect(rows.map((row) => row.id)).toEqual(['a', 'b']);
    expect(rows[0]!.parties).toEqual(['王**', '欧阳**']);
    expect(JSON.stringify(rows)).not.toContain('"3"');
  });
});
