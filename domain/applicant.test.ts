import { describe, expect, it } from 'vitest';
import { sampleCards } from '../fixtures/id-card-reader/sample-cards';
import { applicantFromCard, applicantFromPassport } from './applicant';
import { parseMrz } from './mrz';

// A TD3 specimen with every check digit right, valid until 2031.
const PASSPORT = ['P<GBRSMITH<<JOHN<PETER<<<<<<<<<<<<<<<<<<<<<<', 'K123456784GBR8503127M3101012<<<<<<<<<<<<<<02'];
const TODAY = new Date('2026-11-23T00:00:00Z');

describe('applicant identity', () => {
  it('takes a card as read, with only the fields the card carries', () => {
    const card = sampleCards.foreignPermanent2023;
    const applicant = applicantFromCard(card);
    expect(applicant).toMatchObject({ documentType: card.cardType, name: card.name, idNumber: card.idNumber, sex: card.sex, birthDate: card.birthDate });
    expect(applicant.englishName).toBe(card.englishName);
    expect('address' in applicant).toBe(card.address !== undefined);
  });

  it('takes a checked passport: surname first, the document number as the number', () => {
    expect(applicantFromPassport(parseMrz(PASSPORT, { today: TODAY }))).toEqual({
      documentType: 'passport',
      name: 'SMITH JOHN PETER',
      englishName: 'SMITH JOHN PETER',
      sex: 'male',
      birthDate: '1985-03-12',
      idNumber: 'K12345678',
      nationality: 'GBR',
    });
  });

  it('refuses a zone with a wrong check digit, and keeps an expired passport for the officer to judge', () => {
    expect(applicantFromPassport(parseMrz([PASSPORT[0]!, PASSPORT[1]!.replace('8503127', '8503128')], { today: TODAY }))).toBeUndefined();
    const later = parseMrz(PASSPORT, { today: new Date('2032-01-01T00:00:00Z') });
    expect(later.expired).toBe(true);
    expect(applicantFromPassport(later)?.idNumber).toBe('K12345678');
  });
});
