/**
 * The one loader of `node-hid` for every HID device (HID-POS scanner guns,
 * signature pads): loaded on first use, so a machine or a test without the
 * native binding runs everything else, and a failed load is retried next
 * time rather than remembered. Each driver keeps its own seam above this.
 *
 * On Linux node-hid uses hidraw; /dev/hidraw* needs a udev rule for a
 * non-root user. Usage page information needs hidapi ≥ 0.10 on hidraw, which
 * node-hid 3 bundles.
 */
export type NodeHid = typeof import('node-hid');
export type HidAsyncDevice = Awaited<ReturnType<NodeHid['HIDAsync']['open']>>;

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

/** The native module is missing or does not load on this machine. */
export class HidUnavailableError extends Error {
  override readonly name = 'HidUnavailableError';
}

let loading: Promise<NodeHid> | undefined;

/** Rejects with a HidUnavailableError saying why. */
export function loadNodeHid(): Promise<NodeHid> {
  loading ??= import('node-hid').then(
    (module) => ((module as { default?: NodeHid }).default ?? module) as NodeHid,
    (error: unknown) => {
      loading = undefined;
      throw new HidUnavailableError(`node-hid cannot be loaded: ${error instanceof Error ? error.message : String(error)}`);
    },
  );
  return loading;
}

/** Every HID device the OS shows that has a path. */
export async function listHidDevices(): Promise<HidDeviceInfo[]> {
  const hid = await loadNodeHid();
  const devices = await hid.devicesAsync();
  const found: HidDeviceInfo[] = [];
  for (const d of devices) {
    if (!d.path) continue;
    const info: HidDeviceInfo = { path: d.path, vendorId: d.vendorId, productId: d.productId };
    if (d.usagePage !== undefined) info.usagePage = d.usagePage;
    if (d.usage !== undefined) info.usage = d.usage;
    if (d.product) info.product = d.product;
    if (d.manufacturer) info.manufacturer = d.manufacturer;
    if (d.serialNumber) info.serialNumber = d.serialNumber;
    found.push(info);
  }
  return found;
}

/** Opens a device by path; rejects with node-hid's own error (permission, busy, gone). */
export async function openHidDevice(path: string): Promise<HidAsyncDevice> {
  const hid = await loadNodeHid();
  return hid.HIDAsync.open(path);
}
