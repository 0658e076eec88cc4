import { describe, expect, it } from 'vitest';
import { createScannerGunDriver } from './create';
import { SerialScannerGunDriver } from './driver';
import { HidPosScannerGunDriver } from './hid-pos-driver';

describe('createScannerGunDriver', () => {
  it('builds the driver the configured mode needs, reporting as a scanner gun at the configured address', () => {
    const serial = createScannerGunDriver('gun', { mode: 'serial', path: '/dev/ttyUSB7', suffix: 'crlf' });
    expect(serial).toBeInstanceOf(SerialScannerGunDriver);
    expect(serial.status()).toMatchObject({ id: 'gun', kind: 'scanner-gun', state: 'absent', address: '/dev/ttyUSB7' });
    const hid = createScannerGunDriver('box', { mode: 'hid-pos', vendorId: 0x0c2e });
    expect(hid).toBeInstanceOf(HidPosScannerGunDriver);
    expect(hid.status()).toMatchObject({ id: 'box', kind: 'scanner-gun', state: 'absent' });
  });
});
