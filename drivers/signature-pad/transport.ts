/**
 * Transport: a thin adapter for STU pads over the one node-hid loader
 * (../hid/node-hid.ts). The interfaces are the seam where the simulator
 * (fixtures/signature-pad) plugs in, since HID devices cannot be created on a
 * machine without /dev/uhid.
 *
 * On Linux the pad appears as a hidraw node, which needs a udev rule for a
 * non-root user, e.g.
 *   SUBSYSTEM=="hidraw", ATTRS{idVendor}=="056a", ATTRS{idProduct}=="00a[1-9a-f]", MODE="0660", GROUP="plugdev"
 */
import { EventEmitter } from 'node:events';
import { HidUnavailableError, listHidDevices, openHidDevice, type HidAsyncDevice } from '../hid/node-hid';
import { STU_PRODUCT_ID_MAX, STU_PRODUCT_ID_MIN, WACOM_VENDOR_ID } from './codec';
import { SignaturePadError } from './errors';

export interface PadDeviceInfo {
  path: string;
  vendorId: number;
  productId: number;
  product?: string;
  serialNumber?: string;
}

export interface PadTransportEvents {
  /** One input report, report id first. */
  report: [Uint8Array];
  /** The device failed or went away; the transport is unusable afterwards. */
  error: [Error];
}

export interface PadTransport extends EventEmitter<PadTransportEvents> {
  /** Reads a feature report; the result starts with the report id. */
  getFeatureReport(reportId: number, length: number): Promise<Uint8Array>;
  /** Writes a feature report; `data` starts with the report id. */
  sendFeatureReport(data: Uint8Array): Promise<void>;
  close(): Promise<void>;
}

export interface PadTransportFactory {
  list(): Promise<PadDeviceInfo[]>;
  open(device: PadDeviceInfo): Promise<PadTransport>;
}

export function isStuPad(device: { vendorId: number; productId: number }): boolean {
  return device.vendorId === WACOM_VENDOR_ID && device.productId >= STU_PRODUCT_ID_MIN && device.productId <= STU_PRODUCT_ID_MAX;
}

/** Without the native module there is no pad to find; everything else still runs. */
function notLoadable(error: unknown): SignaturePadError {
  return new SignaturePadError('signature-pad-not-found', error instanceof Error ? error.message : String(error));
}

function openError(error: unknown, path: string): SignaturePadError {
  const message = error instanceof Error ? error.message : String(error);
  if (/permission|EACCES|access denied/i.test(message)) return new SignaturePadError('signature-pad-permission', `cannot open ${path}: ${message}`);
  if (/busy|exclusive/i.test(message)) return new SignaturePadError('signature-pad-busy', `cannot open ${path}: ${message}`);
  return new SignaturePadError('signature-pad-unplugged', `cannot open ${path}: ${message}`);
}

class NodeHidPadTransport extends EventEmitter<PadTransportEvents> implements PadTransport {
  private closed = false;

  constructor(private readonly device: HidAsyncDevice) {
    super();
    device.on('data', (data: Buffer) => this.emit('report', new Uint8Array(data)));
    device.on('error', (error: Error) => {
      if (this.closed) return;
      this.closed = true;
      this.emit('error', error);
    });
  }

  async getFeatureReport(reportId: number, length: number): Promise<Uint8Array> {
    return new Uint8Array(await this.device.getFeatureReport(reportId, length));
  }

  async sendFeatureReport(data: Uint8Array): Promise<void> {
    await this.device.sendFeatureReport(Buffer.from(data));
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.device.close().catch(() => undefined);
  }
}

export class NodeHidPadTransportFactory implements PadTransportFactory {
  async list(): Promise<PadDeviceInfo[]> {
    const devices = await listHidDevices().catch((error: unknown) => Promise.reject(notLoadable(error)));
    return devices
      .filter((device) => isStuPad(device))
      .map((device) => {
        const info: PadDeviceInfo = { path: device.path, vendorId: device.vendorId, productId: device.productId };
        if (device.product) info.product = device.product;
        if (device.serialNumber) info.serialNumber = device.serialNumber;
        return info;
      });
  }

  async open(device: PadDeviceInfo): Promise<PadTransport> {
    let opened: HidAsyncDevice;
    try {
      opened = await openHidDevice(device.path);
    } catch (error) {
      throw error instanceof HidUnavailableError ? notLoadable(error) : openError(error, device.path);
    }
    return new NodeHidPadTransport(opened);
  }
}
