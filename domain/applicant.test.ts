import { describe, expect, it } from 'vitest';
import { sampleCards } from '../fixtures/id-card-reader/sample-cards';
import { applicantFromCard, applicantFromPassport, applicantFromSocialSecurityCard } from './applicant';
import { parseMrz } from './mrz';

// A TD3 specimen with every check digit right, valid until 2031.
const PASSPORT = ['P<GBRSMITH<<JOHN<PETER<<<<<<<<<<<<<<<<<<<<<<', 'K123456784GBR8503127M3101012<<<<<<<<<<<<<<02'];
const TODAY = new Date('2026-11-23T00:00:00Z');

describe('applicant identity', () => {
  it('takes a social security card as a resident identified by the social security number (its ID number)', () => {
    const card = { cardNumber: 'S31000042', socialSecurityNumber: '310104199001011233', name: '李春燕', sex: 'female' as const, issuingRegionCode: '310000', cardIdentifier: '310000D15600000500A8E7D2ECC9F8C1', specVersion: '3.00', issuedOn: '2023-06-15', validTo: '2033-06-15' };
    expect(applicantFromSocialSecurityCard(card)).toEqual({ documentType: 'resident', name: '李春燕', sex: 'female', birthDate: '1990-01-01', idNumber: '310104199001011233' });
    expect(applicantFromSocialSecurityCard({ ...card, birthDate: '1990-01-02' }).birthDate).toBe('1990-01-02');
  });

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
