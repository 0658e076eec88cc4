/**
 * The only file of this driver that touches `node-hid`: list HID devices,
 * open one, pass its input reports up, say when it failed. node-hid is loaded
 * on first use so the rest of the driver (and its tests) never needs the
 * native binding.
 *
 * On Linux node-hid uses hidraw; /dev/hidraw* needs a udev rule for a
 * non-root user. Usage page information needs hidapi ≥ 0.10 on hidraw, which
 * node-hid 3 bundles.
 */

export interface HidDeviceInfo {
  path: string;
  vendorId: number;
  productId: number;
  usagePage?: number;
  usage?: number;
  product?: string;
  manufacturer?: string;
  serialNumber?: string;
}

export interface HidLink {
  onReport(listener: (report: Uint8Array) => void): void;
  /** Called once when reading fails (unplugged, permission revoked). */
  onLost(listener: (detail: string) => void): void;
  close(): Promise<void>;
}

export interface HidBackend {
  list(): Promise<HidDeviceInfo[]>;
  /** Rejects with an Error whose message says why (permission, busy, gone). */
  open(path: string): Promise<HidLink>;
}

type NodeHidModule = typeof import('node-hid');

let loaded: Promise<NodeHidModule> | undefined;
function nodeHid(): Promise<NodeHidModule> {
  loaded ??= import('node-hid').then((m) => ((m as { default?: NodeHidModule }).default ?? m) as NodeHidModule);
  return loaded;
}

export const nodeHidBackend: HidBackend = {
  async list() {
    const hid = await nodeHid();
    const devices = await hid.devicesAsync();
    const out: HidDeviceInfo[] = [];
    for (const d of devices) {
      if (!d.path) continue;
      const info: HidDeviceInfo = { path: d.path, vendorId: d.vendorId, productId: d.productId };
      if (d.usagePage !== undefined) info.usagePage = d.usagePage;
      if (d.usage !== undefined) info.usage = d.usage;
      if (d.product) info.product = d.product;
      if (d.manufacturer) info.manufacturer = d.manufacturer;
      if (d.serialNumber) info.serialNumber = d.serialNumber;
      out.push(info);
    }
    return out;
  },
  async open(path) {
    const hid = await nodeHid();
    const device = await hid.HIDAsync.open(path);
    let closing = false;
    let lost = false;
    let lostListener: ((detail: string) => void) | undefined;
    device.on('error', (error: unknown) => {
      if (closing || lost) return;
      lost = true;
      lostListener?.(error instanceof Error ? error.message : String(error));
    });
    return {
      onReport(listener) {
        device.on('data', (data: Buffer) => listener(new Uint8Array(data.buffer, data.byteOffset, data.byteLength)));
      },
      onLost(listener) {
        lostListener = listener;
      },
      async close() {
        closing = true;
        await device.close().catch(() => undefined);
      },
    };
  },
};
