/**
 * The only file of this driver that touches `serialport`: open a port, pass
 * bytes up, say when it closed and whether that was an unplug. Everything
 * else (framing, reconnecting) lives above this seam so it can be tested
 * against a fake as well as a real pseudo-terminal.
 */
import { stat } from 'node:fs/promises';
import { SerialPort } from 'serialport';
import { linkErrorFromOpenFailure } from './errors';

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

export interface SerialPortInfo {
  path: string;
  manufacturer?: string;
  serialNumber?: string;
  vendorId?: string;
  productId?: string;
}

/**
 * How often an open port's device node is checked. serialport misses the
 * hang-up when the device vanishes right after sending data (seen on Linux
 * with pty pairs: a scan followed at once by an unplug left the port "open"
 * for ever), so we also watch the node: gone, or replaced by another device,
 * means unplugged.
 */
export const DEVICE_NODE_WATCH_MS = 500;

export const serialPortOpener: SerialOpener = {
  open(path, baudRate) {
    return new Promise((resolve, reject) => {
      const port = new SerialPort({ path, baudRate, autoOpen: false });
      port.open((error) => {
        if (error) {
          reject(linkErrorFromOpenFailure(error));
          return;
        }
        void identify(path).then((identity) => resolve(wrap(port, path, identity)));
      });
    });
  },
};

/** The device node behind a path (following links); undefined where paths are not files (Windows COM ports). */
async function identify(path: string): Promise<string | undefined> {
  try {
    const s = await stat(path);
    return `${s.dev}:${s.ino}:${s.rdev}`;
  } catch {
    return undefined;
  }
}

function wrap(port: SerialPort, path: string, identity: string | undefined): SerialLink {
  let closing = false;
  let lostListener: ((detail: string) => void) | undefined;
  let lost = false;
  let watch: NodeJS.Timeout | undefined;
  const reportLost = (detail: string) => {
    if (closing || lost) return;
    lost = true;
    clearInterval(watch);
    lostListener?.(detail);
  };
  if (identity !== undefined) {
    watch = setInterval(() => {
      void identify(path).then((now) => {
        if (now === undefined) reportLost(`device node ${path} is gone`);
        else if (now !== identity) reportLost(`device node ${path} now belongs to another device`);
      });
    }, DEVICE_NODE_WATCH_MS);
    watch.unref?.();
  }
  // serialport emits 'close' with an error whose `disconnected` is true when the device vanished.
  port.on('close', (error?: Error & { disconnected?: boolean }) => reportLost(error ? `${error.message}${error.disconnected ? ' (disconnected)' : ''}` : 'port closed'));
  port.on('error', (error: Error) => reportLost(error.message));
  return {
    onData(listener) {
      port.on('data', (chunk: Buffer) => listener(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength)));
    },
    onLost(listener) {
      lostListener = listener;
    },
    write(bytes) {
      return new Promise((resolve, reject) => {
        port.write(Buffer.from(bytes), (error) => (error ? reject(error) : port.drain((e) => (e ? reject(e) : resolve()))));
      });
    },
    close() {
      closing = true;
      clearInterval(watch);
      return new Promise((resolve) => {
        if (!port.isOpen) {
          resolve();
          return;
        }
        port.close(() => resolve());
      });
    },
  };
}

/** Ports the OS knows, for `devices list` and discovery. Never throws: no udev, no ports. */
export async function listSerialPorts(): Promise<SerialPortInfo[]> {
  try {
    const ports = await SerialPort.list();
    return ports.map((p) => {
      const info: SerialPortInfo = { path: p.path };
      if (p.manufacturer) info.manufacturer = p.manufacturer;
      if (p.serialNumber) info.serialNumber = p.serialNumber;
      if (p.vendorId) info.vendorId = p.vendorId;
      if (p.productId) info.productId = p.productId;
      return info;
    });
  } catch {
    return [];
  }
}
