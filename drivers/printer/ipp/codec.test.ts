import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GROUP_TAGS, IppCodecError, decodeIppMessage, encodeIppMessage, type IppAttribute, type IppMessage, type IppValue } from './codec';
import { getPrinterAttributesRequest } from './operations';

/** Bytes written by hand from RFC 8010: hex pairs, and "quoted" ASCII runs. */
function bytes(spec: string): Uint8Array {
  const out: number[] = [];
  for (const token of spec.match(/"[^"]*"|\S+/g) ?? []) {
    if (token.startsWith('"')) out.push(...Array.from(token.slice(1, -1), (c) => c.charCodeAt(0)));
    else out.push(parseInt(token, 16));
  }
  return Uint8Array.from(out);
}

describe('IPP encoding, hand-written vectors from RFC 8010', () => {
  it('encodes a Get-Printer-Attributes request header and operation group byte for byte', () => {
    const message = getPrinterAttributesRequest('ipp://localhost/ipp/print', 1, 'terminal');
    const encoded = encodeIppMessage({ ...message, groups: [{ ...message.groups[0]!, attributes: message.groups[0]!.attributes.slice(0, 3) }] });
    expect(encoded).toEqual(
      bytes(`01 01 00 0B 00 00 00 01
        01
        47 00 12 "attributes-charset" 00 05 "utf-8"
        48 00 1B "attributes-natural-language" 00 02 "en"
        45 00 0B "printer-uri" 00 19 "ipp://localhost/ipp/print"
        03`),
    );
  });

  it('decodes the media-col collection example of RFC 8010 §3.1.6', () => {
    const wire = bytes(`01 01 00 00 00 00 00 07
      04
      34 00 09 "media-col" 00 00
        4A 00 00 00 0A "media-size"
        34 00 00 00 00
          4A 00 00 00 0B "x-dimension"
          21 00 00 00 04 00 00 52 08
          4A 00 00 00 0B "y-dimension"
          21 00 00 00 04 00 00 74 04
        37 00 00 00 00
      37 00 00 00 00
      03`);
    const message = decodeIppMessage(wire);
    expect(message.code).toBe(0);
    expect(message.requestId).toBe(7);
    expect(message.groups).toEqual([
      {
        tag: GROUP_TAGS.printer,
        attributes: [
          {
            name: 'media-col',
            values: [
              {
                tag: 'collection',
                members: [
                  {
                    name: 'media-size',
                    values: [
                      {
                        tag: 'collection',
                        members: [
                          { name: 'x-dimension', values: [{ tag: 'integer', value: 21000 }] },
                          { name: 'y-dimension', values: [{ tag: 'integer', value: 29700 }] },
                        ],
                      },
                    ],
                  },
                ],
              },
            ],
          },
        ],
      },
    ]);
    expect(encodeIppMessage(message)).toEqual(wire);
  });

  it('decodes a 1setOf with additional values, a text with language and the document data after the end tag', () => {
    const wire = bytes(`01 01 04 0B 00 00 00 02
      01
      35 00 0E "status-message" 00 0B 00 02 "en" 00 05 "hello"
      05
      44 00 05 "media" 00 04 "a4xx"
      44 00 00 00 05 "b5xxx"
      13 00 0D "print-scaling" 00 00
      03 25 50 44 46`);
    const message = decodeIppMessage(wire);
    expect(message.code).toBe(0x040b);
    expect(message.groups[0]!.attributes[0]).toEqual({
      name: 'status-message',
      values: [{ tag: 'textWithLanguage', language: 'en', value: 'hello' }],
    });
    expect(message.groups[1]).toEqual({
      tag: GROUP_TAGS.unsupported,
      attributes: [
        { name: 'media', values: [{ tag: 'keyword', value: 'a4xx' }, { tag: 'keyword', value: 'b5xxx' }] },
        { name: 'print-scaling', values: [{ tag: 'outOfBand', code: 0x13 }] },
      ],
    });
    expect(new TextDecoder().decode(message.data)).toBe('%PDF');
  });

  it('rejects a value length that runs past the end, naming the offset', () => {
    const wire = bytes('01 01 00 00 00 00 00 01 01 44 00 01 "m" 00 09 "abc"');
    let caught: unknown;
    try {
      decodeIppMessage(wire);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(IppCodecError);
    // Header 8 bytes, group tag, value tag, name length + "m", value length: the value starts at byte 15.
    expect((caught as IppCodecError).offset).toBe(15);
  });

  it('refuses to encode a value longer than 65535 bytes instead of truncating it', () => {
    const message: IppMessage = {
      version: { major: 1, minor: 1 },
      code: 2,
      requestId: 1,
      groups: [{ tag: 1, attributes: [{ name: 'job-name', values: [{ tag: 'nameWithoutLanguage', value: 'x'.repeat(70_000) }] }] }],
      data: new Uint8Array(0),
    };
    expect(() => encodeIppMessage(message)).toThrow(/16 bits/);
  });
});

// ---------------------------------------------------------------- properties

const int32 = fc.integer({ min: -0x80000000, max: 0x7fffffff });
const text = fc.string({ unit: 'binary', maxLength: 40 });
const name = fc.string({ unit: 'binary-ascii', minLength: 1, maxLength: 24 });

const simpleValue: fc.Arbitrary<IppValue> = fc.oneof(
  fc.record({ tag: fc.constantFrom('integer' as const, 'enum' as const), value: int32 }),
  fc.record({ tag: fc.constant('boolean' as const), value: fc.boolean() }),
  fc.record({
    tag: fc.constantFrom(
      'textWithoutLanguage' as const,
      'nameWithoutLanguage' as const,
      'keyword' as const,
      'uri' as const,
      'uriScheme' as const,
      'charset' as const,
      'naturalLanguage' as const,
      'mimeMediaType' as const,
    ),
    value: text,
  }),
  fc.record({ tag: fc.constantFrom('textWithLanguage' as const, 'nameWithLanguage' as const), language: text, value: text }),
  fc.record({ tag: fc.constant('octetString' as const), value: fc.uint8Array({ maxLength: 40 }) }),
  fc.record({
    tag: fc.constant('dateTime' as const),
    value: fc.record({
      year: fc.integer({ min: 0, max: 0xffff }),
      month: fc.integer({ min: 0, max: 255 }),
      day: fc.integer({ min: 0, max: 255 }),
      hour: fc.integer({ min: 0, max: 255 }),
      minutes: fc.integer({ min: 0, max: 255 }),
      seconds: fc.integer({ min: 0, max: 255 }),
      deciSeconds: fc.integer({ min: 0, max: 255 }),
      utcDirection: fc.constantFrom('+' as const, '-' as const),
      utcHours: fc.integer({ min: 0, max: 255 }),
      utcMinutes: fc.integer({ min: 0, max: 255 }),
    }),
  }),
  fc.record({ tag: fc.constant('resolution' as const), x: int32, y: int32, units: fc.integer({ min: -128, max: 127 }) }),
  fc.record({ tag: fc.constant('rangeOfInteger' as const), lower: int32, upper: int32 }),
  fc.record({ tag: fc.constant('outOfBand' as const), code: fc.constantFrom(0x10, 0x12, 0x13, 0x15, 0x16, 0x17) }),
  fc.record({ tag: fc.constant('opaque' as const), code: fc.constantFrom(0x20, 0x24, 0x38, 0x40, 0x43, 0x60, 0x7e, 0x80, 0xff), value: fc.uint8Array({ maxLength: 20 }) }),
);

const { value: anyValue } = fc.letrec<{ value: IppValue; member: IppAttribute }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    simpleValue,
    fc.record({ tag: fc.constant('collection' as const), members: fc.array(tie('member'), { maxLength: 4 }) }),
  ),
  member: fc.record({ name, values: fc.array(tie('value'), { minLength: 1, maxLength: 3 }) }),
}));

