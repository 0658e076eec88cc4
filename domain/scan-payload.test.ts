import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyScanPayload, DEFAULT_SCAN_PAYLOAD_RULES, type ScanPayloadRules, urlHost } from './scan-payload';

describe('classifyScanPayload', () => {
  it('reads a VAT ordinary e-invoice QR code (older layout, with invoice code and check code)', () => {
    const raw = '01,10,011001605111,80100798,64.9,20161018,85342965681116380258,';
    const result = classifyScanPayload(raw);
    expect(result.kind).toBe('e-invoice');
    if (result.kind !== 'e-invoice') return;
    expect(result.raw).toBe(raw);
    expect(result.invoice).toMatchObject({
      typeCode: '10',
      type: 'vat-ordinary-electronic',
      invoiceCode: '011001605111',
      invoiceNumber: '80100798',
      amount: '64.9',
      issueDate: '2016-10-18',
      checkCode: '85342965681116380258',
    });
    expect(result.warnings).toEqual([]);
  });

  it('reads a fully digitised invoice (empty code, 20-digit number, 4-hex trailer)', () => {
    const result = classifyScanPayload('01,32,,23442000000014209621,112,20230215,,74AE');
    expect(result.kind).toBe('e-invoice');
    if (result.kind !== 'e-invoice') return;
    expect(result.invoice.invoiceCode).toBe('');
    expect(result.invoice.invoiceNumber).toBe('23442000000014209621');
    expect(result.invoice.type).toBe('digital-ordinary');
    expect(result.invoice.trailer).toBe('74AE');
    expect(result.invoice.issueDate).toBe('2023-02-15');
  });

  it('reads a VAT special invoice without check code', () => {
    const result = classifyScanPayload('01,01,1200154130,03630024,94339.62,20160621,,9335,');
    expect(result.kind).toBe('e-invoice');
    if (result.kind === 'e-invoice') expect(result.invoice.checkCode).toBe('');
  });

  it('keeps scanner padding in raw but ignores it for classification', () => {
    const raw = '\uFEFF01,04,4200161350,00015045,165106.00,20160501,48114255542168294433,DBFE,\r\n';
    const result = classifyScanPayload(raw);
    expect(result.kind).toBe('e-invoice');
    expect(result.raw).toBe(raw);
  });

  it('refuses an "01," string whose date or number is impossible', () => {
    expect(classifyScanPayload('01,10,011001605111,80100798,64.9,20161318,85342965681116380258,').kind).toBe('text');
    expect(classifyScanPayload('01,10,011001605111,80100798,64.9,20230229,85342965681116380258,').kind).toBe('text');
    expect(classifyScanPayload('01,10,011001605111,8010079,64.9,20161018,85342965681116380258,').kind).toBe('text');
    expect(classifyScanPayload('01,2,3').kind).toBe('text');
  });

  it('warns about unusual but non-essential invoice fields instead of refusing', () => {
    const result = classifyScanPayload('01,10,0110,80100798,abc,20161018,853,');
    expect(result.kind).toBe('e-invoice');
    if (result.kind === 'e-invoice') {
      expect(result.warnings).toEqual(['e-invoice-code-unusual', 'e-invoice-amount-unusual', 'e-invoice-check-code-unusual']);
    }
  });

  it('uses the default (assumed) rules for the Suishen code and e-voucher links', () => {
    const suishen = classifyScanPayload('https://ss.sh.gov.cn/code?c=abc');
    expect(suishen).toMatchObject({ kind: 'suishen-code', assumed: true });
    const voucher = classifyScanPayload('https://m.nhsa.gov.cn/ec?token=1');
    expect(voucher).toMatchObject({ kind: 'medical-insurance-e-voucher', assumed: true });
    // A look-alike host must not match.
    expect(classifyScanPayload('https://evilsh.gov.cn.example.com/x').kind).toBe('text');
    expect(classifyScanPayload('https://notnhsa.gov.cn/').kind).toBe('text');
  });

  it('uses rules from configuration: all criteria of a rule must hold', () => {
    const rules: ScanPayloadRules = {
      suishenCode: [{ id: 'site-ssm', prefixes: ['SSM'], minLength: 10 }],
      medicalInsuranceEVoucher: [{ id: 'site-ec', pattern: '^[0-9A-F]{64}$' }],
    };
    expect(classifyScanPayload('SSM1234567890', rules)).toEqual({ kind: 'suishen-code', raw: 'SSM1234567890', ruleId: 'site-ssm', assumed: false });
    expect(classifyScanPayload('SSM12', rules).kind).toBe('text');
    expect(classifyScanPayload('A'.repeat(64), rules).kind).toBe('medical-insurance-e-voucher');
    expect(classifyScanPayload('A'.repeat(63), rules).kind).toBe('text');
  });

  it('ignores broken rules (invalid regex, empty rule, junk) instead of throwing', () => {
    const rules = {
      suishenCode: [{ id: 'bad', pattern: '([' }, { id: 'empty' }, null, { id: 'blank-prefix', prefixes: [''] }],
      medicalInsuranceEVoucher: 'not a list',
    } as unknown as ScanPayloadRules;
    expect(classifyScanPayload('anything', rules).kind).toBe('text');
    expect(classifyScanPayload('x', undefined)).toEqual({ kind: 'text', raw: 'x' });
  });

  it('never throws and always keeps the raw payload, for any string and any rules', () => {
    const rule = fc.record(
      {
        id: fc.string(),
        prefixes: fc.array(fc.string()),
        urlHostSuffixes: fc.array(fc.string()),
        pattern: fc.string(),
        minLength: fc.integer(),
        maxLength: fc.integer(),
      },
      { requiredKeys: ['id'] },
    );
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), fc.array(rule, { maxLength: 3 }), (raw, suishenCode) => {
        const result = classifyScanPayload(raw, { suishenCode, medicalInsuranceEVoucher: DEFAULT_SCAN_PAYLOAD_RULES.medicalInsuranceEVoucher });
        expect(result.raw).toBe(raw);
      }),
      { numRuns: 1000 },
    );
  });

  it('classifies every well-formed generated e-invoice as one and gives back its fields', () => {
    const digits = (n: number) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: n, maxLength: n });
    const date = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true });
    fc.assert(
      fc.property(
        fc.constantFrom('01', '04', '10', '32', '99'),
        fc.oneof(fc.constant(''), digits(10), digits(12)),
        fc.oneof(digits(8), digits(20)),
        fc.tuple(fc.nat(10_000_000), fc.nat(99)),
        date,
        fc.oneof(fc.constant(''), digits(20)),
        fc.boolean(),
        (type, code, number, [units, cents], day, check, trailingComma) => {
          const iso = day.toISOString().slice(0, 10);
          const amount = `${units}.${String(cents).padStart(2, '0')}`;
          const raw = `01,${type},${code},${number},${amount},${iso.replaceAll('-', '')},${check},AB12${trailingComma ? ',' : ''}`;
          const result = classifyScanPayload(raw);
          expect(result.kind).toBe('e-invoice');
          if (result.kind !== 'e-invoice') return;
          expect(result.invoice).toMatchObject({ typeCode: type, invoiceCode: code, invoiceNumber: number, amount, issueDate: iso, checkCode: check, trailer: 'AB12' });
          expect(result.warnings).toEqual([]);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('does not take over plain text that happens to contain commas', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }).filter((s) => !s.replace(/^[\uFEFF\s\u0000-\u001F]+/, '').startsWith('01,')), (text) => {
        expect(classifyScanPayload(text).kind).toBe('text');
      }),
    );
  });
});

describe('urlHost', () => {
  it('extracts the host without userinfo or port', () => {
    expect(urlHost('https://user:pw@Example.SH.gov.cn:8443/a?b')).toBe('example.sh.gov.cn');
    expect(urlHost('http://a.b')).toBe('a.b');
    expect(urlHost('ftp://a.b')).toBeUndefined();
    expect(urlHost('https://')).toBeUndefined();
  });
});
