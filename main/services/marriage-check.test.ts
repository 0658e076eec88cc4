import { describe, expect, it } from 'vitest';
import { refuseUnlawfulMarriage } from './marriage-check';

const party = (sex: string, birthDate: string, idNumber: string) => ({ name: '某', sex, nationality: '中国', birthDate, idNumber });

describe('marriage check at the certificate printer', () => {
  it('refuses a marriage certificate for a party under age, naming who and how old', () => {
    const data = { registeredOn: '2026-11-23', parties: [party('男', '2005-01-01', 'A'), party('女', '2000-01-01', 'B')] };
    expect(() => refuseUnlawfulMarriage('J', data)).toThrow(expect.objectContaining({ code: 'marriage-not-allowed', params: { problems: 'marriage-under-age:0:22:21' } }));
  });

  it('leaves other certificates, lawful marriages and incomplete data alone', () => {
    const young = { registeredOn: '2026-11-23', parties: [party('男', '2005-01-01', 'A'), party('女', '2000-01-01', 'B')] };
    expect(() => refuseUnlawfulMarriage('L', young)).not.toThrow();
    expect(() => refuseUnlawfulMarriage('BJ', young)).not.toThrow();
    expect(() => refuseUnlawfulMarriage('J', { registeredOn: '2026-11-23', parties: [party('男', '1990-01-01', 'A'), party('女', '1992-01-01', 'B')] })).not.toThrow();
    expect(() => refuseUnlawfulMarriage('J', { parties: [] })).not.toThrow();
  });
});
