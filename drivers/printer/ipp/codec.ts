/**
 * Binary encoding of IPP/1.1 messages (RFC 8010 §3): the small subset of the
 * protocol the terminal speaks, with no I/O. No npm IPP library fits: `ipp`
 * is unmaintained and its registry entry carries a proprietary licence, and
 * `ipp-encoder` decodes neither collections (media-col, needed to read a
 * printer's media) nor ranges nor resolutions. The wire format is small and
 * stable, so it lives here, property-tested against itself and checked
 * against hand-written bytes and a real `ippeveprinter`.
 *
 * Layout: version (2 bytes) · operation-id or status-code (2) · request-id (4)
 * · groups · end-of-attributes tag (0x03) · document data. Each attribute is
 * value-tag (1) · name-length (2) · name · value-length (2) · value; extra
 * values of a 1setOf repeat with an empty name. Collections (RFC 8010 §3.1.6)
 * are begCollection, then memberAttrName + value pairs, then endCollection.
 */

export const GROUP_TAGS = {
  operation: 0x01,
  job: 0x02,
  endOfAttributes: 0x03,
  printer: 0x04,
  unsupported: 0x05,
} as const;

/** Value tags of RFC 8010 §3.5.2 that have a structured meaning here. */
export const VALUE_TAGS = {
  unsupported: 0x10,
  unknown: 0x12,
  noValue: 0x13,
  integer: 0x21,
  boolean: 0x22,
  enum: 0x23,
  octetString: 0x30,
  dateTime: 0x31,
  resolution: 0x32,
  rangeOfInteger: 0x33,
  begCollection: 0x34,
  textWithLanguage: 0x35,
  nameWithLanguage: 0x36,
  endCollection: 0x37,
  textWithoutLanguage: 0x41,
  nameWithoutLanguage: 0x42,
  keyword: 0x44,
  uri: 0x45,
  uriScheme: 0x46,
  charset: 0x47,
  naturalLanguage: 0x48,
  mimeMediaType: 0x49,
  memberAttrName: 0x4a,
} as const;

export const STRING_TAGS = [
  'textWithoutLanguage',
  'nameWithoutLanguage',
  'keyword',
  'uri',
  'uriScheme',
  'charset',
  'naturalLanguage',
  'mimeMediaType',
] as const;
export type StringTag = (typeof STRING_TAGS)[number];

export interface IppDateTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minutes: number;
  seconds: number;
  deciSeconds: number;
  utcDirection: '+' | '-';
  utcHours: number;
  utcMinutes: number;
}

export type IppValue =
  | { tag: 'integer' | 'enum'; value: number }
  | { tag: 'boolean'; value: boolean }
  | { tag: StringTag; value: string }
  | { tag: 'textWithLanguage' | 'nameWithLanguage'; language: string; value: string }
  | { tag: 'octetString'; value: Uint8Array }
  | { tag: 'dateTime'; value: IppDateTime }
  | { tag: 'resolution'; x: number; y: number; units: number }
  | { tag: 'rangeOfInteger'; lower: number; upper: number }
  | { tag: 'collection'; members: IppAttribute[] }
  /** unsupported (0x10), unknown (0x12), no-value (0x13) and the other out-of-band tags. */
  | { tag: 'outOfBand'; code: number }
  /** A value tag this codec does not know, kept as raw bytes so the rest of the message still decodes. */
  | { tag: 'opaque'; code: number; value: Uint8Array };

export interface IppAttribute {
  name: string;
  /** At least one value; more for a 1setOf. */
  values: IppValue[];
}

export interface IppGroup {
  tag: number;
  attributes: IppAttribute[];
}

export interface IppMessage {
  version: { major: number; minor: number };
  /** operation-id in a request, status-code in a response. */
  code: number;
  requestId: number;
  groups: IppGroup[];
  /** Document data after the end-of-attributes tag (empty when none). */
  data: Uint8Array;
}

