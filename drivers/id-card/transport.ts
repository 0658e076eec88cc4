/**
 * Thin adapter over `serialport`: the only file of the ID card driver that
 * touches it, so the driver can be tested against a fake link and the codec
 * stays pure.
 */
import { readdir, readFile, realpath } from 'node:fs/promises';
import { join } from 'node:path';
import { SerialPort } from 'serialport';
import { IdCardReaderError } from './errors';

export interface PortInfo {
  path: string;
  /** Lower-case hex, 4 digits, as udev and serialport report them. */
  vendorId?: string;
  productId?: string;
  manufacturer?: string;
  serialNumber?: string;
}

export interface LinkClosed {
  /** True when the device went away (unplugged), false when we closed it. */
  disconnected: boolean;
  detail?: string;
}

export interface SerialLink {
  readonly path: string;
  write(bytes: Uint8Array): Promise<void>;
  setBaudRate(baudRate: number): Promise<void>;
  /** Discards bytes received but not yet read. */
  discardInput(): Promise<void>;
  close(): Promise<void>;
  onData(listener: (chunk: Uint8Array) => void): void;
  onClose(listener: (closed: LinkClosed) => void): void;
}

export interface SerialTransport {
  /** Rejects with an IdCardReaderError (not-found, busy, permission). */
  open(path: string, baudRate: number): Promise<SerialLink>;
  list(): Promise<PortInfo[]>;
}

function openError(path: string, err: Error): IdCardReaderError {
  const text = err.message;
  if (/ENOENT|No such file|cannot find|File not found/i.test(text)) {
    return new IdCardReaderError('id-card-reader-not-found', `${path}: ${text}`);
  }
  if (/EBUSY|Cannot lock port|Resource temporarily unavailable|Access denied.*in use/i.test(text)) {
    return new IdCardReaderError('id-card-reader-busy', `${path}: ${text}`);
  }
  if (/EACCES|Permission denied|Access denied/i.test(text)) {
    return new IdCardReaderError('id-card-reader-permission', `${path}: ${text}`);
  }
  return new IdCardReaderError('id-card-reader-not-found', `${path}: ${text}`);
}

class SerialPortLink implements SerialLink {
  private closedByUs = false;
  private closeListeners: Array<(closed: LinkClosed) => void> = [];

  constructor(private readonly port: SerialPort) {
    port.on('close', (err: (Error & { disconnected?: boolean }) | null) => {
      const closed: LinkClosed = {
        disconnected: !this.closedByUs || Boolean(err?.disconnected),
        ...(err ? { detail: err.message } : {}),
      };
      for (const listener of this.closeListeners) listener(closed);
    });
    // Errors also surface through the calls and 'close'; an unhandled 'error'
    // event would crash the process.
    port.on('error', () => {});
  }

  get path(): string {
    return this.port.path;
  }

  write(bytes: Uint8Array): Promise<void> {
    return new Promise((resolve, reject) => {
      this.port.write(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), (err) =>
        err ? reject(err) : resolve(),
      );
    });
  }

  setBaudRate(baudRate: number): Promise<void> {
    if (this.port.baudRate === baudRate) return Promise.resolve();
    return new Promise((resolve, reject) => this.port.update({ baudRate }, (err) => (err ? reject(err) : resolve())));
  }

  discardInput(): Promise<void> {
    return new Promise((resolve) => this.port.flush(() => resolve()));
  }

  close(): Promise<void> {
    this.closedByUs = true;
    if (!this.port.isOpen) return Promise.resolve();
    return new Promise((resolve) => this.port.close(() => resolve()));
  }

  onData(listener: (chunk: Uint8Array) => void): void {
    this.port.on('data', (chunk: Buffer) => listener(chunk));
  }

  onClose(listener: (closed: LinkClosed) => void): void {
    this.closeListeners.push(listener);
  }
}

export const serialPortTransport: SerialTransport = {
  open(path, baudRate) {
    return new Promise((resolve, reject) => {
      let port: SerialPort;
      try {
        port = new SerialPort({ path, baudRate, autoOpen: false });
      } catch (err) {
        reject(openError(path, err as Error));
        return;
      }
      port.open((err) => (err ? reject(openError(path, err)) : resolve(new SerialPortLink(port))));
    });
  },
  async list() {
    try {
      const ports = await SerialPort.list();
      return ports.map((p) => ({
        path: p.path,
        ...(p.vendorId ? { vendorId: p.vendorId.toLowerCase() } : {}),
        ...(p.productId ? { productId: p.productId.toLowerCase() } : {}),
        ...(p.manufacturer ? { manufacturer: p.manufacturer } : {}),
        ...(p.serialNumber ? { serialNumber: p.serialNumber } : {}),
      }));
    } catch {
      // On Linux SerialPort.list() shells out to udevadm, which minimal
      // installs lack; sysfs carries the same USB IDs.
      return listFromSysfs();
    }
  },
};

/** USB serial ports from /sys/class/tty, for machines without udevadm. */
export async function listFromSysfs(root = '/sys/class/tty', devRoot = '/dev'): Promise<PortInfo[]> {
  let names: string[];
  try {
    names = await readdir(root);
  } catch {
    return [];
  }
  const ports: PortInfo[] = [];
  for (const name of names) {
    if (!/^tty(USB|ACM)\d+$/.test(name)) continue;
    const info: PortInfo = { path: join(devRoot, name) };
    try {
      let dir = await realpath(join(root, name, 'device'));
      // Walk up from the interface to the USB device that carries the IDs.
      for (let depth = 0; depth < 4 && dir !== '/'; depth++) {
        const vendor = await readFile(join(dir, 'idVendor'), 'utf8').catch(() => null);
        if (vendor !== null) {
          info.vendorId = vendor.trim().toLowerCase();
          const product = await readFile(join(dir, 'idProduct'), 'utf8').catch(() => null);
          if (product !== null) info.productId = product.trim().toLowerCase();
          const manufacturer = await readFile(join(dir, 'manufacturer'), 'utf8').catch(() => null);
          if (manufacturer !== null) info.manufacturer = manufacturer.trim();
          const serial = await readFile(join(dir, 'serial'), 'utf8').catch(() => null);
          if (serial !== null) info.serialNumber = serial.trim();
          break;
        }
        dir = join(dir, '..');
      }
    } catch {
      // A port without a device link is still worth probing.
    }
    ports.push(info);
  }
  return ports;
}
