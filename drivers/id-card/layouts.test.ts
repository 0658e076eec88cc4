import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { IdentityCard } from '../../domain/identity-card';
import { idNumberCheckCharacter } from '../../domain/id-number';
import { IdCardReaderError } from './errors';
import { decodeCard, encodeCardText, isoDate } from './layouts';

/** A text block written field by field at hand-typed offsets, padded with spaces. */
function block(fields: Array<[offset: number, value: string]>, padding = 0x20): Uint8Array {
  const text = new Uint8Array(256);
  for (let i = 0; i < 256; i += 2) text[i] = padding;
  for (const [offset, value] of fields) {
    for (let i = 0; i < value.length; i++) {
      text[offset + 2 * i] = value.charCodeAt(i) & 0xff;
      text[offset + 2 * i + 1] = value.charCodeAt(i) >> 8;
    }
  }
  return text;
}

const photo = new Uint8Array(1024).map((_, i) => (i * 7) & 0xff);
const photoBase64 = Buffer.from(photo).toString('base64');

describe('text layouts, from hand-written blocks', () => {
  it('decodes a resident card: UTF-16LE, trimmed, ISO dates, ethnicity name', () => {
    const text = block([
      [0, '张小明'], [30, '1'], [32, '01'], [36, '19900101'], [52, '上海市黄浦区人民大道200号'],
      [122, '310101199001010012'], [158, '上海市公安局黄浦分局'], [188, '20150601'], [204, '20350601'],
    ]);
    const { card, warnings } = decodeCard(text, photo, { today: '2026-01-01' });
    expect(card).toEqual({
      cardType: 'resident', name: '张小明', sex: 'male', ethnicityCode: '01', ethnicity: '汉族',
      birthDate: '1990-01-01', address: '上海市黄浦区人民大道200号', idNumber: '310101199001010012',
      issuer: '上海市公安局黄浦分局', validFrom: '2015-06-01', validTo: '2035-06-01', photo: photoBase64,
    } satisfies IdentityCard);
    expect(warnings).toEqual([]);
  });

  it('reads 长期 as no end date, and NUL padding like space padding', () => {
    const text = block(
      [[0, '李四'], [30, '2'], [32, '05'], [36, '19500102'], [122, '650102195001020022'], [188, '20100101'], [204, '长期']],
      0x00,
    );
    const { card } = decodeCard(text, photo);
    expect(card.validTo).toBeNull();
    expect(card.ethnicity).toBe('维吾尔族');
    expect(card.sex).toBe('female');
    expect(card.address).toBeUndefined();
  });

  it('warns about a wrong check digit and an expired card but still decodes', () => {
    const text = block([[0, '王五'], [30, '1'], [32, '01'], [36, '19800101'], [122, '110101198001010011'], [188, '20000101'], [204, '20200101']]);
    const { card, warnings } = decodeCard(text, photo, { today: '2026-03-01' });
    expect(card.idNumber).toBe('110101198001010011');
    expect(warnings).toContain('card-expired');
    expect(warnings).toContain('id-number-check-digit');
  });

  it("decodes a 2017 foreign permanent resident card (type 'I')", () => {
    const text = block([
      [0, 'MUELLER, ANNA'], [120, '2'], [122, 'DEU110085070801'], [152, 'DEU'], [158, '安娜'],
      [188, '20170616'], [204, '20270616'], [220, '19850708'], [236, '01'], [240, '1100'], [248, 'I'],
    ]);
    const { card, warnings } = decodeCard(text, photo, { today: '2026-01-01' });
    expect(card).toEqual({
      cardType: 'foreign-permanent-2017', name: '安娜', englishName: 'MUELLER, ANNA', sex: 'female',
      birthDate: '1985-07-08', idNumber: 'DEU110085070801', issuer: '1100', validFrom: '2017-06-16',
      validTo: '2027-06-16', nationality: 'DEU', photo: photoBase64,
    } satisfies IdentityCard);
    // The 2017 number has no MOD 11-2 check character.
    expect(warnings).toEqual([]);
  });

  it("decodes a 2023 foreign permanent resident card (type 'Y'), joining the two English name fields", () => {
    const english = 'WILLIAMSON-SMYTHE, ALEXANDRA VICTORIA KATE'; // 42 characters: 35 + 7
    const number = `93111019920315002${idNumberCheckCharacter('93111019920315002')}`;
    const text = block([
      [0, '亚历山德拉'], [30, '2'], [32, '01'], [36, '19920315'], [52, english.slice(0, 35)], [122, number],
      [188, '20231201'], [204, '20331201'], [220, english.slice(35)], [242, 'GBR'], [248, 'Y'], [250, 'GBR'],
    ]);
    const { card, warnings } = decodeCard(text, photo, { today: '2026-01-01' });
    expect(card).toEqual({
      cardType: 'foreign-permanent-2023', name: '亚历山德拉', englishName: english, sex: 'female',
      birthDate: '1992-03-15', idNumber: number, validFrom: '2023-12-01', validTo: '2033-12-01', issueCount: 1,
      nationality: 'GBR', photo: photoBase64,
    } satisfies IdentityCard);
    expect(warnings).toEqual([]);
  });

  it("decodes an HK/Macao/Taiwan residence permit (type 'J')", () => {
    const number = `82000019870909001${idNumberCheckCharacter('82000019870909001')}`;
    const text = block([
      [0, '何家明'], [30, '1'], [36, '19870909'], [52, '上海市普陀区中山北路3000号'], [122, number],
      [158, '上海市公安局普陀分局'], [188, '20190101'], [204, '20240101'], [220, 'M12345678'], [238, '02'], [248, 'J'],
    ]);
    const { card } = decodeCard(text, photo);
    expect(card).toEqual({
      cardType: 'gat-residence', name: '何家明', sex: 'male', birthDate: '1987-09-09',
      address: '上海市普陀区中山北路3000号', idNumber: number, issuer: '上海市公安局普陀分局',
      validFrom: '2019-01-01', validTo: '2024-01-01', passNumber: 'M12345678', issueCount: 2, photo: photoBase64,
    } satisfies IdentityCard);
  });

  it('rejects a card with an impossible birth date or no name as id-card-data-invalid', () => {
    const bad = [
      block([[0, '赵六'], [30, '1'], [36, '19900230'], [122, '110101199002300011'], [188, '20100101'], [204, '20300101']]),
      block([[30, '1'], [36, '19900101'], [122, '110101199001010011'], [188, '20100101'], [204, '20300101']]),
      block([[0, '赵六'], [30, '1'], [36, '19900101'], [122, '110101199001010011'], [188, '2010010'], [204, '20300101']]),
    ];
    for (const text of bad) {
      expect(() => decodeCard(text, photo)).toThrow(IdCardReaderError);
      try {
        decodeCard(text, photo);
      } catch (err) {
        expect((err as IdCardReaderError).code).toBe('id-card-data-invalid');
      }
    }
    expect(() => decodeCard(new Uint8Array(255), photo)).toThrow(IdCardReaderError);
  });

  it('checks calendar dates', () => {
    expect(isoDate('20240229')).toBe('2024-02-29');
    expect(isoDate('20230229')).toBeNull();
    expect(isoDate('2023-01-01')).toBeNull();
  });
});

