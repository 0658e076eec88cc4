import { describe, expect, it } from 'vitest';
import { refuseAgainstRegistryRules, workCalendar } from './certificate-rules';

const party = (sex: string, birthDate: string, idNumber: string) => ({ name: '某', sex, nationality: '中国', birthDate, idNumber });

describe('registry rules at the certificate printer', () => {
  it('refuses a marriage certificate for a party under age, naming who and how old', () => {
    const data = { registeredOn: '2026-11-23', parties: [party('男', '2005-01-01', 'A'), party('女', '2000-01-01', 'B')] };
    expect(() => refuseAgainstRegistryRules({ type: 'J', data })).toThrow(
      expect.objectContaining({ code: 'marriage-not-allowed', params: { problems: 'marriage-under-age:0:22:21' } }),
    );
  });

  it('leaves replacements, lawful marriages and incomplete data to the document', () => {
    const young = { registeredOn: '2026-11-23', parties: [party('男', '2005-01-01', 'A'), party('女', '2000-01-01', 'B')] };
    expect(() => refuseAgainstRegistryRules({ type: 'BJ', data: young })).not.toThrow();
    expect(() => refuseAgainstRegistryRules({ type: 'J', data: { registeredOn: '2026-11-23', parties: [party('男', '1990-01-01', 'A'), party('女', '1992-01-01', 'B')] } })).not.toThrow();
    expect(() => refuseAgainstRegistryRules({ type: 'J', data: { parties: [] } })).not.toThrow();
  });

  it('refuses any certificate naming a nationality by its code, for whichever party', () => {
    const data = { registeredOn: '2026-11-23', parties: [party('男', '1990-01-01', 'A'), { ...party('女', '1992-01-01', 'B'), nationality: 'FRA' }] };
    for (const type of ['J', 'BJ', 'BL']) {
      expect(() => refuseAgainstRegistryRules({ type, data })).toThrow(expect.objectContaining({ code: 'certificate-nationality-code', params: { n: 2, code: 'FRA' } }));
    }
    const named = { ...data, parties: [data.parties[0], { ...data.parties[1], nationality: '法国' }] };
    expect(() => refuseAgainstRegistryRules({ type: 'J', data: named })).not.toThrow();
  });

  it('takes the calendar from the backend configuration, or weekends only until it is pulled', () => {
    expect(workCalendar([{ id: 'holiday-calendar', value: { holidays: ['2026-10-01'], workingWeekends: ['2026-10-10'] } }])).toEqual({
      calendar: { holidays: ['2026-10-01'], workingWeekends: ['2026-10-10'] },
      fromBackend: true,
    });
    expect(workCalendar([])).toEqual({ calendar: { holidays: [], workingWeekends: [] }, fromBackend: false });
  });
});
