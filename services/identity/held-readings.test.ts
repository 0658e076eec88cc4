import { describe, expect, it } from 'vitest';
import { HeldReadings } from './held-readings';

describe('held readings', () => {
  it('tells a chip or passport zone from typing, only for the document the reading carried', () => {
    let now = 0;
    const readings = new HeldReadings(() => now);
    const card = readings.hold('chip', { documentType: 'resident', idNumber: '310101195001010012', name: '张三' });
    const zone = readings.hold('passport-zone', { documentType: 'passport', idNumber: 'L898902C3', name: 'ERIKSSON ANNA MARIA' });
    const applicant = { cardType: 'resident' as const, idNumber: '310101195001010012', name: '张三' };
    expect(readings.sourceOf({ ...applicant, readingId: card })).toBe('chip');
    expect(readings.sourceOf({ cardType: 'passport', idNumber: 'L898902C3', name: 'ERIKSSON ANNA MARIA', readingId: zone })).toBe('passport-zone');
    expect(readings.sourceOf(applicant)).toBe('typed');
    // A reading id with another person's number, or a forged id, is typing.
    expect(readings.sourceOf({ ...applicant, idNumber: '310101195001010020', readingId: card })).toBe('typed');
    expect(readings.sourceOf({ ...applicant, readingId: 'forged' })).toBe('typed');
    now += 5 * 3600_000;
    expect(readings.sourceOf({ ...applicant, readingId: card })).toBe('typed');
  });
});