// ---- property: every card we can express survives encode → decode ----

const cjk = fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((c) => String.fromCharCode(c));
const cjkText = (max: number) => fc.array(cjk, { minLength: 1, maxLength: max }).map((a) => a.join(''));
const latinName = (max: number) =>
  fc
    .array(fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ ,-'), { minLength: 1, maxLength: max })
    .map((a) => a.join('').trim())
    .filter((s) => s.length > 0);
const date = fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }).map((d) =>
  d.toISOString().slice(0, 10),
);
const sex = fc.constantFrom('male', 'female', 'unknown', 'unspecified') as fc.Arbitrary<IdentityCard['sex']>;
const idNumber = fc.stringMatching(/^\d{17}$/).map((s) => s + (idNumberCheckCharacter(s) as string));
const photoArb = fc.uint8Array({ minLength: 1024, maxLength: 1024 }).map((b) => Buffer.from(b).toString('base64'));
const ethnicityCode = fc.integer({ min: 1, max: 56 }).map((n) => String(n).padStart(2, '0'));

const resident: fc.Arbitrary<IdentityCard> = fc.record({
  cardType: fc.constant('resident' as const),
  name: cjkText(15),
  sex,
  ethnicityCode,
  birthDate: date,
  address: cjkText(35),
  idNumber,
  issuer: cjkText(15),
  validFrom: date,
  validTo: fc.option(date, { nil: null }),
  photo: photoArb,
});

const gat: fc.Arbitrary<IdentityCard> = fc.record({
  cardType: fc.constant('gat-residence' as const),
  name: cjkText(15),
  sex,
  birthDate: date,
  address: cjkText(35),
  idNumber,
  issuer: cjkText(15),
  validFrom: date,
  validTo: fc.option(date, { nil: null }),
  passNumber: fc.stringMatching(/^[HM]?\d{8}$/),
  issueCount: fc.integer({ min: 0, max: 99 }),
  photo: photoArb,
});

const foreign2017: fc.Arbitrary<IdentityCard> = fc.record({
  cardType: fc.constant('foreign-permanent-2017' as const),
  name: cjkText(15),
  englishName: latinName(60),
  sex,
  birthDate: date,
  idNumber: fc.stringMatching(/^[A-Z]{3}\d{12}$/),
  issuer: fc.stringMatching(/^\d{4}$/),
  validFrom: date,
  validTo: fc.option(date, { nil: null }),
  nationality: fc.stringMatching(/^[A-Z]{3}$/),
  photo: photoArb,
});

const foreign2023: fc.Arbitrary<IdentityCard> = fc.record({
  cardType: fc.constant('foreign-permanent-2023' as const),
  name: cjkText(15),
  englishName: latinName(46),
  sex,
  birthDate: date,
  idNumber: idNumber.map((n) => `9${n.slice(1, 17)}`).map((s) => s + (idNumberCheckCharacter(s) as string)),
  validFrom: date,
  validTo: fc.option(date, { nil: null }),
  issueCount: fc.integer({ min: 0, max: 99 }),
  nationality: fc.stringMatching(/^[A-Z]{3}$/),
  photo: photoArb,
});

describe('text layouts, round trip (property)', () => {
  it('decodes what it encodes, for all four card types', () => {
    fc.assert(
      fc.property(fc.oneof(resident, gat, foreign2017, foreign2023), (card) => {
        const { card: decoded, warnings } = decodeCard(encodeCardText(card), new Uint8Array(Buffer.from(card.photo, 'base64')));
        const expected = { ...card };
        if (card.cardType === 'resident') expected.ethnicity = decoded.ethnicity as string;
        expect(decoded).toEqual(expected);
        expect(decoded.ethnicity === undefined).toBe(card.cardType !== 'resident');
        expect(warnings).not.toContain('id-number-check-digit');
      }),
      { numRuns: 300 },
    );
  });

  it('never throws anything but id-card-data-invalid on arbitrary text blocks', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 256, maxLength: 256 }), (text) => {
        try {
          decodeCard(text, photo);
        } catch (err) {
          expect(err).toBeInstanceOf(IdCardReaderError);
          expect((err as IdCardReaderError).code).toBe('id-card-data-invalid');
        }
      }),
      { numRuns: 500 },
    );
  });
});