export class IppCodecError extends Error {
  override readonly name = 'IppCodecError';
  readonly code: 'ipp-malformed' | 'ipp-value-too-long';
  /** Byte offset of the problem when decoding. */
  readonly offset: number | undefined;

  constructor(code: 'ipp-malformed' | 'ipp-value-too-long', detail: string, offset?: number) {
    super(offset === undefined ? detail : `${detail} (at byte ${offset})`);
    this.code = code;
    this.offset = offset;
  }
}

/** Deeper nesting than any real printer sends; stops hostile input from exhausting the stack. */
const MAX_COLLECTION_DEPTH = 16;
const MAX_LENGTH = 0xffff;

const utf8 = new TextEncoder();
// ignoreBOM: a value that starts with U+FEFF keeps it (the decoder would otherwise strip it as a byte-order mark).
const utf8Decoder = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

const TAG_BY_NAME: Record<string, number> = VALUE_TAGS;
const STRING_TAG_CODES = new Map<number, StringTag>(STRING_TAGS.map((name) => [VALUE_TAGS[name], name]));

function isDelimiter(tag: number): boolean {
  return tag <= 0x0f;
}

function isOutOfBand(tag: number): boolean {
  return tag >= 0x10 && tag <= 0x1f;
}

// ---------------------------------------------------------------- encoding

class Writer {
  private chunks: Uint8Array[] = [];
  private size = 0;

  byte(value: number): void {
    this.push(Uint8Array.of(value & 0xff));
  }

  u16(value: number): void {
    if (value < 0 || value > MAX_LENGTH) throw new IppCodecError('ipp-value-too-long', `length ${value} does not fit in 16 bits`);
    this.push(Uint8Array.of((value >> 8) & 0xff, value & 0xff));
  }

  i32(value: number): void {
    const bytes = new Uint8Array(4);
    new DataView(bytes.buffer).setInt32(0, value);
    this.push(bytes);
  }

  push(bytes: Uint8Array): void {
    this.chunks.push(bytes);
    this.size += bytes.length;
  }

  /** A length-prefixed field (name or value). */
  field(bytes: Uint8Array): void {
    this.u16(bytes.length);
    this.push(bytes);
  }

  result(): Uint8Array {
    const out = new Uint8Array(this.size);
    let offset = 0;
    for (const chunk of this.chunks) {
      out.set(chunk, offset);
      offset += chunk.length;
    }
    return out;
  }
}

function int32Bytes(...values: number[]): Uint8Array {
  const bytes = new Uint8Array(values.length * 4);
  const view = new DataView(bytes.buffer);
  values.forEach((value, index) => view.setInt32(index * 4, value));
  return bytes;
}

function checkInt32(value: number, what: string): void {
  if (!Number.isInteger(value) || value < -0x80000000 || value > 0x7fffffff) {
    throw new IppCodecError('ipp-malformed', `${what} ${value} is not a signed 32-bit integer`);
  }
}

