/**
 * ISO 7816-4 command APDUs the social security card read needs, and the
 * split of a response into data and status word. Pure functions.
 */
export interface Response {
  data: Uint8Array;
  /** SW1 << 8 | SW2, e.g. 0x9000. */
  sw: number;
}

export const SW_OK = 0x9000;
/** File or application not found. */
export const SW_FILE_NOT_FOUND = 0x6a82;

/** SELECT a DF by name (P1 04), first or only occurrence, FCI returned. */
export function selectByName(name: Uint8Array): Uint8Array {
  if (name.length < 1 || name.length > 16) throw new RangeError('a DF name is 1 to 16 bytes');
  return Uint8Array.from([0x00, 0xa4, 0x04, 0x00, name.length, ...name]);
}

/** SELECT an EF under the current DF by its 2-byte file identifier (P1 02). */
export function selectEf(fid: number): Uint8Array {
  return Uint8Array.from([0x00, 0xa4, 0x02, 0x00, 0x02, (fid >> 8) & 0xff, fid & 0xff]);
}

/** SELECT the MF (3F00). */
export function selectMf(): Uint8Array {
  return Uint8Array.from([0x00, 0xa4, 0x00, 0x00, 0x02, 0x3f, 0x00]);
}

/**
 * READ RECORD number `record` of the current EF (P2 04: P1 is a record
 * number). Le 00 asks for the whole record, which a T=0 card answers with
 * 6C xx (the transport retries with the exact length).
 */
export function readRecord(record: number, le = 0): Uint8Array {
  if (record < 1 || record > 0xfe) throw new RangeError('record numbers are 1 to 254');
  return Uint8Array.from([0x00, 0xb2, record, 0x04, le & 0xff]);
}

export function splitResponse(bytes: Uint8Array): Response {
  if (bytes.length < 2) return { data: new Uint8Array(0), sw: -1 };
  const n = bytes.length;
  return { data: bytes.subarray(0, n - 2), sw: ((bytes[n - 2] as number) << 8) | (bytes[n - 1] as number) };
}

export function hex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('').toUpperCase();
}
