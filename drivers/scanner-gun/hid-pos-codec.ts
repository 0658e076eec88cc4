/**
 * HID-POS scanned-data reports: scanners on the Bar Code Scanner usage page
 * (0x8C) send each decoded code as input reports instead of keystrokes.
 * Pure: report bytes in, codes out.
 *
 * Source: USB-IF "HID Point of Sale Usage Tables" v1.02 (2001), section 3,
 * usage page 0x8C: the Scanned Data Report (usage 0x12) carries Symbology
 * Identifier 1–3 (0xFB–0xFD), Decoded Data (0xFE) and Decoded Data Continued
 * (0xFF, set when the code continues in the next report). The spec leaves the
 * byte layout to each device's report descriptor; the layout every HID-POS
 * scanner we know uses (Honeywell, Zebra, Datalogic, Access-IS: see e.g. the
 * Access-IS LSR116 manual, appendix A "HID reports") is a 64-byte report:
 *
 *   byte 0      report ID 0x02
 *   byte 1      number of decoded-data bytes in this report (0–56)
 *   bytes 2–4   symbology identifier 1, 2, 3 (AIM identifier, e.g. "]Q1" for QR)
 *   bytes 5–60  decoded data, zero-padded
 *   bytes 61–62 vendor symbology identifier / reserved
 *   byte 63     bit 0: decoded data continued
 *
 * node-hid hands reports with the report ID as byte 0 when the device numbers
 * its reports, which scanners with this layout do.
 */

export const HID_POS_USAGE_PAGE = 0x8c;
export const SCANNED_DATA_REPORT_ID = 0x02;
export const HID_POS_REPORT_LENGTH = 64;
const DATA_OFFSET = 5;
const MAX_DATA_PER_REPORT = 56;
const CONTINUED_OFFSET = 63;

export interface HidPosReport {
  /** Printable symbology identifier, e.g. ']Q1'; empty when the scanner sends zeros. */
  symbologyId: string;
  data: Uint8Array;
  continued: boolean;
}

export type HidPosParse =
  | { ok: true; report: HidPosReport }
  /** Not a scanned-data report (status, other report IDs): ignore quietly. */
  | { ok: false; ignored: true; detail: string }
  | { ok: false; ignored: false; detail: string };

export function parseHidPosReport(bytes: Uint8Array): HidPosParse {
  if (!(bytes instanceof Uint8Array) || bytes.length === 0) return { ok: false, ignored: false, detail: 'empty report' };
  if (bytes[0] !== SCANNED_DATA_REPORT_ID) return { ok: false, ignored: true, detail: `report ID 0x${(bytes[0] as number).toString(16)}` };
  if (bytes.length < DATA_OFFSET) return { ok: false, ignored: false, detail: `report of ${bytes.length} bytes is too short` };
  const length = bytes[1] as number;
  if (length > MAX_DATA_PER_REPORT || DATA_OFFSET + length > bytes.length) {
    return { ok: false, ignored: false, detail: `data length ${length} does not fit a ${bytes.length}-byte report` };
  }
  let symbologyId = '';
  for (let i = 2; i < DATA_OFFSET; i++) {
    const b = bytes[i] as number;
    if (b >= 0x21 && b <= 0x7e) symbologyId += String.fromCharCode(b);
  }
  const continued = bytes.length > CONTINUED_OFFSET ? ((bytes[CONTINUED_OFFSET] as number) & 0x01) === 1 : false;
  return { ok: true, report: { symbologyId, data: bytes.slice(DATA_OFFSET, DATA_OFFSET + length), continued } };
}

/** Builds a report in the layout above; used by tests and simulators of the driver. */
export function encodeHidPosReports(data: Uint8Array, symbologyId = ']Q1'): Uint8Array[] {
  const reports: Uint8Array[] = [];
  const sym = Array.from(symbologyId.slice(0, 3), (c) => c.charCodeAt(0) & 0x7f);
  let offset = 0;
  do {
    const piece = data.subarray(offset, offset + MAX_DATA_PER_REPORT);
    offset += piece.length;
    const report = new Uint8Array(HID_POS_REPORT_LENGTH);
    report[0] = SCANNED_DATA_REPORT_ID;
    report[1] = piece.length;
    report.set(sym, 2);
    report.set(piece, DATA_OFFSET);
    report[CONTINUED_OFFSET] = offset < data.length ? 1 : 0;
    reports.push(report);
  } while (offset < data.length);
  return reports;
}

export type AssembledScan =
  | { type: 'scan'; symbologyId: string; data: Uint8Array }
  | { type: 'overflow'; droppedBytes: number };

/** Joins the reports of one code until a report without the "continued" bit. */
export class HidPosAssembler {
  private parts: Uint8Array[] = [];
  private size = 0;
  private symbologyId = '';
  private overflowing = false;

  constructor(private readonly maxBytes = 8192) {}

  get pending(): boolean {
    return this.parts.length > 0 || this.overflowing;
  }

  push(report: HidPosReport): AssembledScan | undefined {
    if (!this.pending) this.symbologyId = report.symbologyId;
    if (this.overflowing || this.size + report.data.length > this.maxBytes) {
      this.overflowing = true;
      this.size += report.data.length;
      this.parts = [];
      if (report.continued) return undefined;
      const dropped = this.size;
      this.reset();
      return { type: 'overflow', droppedBytes: dropped };
    }
    this.parts.push(report.data);
    this.size += report.data.length;
    if (report.continued) return undefined;
    const data = new Uint8Array(this.size);
    let at = 0;
    for (const p of this.parts) {
      data.set(p, at);
      at += p.length;
    }
    const scan: AssembledScan = { type: 'scan', symbologyId: this.symbologyId, data };
    this.reset();
    return scan;
  }

  /** Gives up a code whose last report never came; returns how many bytes were lost. */
  reset(): number {
    const lost = this.size;
    this.parts = [];
    this.size = 0;
    this.overflowing = false;
    this.symbologyId = '';
    return lost;
  }
}
