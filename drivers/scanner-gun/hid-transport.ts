/**
 * The scanner gun's view of a HID device, over the one node-hid loader
 * (../hid/node-hid.ts): list devices, open one, pass its input reports up,
 * say when it failed.
 */
import { listHidDevices, openHidDevice, type HidDeviceInfo } from '../hid/node-hid';

export type { HidDeviceInfo };

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

export const nodeHidBackend: HidBackend = {
  list: listHidDevices,
  async open(path) {
    const device = await openHidDevice(path);
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
