/**
 * The scanner gun's view of a serial port, over the one serial adapter
 * (../serial/port.ts): bytes up, and one "lost" report when the port goes
 * away for any reason other than our own close(). Framing and reconnecting
 * live above this seam so they are tested against a fake as well as a real
 * pseudo-terminal.
 */
import { listSerialPorts as listPorts, openSerialPort, type SerialPortInfo } from '../serial/port';
import { linkErrorFromOpenFailure } from './errors';

export { DEVICE_NODE_WATCH_MS } from '../serial/port';
export type { SerialPortInfo };

export interface SerialLink {
  onData(listener: (chunk: Uint8Array) => void): void;
  /** Called once when the port closes for any reason other than our own close(). */
  onLost(listener: (detail: string) => void): void;
  write(bytes: Uint8Array): Promise<void>;
  close(): Promise<void>;
}

export interface SerialOpener {
  /** Rejects with a LinkError ('not-found', 'busy', 'permission-denied', 'open-failed'). */
  open(path: string, baudRate: number): Promise<SerialLink>;
}

export const serialPortOpener: SerialOpener = {
  async open(path, baudRate) {
    // A scanner that vanishes right after a scan must still be noticed: watch the device node too.
    const link = await openSerialPort(path, baudRate, { drainWrites: true, watchDeviceNode: true, lostOnError: true }).catch((error: unknown) =>
      Promise.reject(linkErrorFromOpenFailure(error)),
    );
    let lostListener: ((detail: string) => void) | undefined;
    let closing = false;
    link.onClose((closed) => {
      if (closed.disconnected && !closing) lostListener?.(closed.detail ?? 'port closed');
    });
    return {
      onData: (listener) => link.onData(listener),
      onLost: (listener) => {
        lostListener = listener;
      },
      write: (bytes) => link.write(bytes),
      close: () => {
        closing = true;
        return link.close();
      },
    };
  },
};

/** Ports the OS knows, for `devices list` and discovery. Never throws: no udev, no ports. */
export const listSerialPorts = listPorts;
