/**
 * A scanner gun or scan box in serial mode: every line it sends is one code,
 * classified (Suishen code, e-voucher, e-invoice, text) with its raw text kept.
 */
import { EventEmitter } from 'node:events';
import type { DeviceStatus } from '../../domain/device';
import { silentLogger } from '../../domain/logger';
import { classifyScanPayload, DEFAULT_SCAN_PAYLOAD_RULES, type ScanPayloadRules, type ScanReading } from '../../domain/scan-payload';
import { type LinkError, ScannerGunError } from './errors';
import { type LinkStatus, SerialLineReader, type SerialLineReaderOptions, type TextLine } from './serial-line-reader';

export interface SerialScannerGunOptions extends SerialLineReaderOptions {
  id: string;
  payloadRules?: ScanPayloadRules;
  now?: () => Date;
}

export interface ScannerGunEvents {
  scan: [ScanReading];
  status: [DeviceStatus];
  /** A scan that was lost or damaged; the officer should scan again. */
  problem: [ScannerGunError];
}

export class SerialScannerGunDriver extends EventEmitter<ScannerGunEvents> {
  private readonly reader: SerialLineReader;
  private readonly id: string;
  private rules: ScanPayloadRules;
  private readonly now: () => Date;

  constructor(options: SerialScannerGunOptions) {
    super();
    this.id = options.id;
    this.rules = options.payloadRules ?? DEFAULT_SCAN_PAYLOAD_RULES;
    this.now = options.now ?? (() => new Date());
    const logger = options.logger ?? silentLogger;
    this.reader = new SerialLineReader({ ...options, logger });
    this.reader.on('line', (line) => this.onLine(line));
    this.reader.on('problem', (problem) => this.onProblem(problem));
    this.reader.on('status', (status) => this.emit('status', this.toDeviceStatus(status)));
  }

  start(): Promise<void> {
    return this.reader.start();
  }

  stop(): Promise<void> {
    return this.reader.stop();
  }

  status(): DeviceStatus {
    return this.toDeviceStatus(this.reader.status());
  }

  /** Rules arrive with the backend's configuration and may change while running. */
  setPayloadRules(rules: ScanPayloadRules): void {
    this.rules = rules;
  }

  private onLine(line: TextLine): void {
    const reading: ScanReading = {
      deviceId: this.id,
      source: 'serial',
      payload: classifyScanPayload(line.text, this.rules),
      receivedAt: this.now().toISOString(),
    };
    if (line.lossy) {
      reading.lossy = true;
      this.emit('problem', new ScannerGunError('scanner-gun-garbled', `line of ${line.bytes.length} bytes is not valid ${line.encoding}; kept with replacement characters`));
    }
    this.emit('scan', reading);
  }

  private onProblem(problem: LinkError): void {
    this.emit('problem', new ScannerGunError(`scanner-gun-${problem.problem}`, problem.detail));
  }

  private toDeviceStatus(status: LinkStatus): DeviceStatus {
    const out: DeviceStatus = { id: this.id, kind: 'scanner-gun', state: status.state, address: this.reader.path };
    if (status.problem) out.problem = `scanner-gun-${status.problem}`;
    if (status.detail) out.detail = status.detail;
    return out;
  }
}