function encodeSimpleValue(value: Exclude<IppValue, { tag: 'collection' }>): { tag: number; bytes: Uint8Array } {
  switch (value.tag) {
    case 'integer':
    case 'enum':
      checkInt32(value.value, value.tag);
      return { tag: TAG_BY_NAME[value.tag]!, bytes: int32Bytes(value.value) };
    case 'boolean':
      return { tag: VALUE_TAGS.boolean, bytes: Uint8Array.of(value.value ? 1 : 0) };
    case 'textWithLanguage':
    case 'nameWithLanguage': {
      const language = utf8.encode(value.language);
      const text = utf8.encode(value.value);
      if (language.length > MAX_LENGTH || text.length > MAX_LENGTH) throw new IppCodecError('ipp-value-too-long', `${value.tag} too long`);
      const w = new Writer();
      w.field(language);
      w.field(text);
      return { tag: TAG_BY_NAME[value.tag]!, bytes: w.result() };
    }
    case 'octetString':
      return { tag: VALUE_TAGS.octetString, bytes: value.value };
    case 'dateTime': {
      const d = value.value;
      const bytes = new Uint8Array(11);
      const view = new DataView(bytes.buffer);
      view.setUint16(0, d.year);
      bytes.set([d.month, d.day, d.hour, d.minutes, d.seconds, d.deciSeconds, d.utcDirection.charCodeAt(0), d.utcHours, d.utcMinutes], 2);
      return { tag: VALUE_TAGS.dateTime, bytes };
    }
    case 'resolution': {
      checkInt32(value.x, 'resolution x');
      checkInt32(value.y, 'resolution y');
      const bytes = new Uint8Array(9);
      bytes.set(int32Bytes(value.x, value.y));
      new DataView(bytes.buffer).setInt8(8, value.units);
      return { tag: VALUE_TAGS.resolution, bytes };
    }
    case 'rangeOfInteger':
      checkInt32(value.lower, 'range lower bound');
      checkInt32(value.upper, 'range upper bound');
      return { tag: VALUE_TAGS.rangeOfInteger, bytes: int32Bytes(value.lower, value.upper) };
    case 'outOfBand':
      return { tag: value.code, bytes: new Uint8Array(0) };
    case 'opaque':
      return { tag: value.code, bytes: value.value };
    default:
      return { tag: VALUE_TAGS[value.tag], bytes: utf8.encode(value.value) };
  }
}

function writeValue(w: Writer, name: string, value: IppValue, depth: number): void {
  if (value.tag === 'collection') {
    if (depth >= MAX_COLLECTION_DEPTH) throw new IppCodecError('ipp-malformed', 'collections nested too deeply');
    w.byte(VALUE_TAGS.begCollection);
    w.field(utf8.encode(name));
    w.u16(0);
    for (const member of value.members) {
      if (member.values.length === 0) throw new IppCodecError('ipp-malformed', `member ${member.name} has no value`);
      w.byte(VALUE_TAGS.memberAttrName);
      w.u16(0);
      w.field(utf8.encode(member.name));
      for (const memberValue of member.values) writeValue(w, '', memberValue, depth + 1);
    }
    w.byte(VALUE_TAGS.endCollection);
    w.u16(0);
    w.u16(0);
    return;
  }
  const { tag, bytes } = encodeSimpleValue(value);
  w.byte(tag);
  w.field(utf8.encode(name));
  w.field(bytes);
}

export function encodeIppMessage(message: IppMessage): Uint8Array {
  const w = new Writer();
  w.byte(message.version.major);
  w.byte(message.version.minor);
  w.u16(message.code);
  if (!Number.isInteger(message.requestId) || message.requestId < 1 || message.requestId > 0x7fffffff) {
    throw new IppCodecError('ipp-malformed', `request-id ${message.requestId} must be 1..2^31-1`);
  }
  w.i32(message.requestId);
  for (const group of message.groups) {
    if (!isDelimiter(group.tag) || group.tag === GROUP_TAGS.endOfAttributes || group.tag === 0) {
      throw new IppCodecError('ipp-malformed', `0x${group.tag.toString(16)} is not a group tag`);
    }
    w.byte(group.tag);
    for (const attribute of group.attributes) {
      if (attribute.name.length === 0) throw new IppCodecError('ipp-malformed', 'attribute without a name');
      if (attribute.values.length === 0) throw new IppCodecError('ipp-malformed', `attribute ${attribute.name} has no value`);
      attribute.values.forEach((value, index) => writeValue(w, index === 0 ? attribute.name : '', value, 0));
    }
  }
  w.byte(GROUP_TAGS.endOfAttributes);
  w.push(message.data);
  return w.result();
}

// ---------------------------------------------------------------- decoding

class Reader {
  offset = 0;
  private readonly view: DataView;

