/**
 * The read itself, over any APDU channel: select the SSSE application, then
 * read the records of EF05 and EF06 that the terminal needs. No I/O of its
 * own, so it runs unchanged over PC/SC and over a scripted channel in tests.
 */
import { beijingDate } from '../../domain/legal-date';
import type { SocialSecurityCardReading } from '../../domain/social-security-card';
import { hex, readRecord, selectByName, selectEf, splitResponse, SW_FILE_NOT_FOUND, SW_OK, type Response } from './apdu';
import { SocialSecurityCardError } from './errors';
import { EF06, parseCardRecords, READ_PLAN, SSSE_NAME, warningsFor } from './layout';

const OPTIONAL_RECORDS: ReadonlySet<number> = new Set([EF06.records.ethnicity, EF06.records.birthDate]);

/** Sends one command APDU and resolves with the response APDU (data + SW1 SW2). */
export interface ApduChannel {
  transmit(command: Uint8Array): Promise<Uint8Array>;
}

/** T=0 cards answer 61 xx (more data waiting) or 6C xx (wrong Le): both are part of one exchange. */
export async function exchange(channel: ApduChannel, command: Uint8Array): Promise<Response> {
  let response = await answer(channel, command);
  if (response.sw >> 8 === 0x6c && command.length === 5) {
    const retried = Uint8Array.from(command);
    retried[4] = response.sw & 0xff;
    response = await answer(channel, retried);
  }
  let data = response.data;
  for (let rounds = 0; response.sw >> 8 === 0x61 && rounds < 16; rounds++) {
    response = await answer(channel, Uint8Array.from([0x00, 0xc0, 0x00, 0x00, response.sw & 0xff]));
    data = Uint8Array.from([...data, ...response.data]);
  }
  return { data, sw: response.sw };
}

/**
 * A card in the reader always ends its answer with a status word; none at all
 * means the card went away mid-command (a virtual reader says so this way).
 */
async function answer(channel: ApduChannel, command: Uint8Array): Promise<Response> {
  const bytes = await channel.transmit(command);
  if (bytes.length < 2) throw new SocialSecurityCardError('ssc-card-removed', `no status word in answer to ${hex(command.subarray(0, 4))}`);
  return splitResponse(bytes);
}

function swText(sw: number): string {
  return sw < 0 ? 'no status word' : `SW ${sw.toString(16).padStart(4, '0').toUpperCase()}`;
}

export async function readSocialSecurityCard(channel: ApduChannel, now: () => number = Date.now): Promise<SocialSecurityCardReading> {
  const app = await exchange(channel, selectByName(SSSE_NAME));
  if (app.sw === SW_FILE_NOT_FOUND || app.sw === 0x6a81 || app.sw === 0x6d00 || app.sw === 0x6e00) {
    throw new SocialSecurityCardError('ssc-not-social-security-card', `SELECT SSSE (${hex(SSSE_NAME)}) answered ${swText(app.sw)}`, app.sw);
  }
  if (app.sw !== SW_OK) throw new SocialSecurityCardError('ssc-card-refused', `SELECT SSSE answered ${swText(app.sw)}`, app.sw);
  const records = new Map<number, Uint8Array>();
  for (const file of READ_PLAN) {
    const selected = await exchange(channel, selectEf(file.fid));
    if (selected.sw !== SW_OK) {
      const code = selected.sw === SW_FILE_NOT_FOUND ? 'ssc-not-social-security-card' : 'ssc-card-refused';
      throw new SocialSecurityCardError(code, `SELECT ${file.fid.toString(16).toUpperCase()} answered ${swText(selected.sw)}`, selected.sw);
    }
    for (const record of file.records) {
      const read = await exchange(channel, readRecord(record));
      // Record not found: ethnicity and birth date are optional to this terminal (the ID number carries the birth date).
      if (read.sw === 0x6a83 && OPTIONAL_RECORDS.has(record)) continue;
      if (read.sw !== SW_OK) {
        throw new SocialSecurityCardError('ssc-card-refused', `READ RECORD ${record} of ${file.fid.toString(16).toUpperCase()} answered ${swText(read.sw)}`, read.sw);
      }
      records.set(record, read.data);
    }
  }
  const card = parseCardRecords(records);
  const readAt = now();
  return { card, warnings: warningsFor(card, beijingDate(readAt)), readAt };
}
