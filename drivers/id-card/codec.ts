/**
 * GA/T 467 framing between a host and a resident ID card reader. Pure: bytes in,
 * messages out, and back. No I/O, no timers.
 *
 *   AA AA AA 96 69 | LEN (2 bytes, big-endian) | body | CHK
 *
 * LEN counts body + CHK. CHK is the XOR of the two LEN bytes and every body
 * byte. A command body is CMD PARA [data]; a reply body is SW1 SW2 SW3 [data].
 */

export const PREAMBLE = [0xaa, 0xaa, 0xaa, 0x96, 0x69] as const;
const PREAMBLE_LENGTH = PREAMBLE.length;
const HEADER_LENGTH = PREAMBLE_LENGTH + 2;

/**
 * The largest LEN we accept. The longest legitimate reply is "read base
 * information with fingerprint" (3 SW + 6 length bytes + 256 + 1024 + 1024 +
 * CHK = 2314); anything much larger is line noise that happened to contain a
 * preamble, and waiting for it would stall the link.
 */
export const MAX_FRAME_LENGTH = 4096;
/** Shortest body + CHK: CMD PARA CHK (a reply needs at least 4). */
const MIN_FRAME_LENGTH = 3;

export interface Command {
  cmd: number;
  para: number;
}

/** The command set of GA/T 467 that the terminal uses. */
export const COMMANDS = {
  resetSam: { cmd: 0x10, para: 0xff },
  samStatus: { cmd: 0x11, para: 0xff },
  samId: { cmd: 0x12, para: 0xff },
  findCard: { cmd: 0x20, para: 0x01 },
  selectCard: { cmd: 0x20, para: 0x02 },
  readBase: { cmd: 0x30, para: 0x01 },
  readAppendedAddress: { cmd: 0x30, para: 0x03 },
  readBaseWithFingerprint: { cmd: 0x30, para: 0x10 },
} as const satisfies Record<string, Command>;

export type CommandName = keyof typeof COMMANDS;

/** SW3 values that mean success; everything else is mapped in errors.ts. */
export const SW3_OK = 0x90;
export const SW3_CARD_FOUND = 0x9f;

export function checksum(bytes: Uint8Array, start: number, end: number): number {
  let x = 0;
  for (let i = start; i < end; i++) x ^= bytes[i] as number;
  return x;
}

function frame(body: ArrayLike<number>): Uint8Array {
  const len = body.length + 1;
  if (len > 0xffff) throw new RangeError(`frame body too long: ${body.length}`);
  const out = new Uint8Array(HEADER_LENGTH + len);
  out.set(PREAMBLE, 0);
  out[5] = (len >> 8) & 0xff;
  out[6] = len & 0xff;
  out.set(body as ArrayLike<number>, HEADER_LENGTH);
  out[out.length - 1] = checksum(out, 5, out.length - 1);
  return out;
}

export function encodeCommand(command: Command, data: ArrayLike<number> = []): Uint8Array {
  const body = new Uint8Array(2 + data.length);
  body[0] = command.cmd;
  body[1] = command.para;
  body.set(data as ArrayLike<number>, 2);
  return frame(body);
}

export interface Reply {
  sw1: number;
  sw2: number;
  sw3: number;
  data: Uint8Array;
}

export function encodeReply(reply: { sw1?: number; sw2?: number; sw3: number; data?: ArrayLike<number> }): Uint8Array {
  const data = reply.data ?? [];
  const body = new Uint8Array(3 + data.length);
  body[0] = reply.sw1 ?? 0;
  body[1] = reply.sw2 ?? 0;
  body[2] = reply.sw3;
  body.set(data as ArrayLike<number>, 3);
  return frame(body);
}

/** A frame's body: the bytes between LEN and CHK. */
export function parseReply(body: Uint8Array): Reply | null {
  if (body.length < 3) return null;
  return { sw1: body[0] as number, sw2: body[1] as number, sw3: body[2] as number, data: body.subarray(3) };
}

export function parseCommand(body: Uint8Array): (Command & { data: Uint8Array }) | null {
  if (body.length < 2) return null;
  return { cmd: body[0] as number, para: body[1] as number, data: body.subarray(2) };
}

export type DecodedEvent =
  | { kind: 'frame'; body: Uint8Array }
  /** A complete frame whose checksum did not match; its bytes were dropped. */
  | { kind: 'bad-checksum'; expected: number; actual: number; length: number }
  /** Bytes skipped while looking for a preamble (line noise, or a bogus LEN). */
  | { kind: 'noise'; bytes: number };

/**
 * Incremental frame decoder, in the manner of a node-serialport parser: push
 * whatever chunk arrived, get back the frames (and the trouble) it completed.
 * It never throws on input and holds at most one frame's worth of bytes.
 */
export class FrameDecoder {
  private buffer = new Uint8Array(0);

  /** Bytes held waiting for the rest of a frame. */
  get pending(): number {
    return this.buffer.length;
  }

  reset(): void {
    this.buffer = new Uint8Array(0);
  }

