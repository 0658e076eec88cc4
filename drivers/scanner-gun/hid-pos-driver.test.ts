/**
 * The HID-POS driver against a fake at the transport seam (hid-transport.ts).
 * No real HID device can be created on the build machine (no /dev/uhid), so
 * the node-hid path itself is not exercised here.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { ScanReading } from '../../domain/scan-payload';
import type { ScannerGunError } from './errors';
import { encodeHidPosReports } from './hid-pos-codec';
import { HidPosScannerGunDriver, selectHidPosScanner } from './hid-pos-driver';
import type { HidBackend, HidDeviceInfo, HidLink } from './hid-transport';

class FakeLink implements HidLink {
  report: ((r: Uint8Array) => void) | undefined;
  lost: ((d: string) => void) | undefined;
  closed = false;
  onReport(listener: (r: Uint8Array) => void) {
    this.report = listener;
  }
  onLost(listener: (d: string) => void) {
    this.lost = listener;
  }
  async close() {
    this.closed = true;
  }
}

class FakeBackend implements HidBackend {
  devices: HidDeviceInfo[] = [];
  links = new Map<string, FakeLink>();
  openError: Error | undefined;
  async list() {
    return [...this.devices];
  }
  async open(path: string) {
    if (this.openError) throw this.openError;
    if (!this.devices.some((d) => d.path === path)) throw new Error(`cannot open ${path}`);
    const link = new FakeLink();
    this.links.set(path, link);
    return link;
  }
}

const KEYBOARD: HidDeviceInfo = { path: '/dev/hidraw0', vendorId: 0x046d, productId: 0xc31c, usagePage: 0x01, usage: 0x06 };
const SCANNER: HidDeviceInfo = { path: '/dev/hidraw3', vendorId: 0x0c2e, productId: 0x0b61, usagePage: 0x8c, usage: 0x02 };
const INVOICE = '01,10,011001605111,80100798,64.9,20161018,85342965681116380258,';

const drivers: HidPosScannerGunDriver[] = [];
afterEach(async () => {
  for (const d of drivers.splice(0)) await d.stop();
});

function makeDriver(backend: FakeBackend, extra: Partial<ConstructorParameters<typeof HidPosScannerGunDriver>[0]> = {}) {
  const driver = new HidPosScannerGunDriver({ id: 'hid-gun', backend, pollMs: 20, continuationTimeoutMs: 50, ...extra });
  drivers.push(driver);
  const scans: ScanReading[] = [];
  const problems: ScannerGunError[] = [];
  driver.on('scan', (s) => scans.push(s));
  driver.on('problem', (p) => problems.push(p));
  return { driver, scans, problems };
}

async function until(check: () => boolean, what: string): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > 3000) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

describe('selectHidPosScanner', () => {
  it('finds the device on usage page 0x8C, or the configured one', () => {
    expect(selectHidPosScanner([KEYBOARD, SCANNER])).toBe(SCANNER);
    expect(selectHidPosScanner([KEYBOARD])).toBeUndefined();
    expect(selectHidPosScanner([KEYBOARD, SCANNER], { vendorId: 0x1234 })).toBeUndefined();
    expect(selectHidPosScanner([KEYBOARD, SCANNER], { path: '/dev/hidraw0' })).toBe(KEYBOARD);
  });
});

describe('HidPosScannerGunDriver (fake transport)', () => {
  it('opens the scanner found by usage page and reads a code spread over two reports', async () => {
    const backend = new FakeBackend();
    backend.devices = [KEYBOARD, SCANNER];
    const { driver, scans } = makeDriver(backend);
    await driver.start();
    expect(driver.status()).toEqual({ id: 'hid-gun', kind: 'scanner-gun', state: 'ready', address: SCANNER.path });
    const link = backend.links.get(SCANNER.path) as FakeLink;
    for (const r of encodeHidPosReports(new TextEncoder().encode(INVOICE), ']Q1')) link.report?.(r);
    expect(scans).toHaveLength(1);
    expect(scans[0]).toMatchObject({ deviceId: 'hid-gun', source: 'hid-pos', symbologyId: ']Q1', payload: { kind: 'e-invoice', raw: INVOICE } });
  });

  it('reports a code whose continuation never comes, then reads the next one', async () => {
    const backend = new FakeBackend();
    backend.devices = [SCANNER];
    const { driver, scans, problems } = makeDriver(backend);
    await driver.start();
    const link = backend.links.get(SCANNER.path) as FakeLink;
    const reports = encodeHidPosReports(new TextEncoder().encode('X'.repeat(100)));
    link.report?.(reports[0] as Uint8Array);
    await until(() => problems.length === 1, 'incomplete-scan');
    expect(problems[0]?.code).toBe('scanner-gun-incomplete-scan');
    for (const r of encodeHidPosReports(new TextEncoder().encode('NEXT'))) link.report?.(r);
    expect(scans.map((s) => s.payload.raw)).toEqual(['NEXT']);
  });

  it('ignores other reports and flags malformed scanned-data reports', async () => {
    const backend = new FakeBackend();
    backend.devices = [SCANNER];
    const { driver, scans, problems } = makeDriver(backend);
    await driver.start();
    const link = backend.links.get(SCANNER.path) as FakeLink;
    link.report?.(Uint8Array.from([0x04, 0, 0, 0]));
    link.report?.(Uint8Array.from([0x02, 90, 0, 0, 0]));
    expect(scans).toEqual([]);
    expect(problems.map((p) => p.code)).toEqual(['scanner-gun-hid-report-invalid']);
  });

  it('notices an unplug and finds the scanner again under a new path', async () => {
    const backend = new FakeBackend();
    backend.devices = [SCANNER];
    const { driver, scans } = makeDriver(backend);
    await driver.start();
    backend.devices = [];
    backend.links.get(SCANNER.path)?.lost?.('could not read from HID device');
    expect(driver.status()).toMatchObject({ state: 'disconnected', problem: 'scanner-gun-unplugged' });
    await new Promise((r) => setTimeout(r, 60));
    expect(driver.status().state).toBe('disconnected');

    const moved = { ...SCANNER, path: '/dev/hidraw5' };
    backend.devices = [moved];
    await until(() => driver.status().state === 'ready', 'ready');
    expect(driver.status().address).toBe('/dev/hidraw5');
    for (const r of encodeHidPosReports(new TextEncoder().encode('AGAIN'))) backend.links.get(moved.path)?.report?.(r);
    expect(scans.map((s) => s.payload.raw)).toEqual(['AGAIN']);
  });

  it('says absent when no scanner is there, and permission-denied when hidraw is not readable', async () => {
    const backend = new FakeBackend();
    const { driver } = makeDriver(backend);
    await driver.start();
    expect(driver.status()).toMatchObject({ state: 'absent', problem: 'scanner-gun-not-found' });
    backend.devices = [SCANNER];
    backend.openError = Object.assign(new Error('cannot open device with path /dev/hidraw3: Permission denied'), {});
    await until(() => driver.status().state === 'error', 'error');
    expect(driver.status().problem).toBe('scanner-gun-permission-denied');
    backend.openError = undefined;
    await until(() => driver.status().state === 'ready', 'ready');
  });
});
