import { describe, expect, it } from 'vitest';
import { foreignPermanent2017Card, residentCard } from '../../fixtures/id-card-reader/sample-cards';
import { FRENCH_PASSPORT_MRZ, FRENCH_PASSPORT_MRZ_BAD_CHECK } from '../../fixtures/registry/sample-passports';
import { parseMrz } from '../mrz';
import { partyFromCard, partyFromPassport } from './party';

const FRENCH_PASSPORT = FRENCH_PASSPORT_MRZ;

describe('identifying a party at the registry desk', () => {
  it('takes a resident card as a Chinese citizen, sex in Chinese', () => {
    expect(partyFromCard(residentCard, [])).toEqual({
      party: { documentType: 'resident', name: residentCard.name, sex: '男', nationality: '中国', birthDate: residentCard.birthDate, idNumber: residentCard.idNumber },
      problems: [],
    });
  });

  it('names a permanent resident card holder’s country in Chinese and refuses an expired card', () => {
    expect(partyFromCard(foreignPermanent2017Card, []).party!.nationality).toBe('美国');
    expect(partyFromCard(residentCard, ['card-expired']).problems).toEqual(['card-expired']);
  });

  it('takes a passport by its zone, nationality in Chinese', () => {
    const { party, problems } = partyFromPassport(parseMrz(FRENCH_PASSPORT, { today: new Date('2026-11-28T00:00:00Z') }));
    expect(problems).toEqual([]);
    expect(party).toEqual({ documentType: 'passport', name: 'MARTIN SOPHIE MARIE', sex: '女', nationality: '法国', birthDate: '1990-06-15', idNumber: '18FR12345' });
  });

  it('refuses a passport whose zone fails its check digits, and names an expired one', () => {
    expect(partyFromPassport(parseMrz(FRENCH_PASSPORT_MRZ_BAD_CHECK))).toEqual({ problems: ['passport-invalid'] });
    expect(partyFromPassport(parseMrz(FRENCH_PASSPORT, { today: new Date('2031-03-02T00:00:00Z') })).problems).toEqual(['passport-expired']);
  });

  it('never carries a code it cannot name', () => {
    const utopia = ['P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C36UTO7408122F1204159ZE184226B<<<<<10'];
    const { party, problems } = partyFromPassport(parseMrz(utopia, { today: new Date('2010-01-01T00:00:00Z') }));
    expect(problems).toContain('nationality-unknown');
    expect(party!.nationality).toBe('');
  });
});
