import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { listFromSysfs, serialPortTransport } from './transport';

const dirs: string[] = [];
afterEach(async () => {
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});

describe('port listing', () => {
  it('reads USB IDs from sysfs when udevadm is missing', async () => {
    const root = await mkdtemp(join(tmpdir(), 'sysfs-'));
    dirs.push(root);
    // /sys/class/tty/ttyUSB0/device -> the USB interface, whose parent carries idVendor/idProduct.
    const usbDevice = join(root, 'devices', 'usb1', '1-1');
    const usbInterface = join(usbDevice, '1-1:1.0');
    await mkdir(usbInterface, { recursive: true });
    await writeFile(join(usbDevice, 'idVendor'), '1a86\n');
    await writeFile(join(usbDevice, 'idProduct'), '7523\n');
    await writeFile(join(usbDevice, 'manufacturer'), 'QinHeng Electronics\n');
    const classTty = join(root, 'class', 'tty');
    await mkdir(join(classTty, 'ttyUSB0'), { recursive: true });
    await symlink(usbInterface, join(classTty, 'ttyUSB0', 'device'));
    await mkdir(join(classTty, 'ttyS0'), { recursive: true });
    await mkdir(join(classTty, 'ttyACM3'), { recursive: true });

    const ports = await listFromSysfs(classTty, '/dev');
    expect(ports).toEqual(
      expect.arrayContaining([
        { path: '/dev/ttyUSB0', vendorId: '1a86', productId: '7523', manufacturer: 'QinHeng Electronics' },
        { path: '/dev/ttyACM3' },
      ]),
    );
    expect(ports.map((p) => p.path)).not.toContain('/dev/ttyS0');
  });

  it('returns an empty list, not an error, when there is no sysfs', async () => {
    expect(await listFromSysfs(join(tmpdir(), 'no-such-sysfs'))).toEqual([]);
  });

  it('still lists (from sysfs) when udevadm cannot be run', async () => {
    const saved = process.env.PATH;
    process.env.PATH = join(tmpdir(), 'no-such-bin');
    try {
      const ports = await serialPortTransport.list();
      expect(Array.isArray(ports)).toBe(true);
    } finally {
      process.env.PATH = saved;
    }
  });

  it('maps a missing port to id-card-reader-not-found', async () => {
    await expect(serialPortTransport.open(join(tmpdir(), 'no-such-port'), 115200)).rejects.toMatchObject({
      code: 'id-card-reader-not-found',
    });
  });
});
