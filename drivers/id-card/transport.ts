/**
 * The ID card driver's view of a serial port, over the one serial adapter
 * (../serial/port.ts): the driver is tested against a fake link, and open
 * failures become the reader's own error codes.
 */
import { listSerialPorts, openSerialPort, SerialOpenError, type LinkClosed, type SerialPortInfo, type SerialPortLink } from '../serial/port';
import { IdCardReaderError } from './errors';

export { listFromSysfs } from '../serial/port';
export type { LinkClosed };
export type PortInfo = SerialPortInfo;
export type SerialLink = SerialPortLink;

export interface SerialTransport {
  /** Rejects with an IdCardReaderError (not-found, busy, permission). */
  open(path: string, baudRate: number): Promise<SerialLink>;
  list(): Promise<PortInfo[]>;
}

function openError(path: string, error: unknown): IdCardReaderError {
  const failure = error instanceof SerialOpenError ? error : new SerialOpenError('open-failed', String(error));
  const code =
    failure.kind === 'busy' ? 'id-card-reader-busy' : failure.kind === 'permission-denied' ? 'id-card-reader-permission' : 'id-card-reader-not-found';
  return new IdCardReaderError(code, `${path}: ${failure.message}`);
}

export const serialPortTransport: SerialTransport = {
  open: (path, baudRate) => openSerialPort(path, baudRate).catch((error: unknown) => Promise.reject(openError(path, error))),
  list: listSerialPorts,
};
