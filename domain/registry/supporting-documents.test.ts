import { describe, expect, it } from 'vitest';
import { foreignPermanent2017Card, foreignPermanent2023Card, gatResidenceCard, residentCard } from '../../fixtures/id-card-reader/sample-cards';
import { documentMaterialKey, documentTitle, identityDocumentTitle, supportingDocumentName, inferDocumentKind, isForeignRelated, missingDocuments, requiredDocuments, type DocumentParty } from './supporting-documents';

const mainland: DocumentParty = { name: residentCard.name, nationality: '中国', idNumber: residentCard.idNumber, documentType: 'resident' };
const gat: DocumentParty = { name: gatResidenceCard.name, nationality: '中国', idNumber: gatResidenceCard.idNumber, documentType: 'gat-residence' };
const permanent: DocumentParty = { name: foreignPermanent2023Card.name, nationality: '法国', idNumber: foreignPermanent2023Card.idNumber, documentType: 'foreign-permanent-2023' };
const french: DocumentParty = { name: 'MARTIN SOPHIE MARIE', nationality: '法国', idNumber: '18AB12345', documentType: 'passport' };
const overseasChinese: DocumentParty = { name: '林志强', nationality: '中国', idNumber: 'E12345678', documentType: 'passport' };
const titles = (business: Parameters<typeof requiredDocuments>[0], parties: DocumentParty[]) => requiredDocuments(business, parties).map((entry) => [entry.party, entry.document, entry.title]);

describe('supporting documents a registration needs per party', () => {
  // Mutation: dropping the 'gat' → 'notarised-declaration' line (or the foreigner's 'no-spouse-certificate') fails these.
  it('a domestic marriage needs none beyond the cards read on the desk', () => {
    expect(requiredDocuments('marriage', [mainland, { ...mainland, name: '马秀兰' }])).toEqual([]);
    expect(isForeignRelated([mainland, mainland])).toBe(false);
  });

  it('HK/Macao/Taiwan: the notarised declaration; foreigners: the authenticated certificate of no spouse', () => {
    expect(titles('marriage', [gat, permanent])).toEqual([
      [1, 'notarised-declaration', '陈大文经居住地公证的无配偶及无禁婚亲属关系声明'],
      [2, 'no-spouse-certificate', '玛丽经认证的无配偶证明'],
    ]);
    expect(isForeignRelated([mainland, permanent])).toBe(true);
  });

  it('a passport is copied (its data page); an overseas Chinese brings a certificate that also states no forbidden kinship', () => {
    expect(titles('marriage', [mainland, french])).toEqual([
      [2, 'passport', 'MARTIN SOPHIE MARIE护照（个人资料页）'],
      [2, 'no-spouse-certificate', 'MARTIN SOPHIE MARIE经认证的无配偶证明'],
    ]);
    expect(titles('marriage', [overseasChinese, mainland])).toEqual([
      [1, 'passport', '林志强护照（个人资料页）'],
      [1, 'no-spouse-kinship-certificate', '林志强经认证的无配偶及无禁婚亲属关系证明'],
    ]);
  });

  it('a divorce needs each party’s own marriage certificate, foreign-related or not, and never a certificate of no spouse', () => {
    expect(titles('divorce-application', [mainland, gat])).toEqual([
      [1, 'marriage-certificate', `${residentCard.name}持有的结婚证`],
      [2, 'marriage-certificate', '陈大文持有的结婚证'],
    ]);
    expect(titles('divorce-registration', [french, mainland])).toEqual([
      [1, 'passport', 'MARTIN SOPHIE MARIE护照（个人资料页）'],
      [1, 'marriage-certificate', 'MARTIN SOPHIE MARIE持有的结婚证'],
      [2, 'marriage-certificate', `${residentCard.name}持有的结婚证`],
    ]);
  });

  it('replacements, the record certificate and a withdrawal need only the identity document (copied when not read from a chip)', () => {
    for (const business of ['marriage-replacement', 'divorce-replacement', 'record-certificate', 'divorce-withdrawal'] as const) {
      expect(requiredDocuments(business, [mainland])).toEqual([]);
      expect(requiredDocuments(business, [gat])).toEqual([]);
      expect(titles(business, [{ name: '陈美玲', nationality: '中国', idNumber: 'H12345678', documentType: 'hk-macao-travel-permit' }])).toEqual([[1, 'travel-permit', '陈美玲港澳居民来往内地通行证']]);
    }
  });

  it('names what is still missing, per document and party', () => {
    const pages = { [documentMaterialKey('notarised-declaration', 1)]: 1 };
    expect(missingDocuments('marriage', [gat, permanent], pages).map((entry) => entry.title)).toEqual(['玛丽经认证的无配偶证明']);
    expect(missingDocuments('marriage', [gat, permanent], { ...pages, 'document:no-spouse-certificate:party-2': 2 })).toEqual([]);
    // A page recorded under the other party does not count.
    expect(missingDocuments('marriage', [gat, permanent], { ...pages, 'document:no-spouse-certificate:party-1': 1 })).toHaveLength(1);
  });
});

describe('a party with no recorded document kind (a case opened before it was recorded, typed by hand)', () => {
  // Mutation: returning 'resident' for every GB 11643 number fails the permit and 2023 card lines.
  it('infers it from the ID number and nationality, so the requirements stay those of the person', () => {
    expect(inferDocumentKind({ ...residentCard, nationality: '中国' })).toBe('resident');
    expect(inferDocumentKind({ ...gatResidenceCard, nationality: '中国' })).toBe('gat-residence');
    expect(inferDocumentKind({ ...foreignPermanent2023Card, nationality: '法国' })).toBe('foreign-permanent-2023');
    expect(inferDocumentKind({ ...foreignPermanent2017Card, nationality: '美国' })).toBe('foreign-permanent-2017');
    expect(inferDocumentKind({ idNumber: 'M12345678', nationality: '中国' })).toBe('hk-macao-travel-permit');
    expect(inferDocumentKind({ idNumber: '01234567', nationality: '中国' })).toBe('taiwan-travel-permit');
    expect(inferDocumentKind({ idNumber: 'E12345678', nationality: '中国' })).toBe('passport');
    expect(inferDocumentKind({ idNumber: '18AB12345', nationality: '法国' })).toBe('passport');
    const { documentType: _recorded, ...unrecorded } = gat;
    expect(titles('marriage', [unrecorded, { ...mainland, documentType: undefined }])).toEqual([[1, 'notarised-declaration', '陈大文经居住地公证的无配偶及无禁婚亲属关系声明']]);
  });

  it('names documents in English too (the officer messages carry both)', () => {
    expect(documentTitle('no-spouse-certificate', permanent, 'en')).toBe("玛丽's authenticated certificate of no spouse");
    expect(documentTitle('travel-permit', { name: 'CHAN', nationality: '中国', idNumber: '01234567' }, 'en')).toBe("CHAN's Taiwan travel permit to the mainland");
    expect(supportingDocumentName('marriage-certificate')).toBe('结婚证');
  });

  it('names identity documents as the review form prints them', () => {
    expect(['resident', 'gat-residence', 'foreign-permanent-2017', 'passport', 'taiwan-travel-permit'].map((kind) => identityDocumentTitle(kind as never))).toEqual([
      '居民身份证',
      '港澳台居民居住证',
      '外国人永久居留身份证',
      '护照',
      '台湾居民来往大陆通行证',
    ]);
  });
});