const attribute = fc.record({ name, values: fc.array(anyValue, { minLength: 1, maxLength: 4 }) });

const message: fc.Arbitrary<IppMessage> = fc.record({
  version: fc.record({ major: fc.integer({ min: 0, max: 255 }), minor: fc.integer({ min: 0, max: 255 }) }),
  code: fc.integer({ min: 0, max: 0xffff }),
  requestId: fc.integer({ min: 1, max: 0x7fffffff }),
  groups: fc.array(
    fc.record({ tag: fc.constantFrom(0x01, 0x02, 0x04, 0x05, 0x06, 0x07, 0x09, 0x0a, 0x0f), attributes: fc.array(attribute, { maxLength: 5 }) }),
    { maxLength: 4 },
  ),
  data: fc.uint8Array({ maxLength: 64 }),
});

describe('IPP text values', () => {
  // Found by the round-trip property (seed -591583531): the UTF-8 decoder stripped a leading U+FEFF as a byte-order mark.
  it('keeps a value that starts with U+FEFF: inside an attribute it is data, not a byte-order mark', () => {
    const m: IppMessage = {
      version: { major: 2, minor: 0 },
      code: 0,
      requestId: 1,
      groups: [{ tag: 0x01, attributes: [{ name: 'job-name', values: [{ tag: 'textWithoutLanguage', value: '\uFEFF申请表' }] }] }],
      data: new Uint8Array(),
    };
    expect(decodeIppMessage(encodeIppMessage(m))).toEqual(m);
  });
});

describe('IPP codec properties', () => {
  it('decodes what it encodes, exactly', () => {
    fc.assert(
      fc.property(message, (m) => {
        expect(decodeIppMessage(encodeIppMessage(m))).toEqual(m);
      }),
      { numRuns: 300 },
    );
  });

  it('reports a message cut anywhere before the end-of-attributes tag as malformed, never as a shorter message', () => {
    fc.assert(
      fc.property(message, fc.nat(), (m, cutSeed) => {
        const encoded = encodeIppMessage({ ...m, data: new Uint8Array(0) });
        const cut = cutSeed % (encoded.length - 1);
        expect(() => decodeIppMessage(encoded.subarray(0, cut))).toThrow(IppCodecError);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws anything but IppCodecError on random or corrupted bytes', () => {
    const corrupted = fc.tuple(message, fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 6 })).map(([m, flips]) => {
      const encoded = encodeIppMessage(m);
      for (const [position, value] of flips) encoded[position % encoded.length] = value;
      return encoded;
    });
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 200 }), corrupted), (wire) => {
        try {
          decodeIppMessage(wire);
        } catch (error) {
          expect(error).toBeInstanceOf(IppCodecError);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
