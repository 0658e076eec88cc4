/**
 * The one adapter over `serialport` for every serial device (ID card reader,
 * scanner gun, passport reader): open a port, pass bytes up, change the rate,
 * say when it closed and whether that was an unplug, list the ports. Drivers
 * map the neutral open failures and close reports to their own error codes.
 */
import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { SerialPort } from 'serialport';

export type SerialOpenFailure = 'not-found' | 'busy' | 'permission-denied' | 'open-failed';

export class SerialOpenError extends Error {
  constructor(
    readonly kind: SerialOpenFailure,
    message: string,
  ) {
    super(message);
    this.name = 'SerialOpenError';
  }
}

/**
 * serialport reports open failures as text, differently per platform
 * ("Error: No such file or directory, cannot open /dev/ttyUSB0",
 * "Error Resource temporarily unavailable Cannot lock port", "Access denied").
 */
export function classifyOpenFailure(error: unknown): SerialOpenError {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ENOENT' || /no such file|ENOENT|cannot find|not found/i.test(message)) return new SerialOpenError('not-found', message);
  if (code === 'EBUSY' || /busy|cannot lock|temporarily unavailable|EAGAIN|access denied.*in use/i.test(message)) return new SerialOpenError('busy', message);
  if (code === 'EACCES' || /permission denied|EACCES|access is denied|access denied/i.test(message)) return new SerialOpenError('permission-denied', message);
  return new SerialOpenError('open-failed', message);
}

export interface LinkClosed {
  /** True when the device went away (unplugged), false when we closed it. */
  disconnected: boolean;
  detail?: string;
}

export interface SerialPortLink {
  readonly path: string;
  /** Resolves once serialport took the bytes (and, with `drainWrites`, once they left the OS buffer). */
  write(bytes: Uint8Array): Promise<void>;
  setBaudRate(baudRate: number): Promise<void>;
  /** Discards bytes received but not yet read. */
  discardInput(): Promise<void>;
  close(): Promise<void>;
  onData(listener: (chunk: Uint8Array) => void): void;
  /** Called once, when the port closes for any reason (ours: `disconnected: false`). */
  onClose(listener: (closed: LinkClosed) => void): void;
}

export interface OpenSerialOptions {
  /** Wait for each write to drain (tcdrain). */
  drainWrites?: boolean;
  /**
   * Also watch the device node. serialport misses the hang-up when the device
   * vanishes right after sending data (seen on Linux with pty pairs: a scan
   * followed at once by an unplug left the port "open" for ever); a node that
   * is gone, or now belongs to another device, means unplugged.
   */
  watchDeviceNode?: boolean;
  /** Treat an 'error' event on the open port as the device gone (otherwise errors surface through the calls). */
  lostOnError?: boolean;
}

/** How often an open port's device node is checked (with `watchDeviceNode`). */
export const DEVICE_NODE_WATCH_MS = 500;

/** Rejects with a SerialOpenError. */
export function openSerialPort(path: string, baudRate: number, options: OpenSerialOptions = {}): Promise<SerialPortLink> {
  return new Promise((resolve, reject) => {
    let port: SerialPort;
    try {
      port = new SerialPort({ path, baudRate, autoOpen: false });
    } catch (error) {
      reject(classifyOpenFailure(error));
      return;
    }
    port.open((error) => {
      if (error) {
        reject(classifyOpenFailure(error));
        return;
      }
      if (!options.watchDeviceNode) {
        resolve(new Link(port, options, undefined));
        return;
      }
      void identify(path).then((identity) => resolve(new Link(port, options, identity)));
    });
  });
}

/** The device node behind a path (following links); undefined where paths are not files (Windows COM ports). */
async function identify(path: string): Promise<string | undefined> {
  try {
    const s = await stat(path);
    return `${s.dev}:${s.ino}:${s.rdev}`;
  } catch {
    return undefined;
  }
}

class Link implements SerialPortLink {
  private closedByUs = false;
  private reported = false;
  private readonly closeListeners: Array<(closed: LinkClosed) => void> = [];
  private watch: NodeJS.Timeout | undefined;

  constructor(
    private readonly port: SerialPort,
    private readonly options: OpenSerialOptions,
    identity: string | undefined,
  ) {
    // serialport emits 'close' with an error whose `disconnected` is true when the device vanished.
    port.on('close', (error: (Error & { disconnected?: boolean }) | null) =>
      this.report({ disconnected: !this.closedByUs || Boolean(error?.disconnected), ...(error ? { detail: `${error.message}${error.disconnected ? ' (disconnected)' : ''}` } : {}) }),
    );
    // An unhandled 'error' event would crash the process; by default errors surface through the calls and 'close'.
    port.on('error', (error: Error) => {
      if (options.lostOnError) this.report({ disconnected: true, detail: error.message });
    });
    if (identity !== undefined) {
      this.watch = setInterval(() => {
        void identify(port.path).then((now) => {
          if (now === undefined) this.report({ disconnected: true, detail: `device node ${port.path} is gone` });
          else if (now !== identity) this.report({ disconnected: true, detail: `device node ${port.path} now belongs to another device` });
        });
      }, DEVICE_NODE_WATCH_MS);
      this.watch.unref?.();
    }
  }

  private report(closed: LinkClosed): void {
    if (this.reported) return;
    this.reported = true;
    clearInterval(this.watch);
    for (const listener of this.closeListeners) listener(closed);
  }

  get path(): string {
    return this.port.path;
  }

  write(bytes: Uint8Array): Promise<void> {
    return new Promise((resolve, reject) => {
      this.port.write(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), (error) => {
        if (error) reject(error);
        else if (this.options.drainWrites) this.port.drain((drained) => (drained ? reject(drained) : resolve()));
        else resolve();
      });
    });
  }

  setBaudRate(baudRate: number): Promise<void> {
    if (this.port.baudRate === baudRate) return Promise.resolve();
    return new Promise((resolve, reject) => this.port.update({ baudRate }, (error) => (error ? reject(error) : resolve())));
  }

  discardInput(): Promise<void> {
    return new Promise((resolve) => this.port.flush(() => resolve()));
  }

  close(): Promise<void> {
    this.closedByUs = true;
    clearInterval(this.watch);
    if (!this.port.isOpen) return Promise.resolve();
    return new Promise((resolve) => this.port.close(() => resolve()));
  }

  onData(listener: (chunk: Uint8Array) => void): void {
    this.port.on('data', (chunk: Buffer) => listener(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength)));
  }

  onClose(listener: (closed: LinkClosed) => void): void {
    this.closeListeners.push(listener);
  }
}

export interface SerialPortInfo {
  path: string;
  /** Lower-case hex, 4 digits, as udev and serialport report them. */
  vendorId?: string;
  productId?: string;
  manufacturer?: string;
  serialNumber?: string;
}

/** Ports the OS knows. Never throws: without udevadm (minimal installs), sysfs carries the same USB IDs. */
export async function listSerialPorts(): Promise<SerialPortInfo[]> {
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
    return listFromSysfs();
  }
}

/** USB serial ports from /sys/class/tty, for machines without udevadm. */
export async function listFromSysfs(root = '/sys/class/tty', devRoot = '/dev'): Promise<SerialPortInfo[]> {
  let names: string[];
  try {
    names = await readdir(root);
  } catch {
    return [];
  }
  const ports: SerialPortInfo[] = [];
  for (const name of names) {
    if (!/^tty(USB|ACM)\d+$/.test(name)) continue;
    const info: SerialPortInfo = { path: join(devRoot, name) };
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
