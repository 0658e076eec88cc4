/**
 * Which printer a paper goes to when the screen names none: the resident's copy at an extension terminal goes to the
 * A4 printer whatever order the configuration lists the printers in, and a terminal with only a certificate printer
 * refuses it (in the words the kiosk shows) rather than feeding a form into booklet stock.
 */
import { describe, expect, it } from 'vitest';
import type { PrinterTarget } from '../../domain/printing';
import { KIOSK_MESSAGES } from '../kiosk/messages';
import { printerFor, residentCopyPrinter } from './print-scope';

const certificate: PrinterTarget = { kind: 'ipp', id: 'ipp:certificate', name: '证书打印机', uri: 'ipp://127.0.0.1:8631/ipp/print', role: 'certificate' };
const a4: PrinterTarget = { kind: 'ipp', id: 'ipp:a4', name: 'A4打印机', uri: 'ipp://127.0.0.1:8632/ipp/print', role: 'a4' };
const single: PrinterTarget = { kind: 'ipp', id: 'ipp:only', name: '打印机', uri: 'ipp://127.0.0.1:8633/ipp/print' };

describe('printers by role when the screen names none', () => {
  it("prints the resident's copy on the A4 printer, not on the certificate printer listed first", () => {
    expect(residentCopyPrinter([certificate, a4])).toBe('ipp:a4');
    expect(residentCopyPrinter([single])).toBe('ipp:only');
  });

  it('refuses the copy on a terminal with only a certificate printer, in the words the kiosk shows', () => {
    expect(() => residentCopyPrinter([certificate])).toThrow(expect.objectContaining({ code: 'form-print-no-printer' }));
    expect(KIOSK_MESSAGES['form-print-no-printer']?.['zh-CN']).toContain('没有可用的打印机');
    expect(() => residentCopyPrinter([])).toThrow(expect.objectContaining({ code: 'form-print-no-printer' }));
  });

  it('sends a certificate to the certificate printer unless the call names another configured one', () => {
    expect(printerFor([a4, certificate], 'certificate')).toBe('ipp:certificate');
    expect(printerFor([a4, certificate], 'certificate', 'ipp:a4')).toBe('ipp:a4');
    expect(() => printerFor([a4, certificate], 'certificate', 'ipp:elsewhere')).toThrow(expect.objectContaining({ code: 'printer-not-configured' }));
  });
});