  constructor(readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  need(count: number, what: string): void {
    if (this.offset + count > this.bytes.length) {
      throw new IppCodecError('ipp-malformed', `message ends inside ${what}`, this.offset);
    }
  }

  byte(what: string): number {
    this.need(1, what);
    return this.bytes[this.offset++]!;
  }

  u16(what: string): number {
    this.need(2, what);
    const value = this.view.getUint16(this.offset);
    this.offset += 2;
    return value;
  }

  i32(what: string): number {
    this.need(4, what);
    const value = this.view.getInt32(this.offset);
    this.offset += 4;
    return value;
  }

  take(count: number, what: string): Uint8Array {
    this.need(count, what);
    const slice = this.bytes.slice(this.offset, this.offset + count);
    this.offset += count;
    return slice;
  }

  peek(): number | undefined {
    return this.bytes[this.offset];
  }
}

function decodeSimpleValue(tag: number, bytes: Uint8Array, at: number): IppValue {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const expectLength = (length: number, what: string): void => {
    if (bytes.length !== length) throw new IppCodecError('ipp-malformed', `${what} value must be ${length} bytes, got ${bytes.length}`, at);
  };
  if (isOutOfBand(tag)) return { tag: 'outOfBand', code: tag };
  switch (tag) {
    case VALUE_TAGS.integer:
      expectLength(4, 'integer');
      return { tag: 'integer', value: view.getInt32(0) };
    case VALUE_TAGS.enum:
      expectLength(4, 'enum');
      return { tag: 'enum', value: view.getInt32(0) };
    case VALUE_TAGS.boolean:
      expectLength(1, 'boolean');
      if (bytes[0]! > 1) throw new IppCodecError('ipp-malformed', `boolean value ${bytes[0]}`, at);
      return { tag: 'boolean', value: bytes[0] === 1 };
    case VALUE_TAGS.octetString:
      return { tag: 'octetString', value: bytes };
    case VALUE_TAGS.dateTime: {
      expectLength(11, 'dateTime');
      const direction = String.fromCharCode(bytes[8]!);
      if (direction !== '+' && direction !== '-') throw new IppCodecError('ipp-malformed', 'dateTime direction is not + or -', at);
      return {
        tag: 'dateTime',
        value: {
          year: view.getUint16(0),
          month: bytes[2]!,
          day: bytes[3]!,
          hour: bytes[4]!,
          minutes: bytes[5]!,
          seconds: bytes[6]!,
          deciSeconds: bytes[7]!,
          utcDirection: direction,
          utcHours: bytes[9]!,
          utcMinutes: bytes[10]!,
        },
      };
    }
    case VALUE_TAGS.resolution:
      expectLength(9, 'resolution');
      return { tag: 'resolution', x: view.getInt32(0), y: view.getInt32(4), units: view.getInt8(8) };
    case VALUE_TAGS.rangeOfInteger:
      expectLength(8, 'rangeOfInteger');
      return { tag: 'rangeOfInteger', lower: view.getInt32(0), upper: view.getInt32(4) };
    case VALUE_TAGS.textWithLanguage:
    case VALUE_TAGS.nameWithLanguage: {
      const inner = new Reader(bytes);
      const language = utf8Decoder.decode(inner.take(inner.u16('language length'), 'language'));
      const value = utf8Decoder.decode(inner.take(inner.u16('text length'), 'text'));
      if (inner.offset !== bytes.length) throw new IppCodecError('ipp-malformed', 'trailing bytes in a with-language value', at);
      return { tag: tag === VALUE_TAGS.textWithLanguage ? 'textWithLanguage' : 'nameWithLanguage', language, value };
    }
    default: {
      const stringTag = STRING_TAG_CODES.get(tag);
      if (stringTag) return { tag: stringTag, value: utf8Decoder.decode(bytes) };
      if (tag === VALUE_TAGS.begCollection || tag === VALUE_TAGS.endCollection || tag === VALUE_TAGS.memberAttrName) {
        throw new IppCodecError('ipp-malformed', `collection tag 0x${tag.toString(16)} out of place`, at);
      }
      if (tag === 0x7f) throw new IppCodecError('ipp-malformed', 'extended (0x7F) value tags are not supported', at);
      return { tag: 'opaque', code: tag, value: bytes };
    }
  }
}

/** Reads the members of a collection whose begCollection header was already consumed. */
function readCollection(r: Reader, depth: number): IppValue {
  if (depth > MAX_COLLECTION_DEPTH) throw new IppCodecError('ipp-malformed', 'collections nested too deeply', r.offset);
  const members: IppAttribute[] = [];
  let current: IppAttribute | undefined;
  for (;;) {
    const at = r.offset;
    const tag = r.byte('collection member tag');
    if (isDelimiter(tag)) throw new IppCodecError('ipp-malformed', 'collection not closed before the next group', at);
    const nameLength = r.u16('collection name length');
    if (nameLength !== 0) throw new IppCodecError('ipp-malformed', 'collection members must have an empty name', at);
    if (tag === VALUE_TAGS.endCollection) {
      r.take(r.u16('endCollection length'), 'endCollection value');
      if (current && current.values.length === 0) throw new IppCodecError('ipp-malformed', `member ${current.name} has no value`, at);
      return { tag: 'collection', members };
    }
    if (tag === VALUE_TAGS.memberAttrName) {
      if (current && current.values.length === 0) throw new IppCodecError('ipp-malformed', `member ${current.name} has no value`, at);
      const name = utf8Decoder.decode(r.take(r.u16('member name length'), 'member name'));
      if (name.length === 0) throw new IppCodecError('ipp-malformed', 'empty member name', at);
      current = { name, values: [] };
      members.push(current);
      continue;
    }
    if (!current) throw new IppCodecError('ipp-malformed', 'collection value before any member name', at);
    current.values.push(readValue(r, tag, at, depth));
  }
}

function readValue(r: Reader, tag: number, at: number, depth: number): IppValue {
  const length = r.u16('value length');
  if (tag === VALUE_TAGS.begCollection) {
    r.take(length, 'begCollection value');
    return readCollection(r, depth + 1);
  }
  return decodeSimpleValue(tag, r.take(length, 'value'), at);
}

export function decodeIppMessage(bytes: Uint8Array): IppMessage {
  const r = new Reader(bytes);
  const major = r.byte('version');
  const minor = r.byte('version');
  const code = r.u16('operation or status code');
  const requestId = r.i32('request-id');
  const groups: IppGroup[] = [];
  let group: IppGroup | undefined;
  let attribute: IppAttribute | undefined;
  for (;;) {
    const at = r.offset;
    const tag = r.byte('tag');
    if (tag === GROUP_TAGS.endOfAttributes) break;
    if (isDelimiter(tag)) {
      if (tag === 0) throw new IppCodecError('ipp-malformed', 'reserved tag 0x00', at);
      group = { tag, attributes: [] };
      groups.push(group);
      attribute = undefined;
      continue;
    }
    if (!group) throw new IppCodecError('ipp-malformed', 'attribute before any group tag', at);
    if (tag === VALUE_TAGS.endCollection || tag === VALUE_TAGS.memberAttrName) {
      throw new IppCodecError('ipp-malformed', `collection tag 0x${tag.toString(16)} outside a collection`, at);
    }
    const name = utf8Decoder.decode(r.take(r.u16('name length'), 'name'));
    const value = readValue(r, tag, at, 0);
    if (name.length > 0) {
      attribute = { name, values: [value] };
      group.attributes.push(attribute);
    } else if (attribute) {
      attribute.values.push(value);
    } else {
      throw new IppCodecError('ipp-malformed', 'additional value without an attribute', at);
    }
  }
  return { version: { major, minor }, code, requestId, groups, data: bytes.slice(r.offset) };
}
