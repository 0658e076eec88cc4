/**
 * The parser and the read procedure against records written out by hand from
 * the specification's layout (tag = record number, length, value), over a
 * scripted APDU channel: no PC/SC needed.
 */
import { describe, expect, it } from 'vitest';
import { SocialSecurityCardError } from './errors';
import { parseCardRecords } from './layout';
import { readSocialSecurityCard, type ApduChannel } from './procedure';

const gbk = (hexText: string) => Uint8Array.from(Buffer.from(hexText, 'hex'));
const tlv = (tag: number, value: Uint8Array) => Uint8Array.from([tag, value.length, ...value]);
const ascii = (text: string, size: number) => Uint8Array.from([...Buffer.from(text, 'ascii'), ...new Array<number>(size - text.length).fill(0)]);

function sampleRecords(overrides: Record<number, Uint8Array> = {}): Map<number, Uint8Array> {
  const records = new Map<number, Uint8Array>([
    [0x01, tlv(0x01, gbk('310000D15600000500A8E7D2ECC9F8C1'))],
    [0x03, tlv(0x03, ascii('3.00', 4))],
    [0x05, tlv(0x05, gbk('20230615'))],
    [0x06, tlv(0x06, gbk('20330615'))],
    [0x07, tlv(0x07, ascii('S31000042', 9))],
    [0x08, tlv(0x08, ascii('310104199001011233', 18))],
    // 王小明 in GBK, padded with NUL to 30 bytes.
    [0x09, tlv(0x09, Uint8Array.from([...gbk('cdf5d0a1c3f7'), ...new Array<number>(24).fill(0)]))],
    [0x0a, tlv(0x0a, ascii('1', 1))],
    [0x0b, tlv(0x0b, gbk('01'))],
    [0x0d, tlv(0x0d, gbk('19900101'))],
  ]);
  for (const [k, v] of Object.entries(overrides)) records.set(Number(k), tlv(Number(k), v));
  return records;
}

describe('social security card records (EF05, EF06)', () => {
  it('reads the basic fields: card and social security numbers, GBK name, sex, region, validity', () => {
    expect(parseCardRecords(sampleRecords())).toEqual({
      cardNumber: 'S31000042',
      socialSecurityNumber: '310104199001011233',
      name: '王小明',
      sex: 'male',
      ethnicityCode: '01',
      birthDate: '1990-01-01',
      issuingRegionCode: '310000',
      cardIdentifier: '310000D15600000500A8E7D2ECC9F8C1',
      specVersion: '3.00',
      issuedOn: '2023-06-15',
      validTo: '2033-06-15',
    });
  });

  it.each([
    ['a record whose tag names another record', () => new Map([...sampleRecords(), [0x07, tlv(0x06, ascii('S31000042', 9))]]), /record 7: tag/],
    ['a length beyond the bytes read', () => new Map([...sampleRecords(), [0x08, Uint8Array.from([0x08, 0x20, 0x31])]]), /length/],
    ['an impossible date', () => sampleRecords({ 0x06: gbk('20330230') }), /valid to/],
    ['a date that is not BCD', () => sampleRecords({ 0x05: gbk('2023061F') }), /not BCD/],
    ['a sex code outside GB/T 2261.1', () => sampleRecords({ 0x0a: ascii('7', 1) }), /sex/],
    ['a name that is not GBK', () => sampleRecords({ 0x09: Uint8Array.from([0xff, 0x30]) }), /name/],
    ['a social security number of the wrong shape', () => sampleRecords({ 0x08: ascii('31010419900101', 18) }), /social security number/],
    ['a missing card number', () => new Map([...sampleRecords()].filter(([k]) => k !== 0x07)), /record 7 missing/],
  ])('refuses %s as ssc-data-invalid', (_, records, detail) => {
    let thrown: unknown;
    try {
      parseCardRecords(records());
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(SocialSecurityCardError);
    expect((thrown as SocialSecurityCardError).code).toBe('ssc-data-invalid');
    expect((thrown as SocialSecurityCardError).detail).toMatch(detail);
  });
});

/** A T=0 card: answers 6C xx to a wrong Le and hands long answers out by 61 xx / GET RESPONSE. */
function scriptedCard(records: Map<number, Uint8Array>, options: { ssse?: boolean } = {}): ApduChannel & { log: string[] } {
  const log: string[] = [];
  let pending: Uint8Array | undefined;
  return {
    log,
    async transmit(command) {
      const h = Buffer.from(command).toString('hex').toUpperCase();
      log.push(h);
      const ok = (data: Uint8Array = new Uint8Array()) => Uint8Array.from([...data, 0x90, 0x00]);
      if (h.startsWith('00A40400')) return options.ssse === false ? Uint8Array.from([0x6a, 0x82]) : Uint8Array.from([0x61, 0x04]);
      if (h.startsWith('00C00000')) return ok(pending ?? new Uint8Array(4));
      if (h === '00A4020002EF05' || h === '00A4020002EF06') return ok();
      if (h.startsWith('00B2')) {
        const record = records.get(command[2] as number);
        if (!record) return Uint8Array.from([0x6a, 0x83]);
        if (command[4] !== record.length) return Uint8Array.from([0x6c, record.length]);
        return ok(record);
      }
      return Uint8Array.from([0x6d, 0x00]);
    },
  };
}

describe('the read procedure', () => {
  it('selects SSSE by name, then EF05 and EF06, and follows 61xx and 6Cxx', async () => {
    const card = scriptedCard(sampleRecords());
    const reading = await readSocialSecurityCard(card, () => Date.UTC(2026, 0, 1));
    expect(reading.card.name).toBe('王小明');
    expect(reading.warnings).toEqual([]);
    expect(card.log[0]).toBe('00A404000F7378312E73682EC9E7BBE1B1A3D5CF');
    expect(card.log).toContain('00C0000004');
    expect(card.log).toContain('00A4020002EF05');
    expect(card.log).toContain('00B2070400');
    expect(card.log).toContain('00B207040B');
  });

  it('warns of an expired card and a failing ID number check, and still reads it', async () => {
    const card = scriptedCard(sampleRecords({ 0x08: ascii('310104199001011234', 18), 0x06: gbk('20250101') }));
    const reading = await readSocialSecurityCard(card, () => Date.UTC(2026, 0, 1));
    expect(reading.warnings).toEqual(['id-number-check-digit', 'card-expired']);
  });

  it('reads a card without the optional ethnicity and birth date records', async () => {
    const records = new Map([...sampleRecords()].filter(([k]) => k !== 0x0b && k !== 0x0d));
    const reading = await readSocialSecurityCard(scriptedCard(records));
    expect(reading.card.ethnicityCode).toBeUndefined();
    expect(reading.card.birthDate).toBeUndefined();
  });

  it('calls a card without the SSSE application not a social security card', async () => {
    await expect(readSocialSecurityCard(scriptedCard(sampleRecords(), { ssse: false }))).rejects.toMatchObject({ code: 'ssc-not-social-security-card', sw: 0x6a82 });
  });

  it('takes an answer without a status word for a card gone mid-command', async () => {
    const channel: ApduChannel = { transmit: async () => new Uint8Array() };
    await expect(readSocialSecurityCard(channel)).rejects.toMatchObject({ code: 'ssc-card-removed' });
  });
});
