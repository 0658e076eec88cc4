/**
 * The reader conversations the driver is built from: probe the SAM, detect
 * the baud rate, find/select/read a card. Each works on one ReaderSession and
 * throws IdCardReaderError only.
 */
import { beijingDate } from '../../domain/legal-date';
import type { CardReading } from '../../domain/identity-card';
import {
  APPENDED_ADDRESS_LENGTH,
  SW3_CARD_FOUND,
  SW3_OK,
  formatSamId,
  parseBaseInformation,
  type BaseInformation,
} from './codec';
import { IdCardReaderError, errorForSw3 } from './errors';
import { decodeCard, trimPadding } from './layouts';
import type { ReaderSession } from './session';

export const BAUD_RATES = [115200, 57600, 38400, 19200, 9600] as const;

/** Asks the SAM for its status; resolves when it is ready, else throws its error. */
export async function probeSam(session: ReaderSession, retries = 1): Promise<void> {
  const reply = await session.exchange('samStatus', { retries });
  if (reply.sw3 !== SW3_OK) throw errorForSw3(reply.sw3, 'SAM status');
}

export async function readSamId(session: ReaderSession): Promise<string> {
  const reply = await session.exchange('samId');
  if (reply.sw3 !== SW3_OK) throw errorForSw3(reply.sw3, 'read SAM ID');
  const id = formatSamId(reply.data);
  if (!id) throw new IdCardReaderError('id-card-reader-protocol', `SAM ID reply has ${reply.data.length} bytes`);
  return id;
}

export async function resetSam(session: ReaderSession): Promise<void> {
  const reply = await session.exchange('resetSam');
  if (reply.sw3 !== SW3_OK) throw errorForSw3(reply.sw3, 'reset SAM');
}

/**
 * Tries each baud rate with a SAM status request. Any well-formed reply (even
 * a SAM error) proves the rate; line garbage at a wrong rate only times out.
 * Returns the rate, or throws 'id-card-reader-no-response'.
 */
export async function detectBaudRate(
  session: ReaderSession,
  candidates: readonly number[] = BAUD_RATES,
  attemptTimeoutMs?: number,
): Promise<number> {
  for (const baudRate of candidates) {
    try {
      await session.setBaudRate(baudRate);
      await session.link.discardInput();
      await session.exchange('samStatus', {
        retries: 1,
        ...(attemptTimeoutMs !== undefined ? { timeoutMs: attemptTimeoutMs } : {}),
      });
      return baudRate;
    } catch (err) {
      const error = err as IdCardReaderError;
      if (error.code === 'id-card-reader-unplugged' || error.code === 'id-card-reader-stopped') throw error;
    }
  }
  throw new IdCardReaderError('id-card-reader-no-response', `no reply at ${candidates.join('/')} baud`);
}

/** True when a card answers "find card"; false when there is none. */
export async function findCard(session: ReaderSession): Promise<boolean> {
  const reply = await session.exchange('findCard');
  if (reply.sw3 === SW3_CARD_FOUND) return true;
  if (reply.sw3 === 0x80) return false;
  throw errorForSw3(reply.sw3, 'find card');
}

export async function selectCard(session: ReaderSession): Promise<void> {
  const reply = await session.exchange('selectCard');
  if (reply.sw3 !== SW3_OK) throw errorForSw3(reply.sw3, 'select card');
}

export async function readBaseInformation(session: ReaderSession, withFingerprint = false): Promise<BaseInformation> {
  const name = withFingerprint ? 'readBaseWithFingerprint' : 'readBase';
  const reply = await session.exchange(name);
  if (reply.sw3 !== SW3_OK) throw errorForSw3(reply.sw3, name);
  const info = parseBaseInformation(reply.data, withFingerprint);
  if (!info) throw new IdCardReaderError('id-card-reader-protocol', `${name} reply data has ${reply.data.length} bytes`);
  return info;
}

/** The latest address added on the back of the card, or null when there is none. */
export async function readAppendedAddress(session: ReaderSession): Promise<string | null> {
  const reply = await session.exchange('readAppendedAddress');
  if (reply.sw3 === 0x91) return null;
  if (reply.sw3 !== SW3_OK) throw errorForSw3(reply.sw3, 'read appended address');
  const bytes = reply.data.subarray(0, APPENDED_ADDRESS_LENGTH);
  const text = trimPadding(new TextDecoder('utf-16le').decode(bytes));
  return text === '' ? null : text;
}

export interface ReadCardOptions {
  now?: () => number;
  withFingerprint?: boolean;
}


/** Select and read the card that "find card" just found, and decode it. */
export async function selectAndRead(session: ReaderSession, options: ReadCardOptions = {}): Promise<CardReading> {
  await selectCard(session);
  const info = await readBaseInformation(session, options.withFingerprint ?? false);
  const readAt = (options.now ?? Date.now)();
  const { card, warnings } = decodeCard(info.text, info.photo, { today: beijingDate(readAt) });
  return { card, warnings, readAt };
}

/** find → select → read → decode; null when no card is on the reader. */
export async function readCard(session: ReaderSession, options: ReadCardOptions = {}): Promise<CardReading | null> {
  if (!(await findCard(session))) return null;
  return selectAndRead(session, options);
}