  push(chunk: Uint8Array): DecodedEvent[] {
    const events: DecodedEvent[] = [];
    let buf: Uint8Array;
    if (this.buffer.length === 0) buf = chunk;
    else {
      buf = new Uint8Array(this.buffer.length + chunk.length);
      buf.set(this.buffer, 0);
      buf.set(chunk, this.buffer.length);
    }
    let pos = 0;
    let noise = 0;
    const flushNoise = (): void => {
      if (noise > 0) events.push({ kind: 'noise', bytes: noise });
      noise = 0;
    };
    while (pos < buf.length) {
      const start = findPreamble(buf, pos);
      if (start < 0) {
        // Keep a tail that could be the beginning of a preamble split across chunks.
        const keep = preamblePrefixAtEnd(buf);
        noise += buf.length - keep - pos;
        pos = buf.length - keep;
        break;
      }
      noise += start - pos;
      pos = start;
      if (buf.length - pos < HEADER_LENGTH) break;
      const len = ((buf[pos + 5] as number) << 8) | (buf[pos + 6] as number);
      if (len < MIN_FRAME_LENGTH || len > MAX_FRAME_LENGTH) {
        // A preamble followed by an impossible length: treat the first byte as
        // noise and look again, so a real frame hiding behind it is not lost.
        noise += 1;
        pos += 1;
        continue;
      }
      const end = pos + HEADER_LENGTH + len;
      if (end > buf.length) break;
      flushNoise();
      const expected = checksum(buf, pos + 5, end - 1);
      const actual = buf[end - 1] as number;
      if (expected === actual) {
        events.push({ kind: 'frame', body: buf.slice(pos + HEADER_LENGTH, end - 1) });
      } else {
        events.push({ kind: 'bad-checksum', expected, actual, length: len });
      }
      pos = end;
    }
    flushNoise();
    this.buffer = pos >= buf.length ? new Uint8Array(0) : buf.slice(pos);
    return events;
  }
}

function findPreamble(buf: Uint8Array, from: number): number {
  const last = buf.length - PREAMBLE_LENGTH;
  for (let i = from; i <= last; i++) {
    if (
      buf[i] === 0xaa &&
      buf[i + 1] === 0xaa &&
      buf[i + 2] === 0xaa &&
      buf[i + 3] === 0x96 &&
      buf[i + 4] === 0x69
    ) {
      return i;
    }
  }
  return -1;
}

/** Length of the longest suffix of buf that is a proper prefix of the preamble. */
function preamblePrefixAtEnd(buf: Uint8Array): number {
  for (let k = Math.min(PREAMBLE_LENGTH - 1, buf.length); k > 0; k--) {
    let match = true;
    for (let j = 0; j < k; j++) {
      if (buf[buf.length - k + j] !== PREAMBLE[j]) {
        match = false;
        break;
      }
    }
    if (match) return k;
  }
  return 0;
}

/** Bytes on the wire for a reply carrying `dataLength` data bytes. */
export function replyFrameLength(dataLength: number): number {
  return HEADER_LENGTH + 3 + dataLength + 1;
}

export const TEXT_LENGTH = 256;
export const PHOTO_LENGTH = 1024;
export const FINGERPRINT_LENGTH = 1024;
export const APPENDED_ADDRESS_LENGTH = 70;

export interface BaseInformation {
  text: Uint8Array;
  photo: Uint8Array;
  fingerprint?: Uint8Array;
}

/**
 * The data of a "read base information" reply: text length and photo length
 * (2 bytes each, big-endian), [fingerprint length,] then the blocks. With the
 * 10-byte frame header this puts the text at byte 14 and the photo at 270 of
 * the 1,295-byte reply, as measured on real readers (FIELD-NOTES).
 */
export function parseBaseInformation(data: Uint8Array, withFingerprint = false): BaseInformation | null {
  const lengths = withFingerprint ? 6 : 4;
  if (data.length < lengths) return null;
  const textLength = ((data[0] as number) << 8) | (data[1] as number);
  const photoLength = ((data[2] as number) << 8) | (data[3] as number);
  const fingerprintLength = withFingerprint ? ((data[4] as number) << 8) | (data[5] as number) : 0;
  if (textLength !== TEXT_LENGTH || photoLength !== PHOTO_LENGTH) return null;
  if (data.length !== lengths + textLength + photoLength + fingerprintLength) return null;
  const text = data.slice(lengths, lengths + textLength);
  const photo = data.slice(lengths + textLength, lengths + textLength + photoLength);
  if (!withFingerprint) return { text, photo };
  return { text, photo, fingerprint: data.slice(lengths + textLength + photoLength) };
}

export function encodeBaseInformation(info: BaseInformation): Uint8Array {
  const fp = info.fingerprint;
  const lengths = fp ? 6 : 4;
  const out = new Uint8Array(lengths + info.text.length + info.photo.length + (fp ? fp.length : 0));
  out[0] = info.text.length >> 8;
  out[1] = info.text.length & 0xff;
  out[2] = info.photo.length >> 8;
  out[3] = info.photo.length & 0xff;
  if (fp) {
    out[4] = fp.length >> 8;
    out[5] = fp.length & 0xff;
  }
  out.set(info.text, lengths);
  out.set(info.photo, lengths + info.text.length);
  if (fp) out.set(fp, lengths + info.text.length + info.photo.length);
  return out;
}

/**
 * SAM ID (16 bytes) in the dotted form printed on reader labels and vendor
 * tools: two 2-byte and three 4-byte little-endian numbers.
 */
export function formatSamId(data: Uint8Array): string | null {
  if (data.length < 16) return null;
  const u16 = (i: number): number => (data[i] as number) | ((data[i + 1] as number) << 8);
  const u32 = (i: number): number =>
    ((data[i] as number) | ((data[i + 1] as number) << 8) | ((data[i + 2] as number) << 16) | ((data[i + 3] as number) << 24)) >>> 0;
  const pad = (n: number, w: number): string => String(n).padStart(w, '0');
  return `${pad(u16(0), 2)}.${pad(u16(2), 2)}-${pad(u32(4), 8)}-${pad(u32(8), 10)}-${pad(u32(12), 10)}`;
}
