import { describe, expect, it } from 'vitest';
import { CupsCli, parseLpstat } from './cups';

describe('lpstat output (C locale)', () => {
  it('merges -d -p -a -v lines into one record per queue', () => {
    const output = [
      'system default destination: Desk',
      'printer Desk is idle.  enabled since Mon Nov 23 16:46:15 2026',
      'printer Certificates disabled since Mon Nov 23 16:50:02 2026 -',
      '\tMedia empty',
      'printer Busy now printing Busy-12.  enabled since Mon Nov 23 16:40:00 2026',
      'Desk accepting requests since Mon Nov 23 16:46:15 2026',
      'Certificates not accepting requests since Mon Nov 23 16:50:02 2026 -',
      '\tRejecting Jobs',
      'Busy accepting requests since Mon Nov 23 16:40:00 2026',
      'device for Desk: ipp://192.168.1.20/ipp/print',
      'device for Certificates: usb://EPSON/LQ-630K?serial=1',
      'device for Busy: socket://10.0.0.5',
    ].join('\n');
    expect(parseLpstat(output)).toEqual([
      { name: 'Desk', state: 'idle', isDefault: true, acceptingJobs: true, deviceUri: 'ipp://192.168.1.20/ipp/print' },
      { name: 'Certificates', state: 'stopped', isDefault: false, reason: 'Media empty', acceptingJobs: false, deviceUri: 'usb://EPSON/LQ-630K?serial=1' },
      { name: 'Busy', state: 'processing', isDefault: false, acceptingJobs: true, deviceUri: 'socket://10.0.0.5' },
    ]);
  });

  it('finds no queue in an empty listing', () => {
    expect(parseLpstat('no system default destination\n')).toEqual([]);
  });
});

describe('where a CUPS job is followed', () => {
  it('asks the scheduler at its host:port, at localhost:631 by default, or through its socket', () => {
    expect(new CupsCli({ server: '127.0.0.1:8631' }).ippTarget('Desk')).toEqual({ printerUri: 'ipp://127.0.0.1:8631/printers/Desk' });
    expect(new CupsCli().ippTarget('Desk A4')).toEqual({ printerUri: 'ipp://localhost:631/printers/Desk%20A4' });
    expect(new CupsCli({ server: '/run/cups/cups.sock' }).ippTarget('Desk')).toEqual({ printerUri: 'ipp://localhost/printers/Desk', socketPath: '/run/cups/cups.sock' });
  });
});
