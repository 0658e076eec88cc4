import { describe, expect, it } from 'vitest';
import { parseScannerList } from './discovery';

describe('scanners from scanimage -L', () => {
  it('lists USB and network (eSCL through airscan) scanners side by side with their connection', () => {
    const output = [
      "device `airscan:e0:Kyocera ECOSYS M2040dn' is a eSCL Kyocera ECOSYS M2040dn ip=192.168.1.102",
      "device `airscan:w1:Brother MFC-L2710DW' is a WSD Brother MFC-L2710DW ip=192.168.1.40",
      "device `escl:https://192.168.1.5:443' is a HP LaserJet MFP M426fdn (USB or network) flatbed scanner",
      "device `genesys:libusb:001:005' is a Canon LiDE 220 flatbed scanner",
      "device `hpaio:/usb/ScanJet_Pro_2500_f1?serial=CN12345' is a Hewlett-Packard ScanJet_Pro_2500_f1 all-in-one",
      "device `epson2:net:192.168.1.20' is a Epson PID 08BC flatbed scanner",
      "device `fujitsu:fi-7160:136055' is a FUJITSU fi-7160 scanner",
      "device `test:0' is a Noname frontend-tester virtual device",
      'No scanners were identified. If you were expecting something different,',
    ].join('\n');
    expect(parseScannerList(output).map((found) => [found.device, found.backend, found.connection])).toEqual([
      ['airscan:e0:Kyocera ECOSYS M2040dn', 'airscan', 'network'],
      ['airscan:w1:Brother MFC-L2710DW', 'airscan', 'network'],
      ['escl:https://192.168.1.5:443', 'escl', 'network'],
      ['genesys:libusb:001:005', 'genesys', 'usb'],
      ['hpaio:/usb/ScanJet_Pro_2500_f1?serial=CN12345', 'hpaio', 'usb'],
      ['epson2:net:192.168.1.20', 'epson2', 'network'],
      ['fujitsu:fi-7160:136055', 'fujitsu', 'other'],
      ['test:0', 'test', 'virtual'],
    ]);
    expect(parseScannerList(output)[0]!.description).toBe('eSCL Kyocera ECOSYS M2040dn ip=192.168.1.102');
    expect(parseScannerList('No scanners were identified.')).toEqual([]);
  });
});
