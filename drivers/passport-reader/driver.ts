/**
 * A passport reader in serial mode: it sends the MRZ as 2 or 3 text lines,
 * each ended by CR/LF (some models send the whole zone as one line). Lines are
 * gathered into a zone, parsed and check-digit-validated (domain/mrz.ts), and
 * emitted as one reading with its problems; nothing is thrown.
 *
 * Keyboard-mode readers and officers typing go through the same domain code
 * in the renderer (KeyboardWedgeDetector → MrzLineAssembler → parseMrz).
 */
import { EventEmitter } from 'node:events';
import type { DeviceStatus } from '../../domain/device';
import { type Logger, silentLogger } from '../../domain/logger';
import { MrzLineAssembler, normaliseMrzLines, parseMrz, type PassportReading } from '../../domain/mrz';
import { type LinkStatus, SerialLineReader, type SerialLineReaderOptions, type TextLine } from '../scanner-gun';
import { PassportReaderError } from './errors';

export interface SerialPassportReaderOptions extends SerialLineReaderOptions {
  id: string;
  /** How long to wait for the rest of a zone after its first line. */
  zoneTimeoutMs?: number;
  now?: () => Date;
}

interface PassportReaderEvents {
  passportRead: [PassportReading];
  status: [DeviceStatus];
  problem: [PassportReaderError];
}

/** Readers send a whole zone in one burst; 1 s is generous even at 9600 baud (3 × 31 bytes ≈ 0.1 s). */
export const DEFAULT_ZONE_TIMEOUT_MS = 1000;

export class SerialPassportReaderDriver extends EventEmitter<PassportReaderEvents> {
  private readonly reader: SerialLineReader;
  private readonly assembler = new MrzLineAssembler();
  private readonly logger: Logger;
  private readonly now: () => Date;
  private zoneTimer: NodeJS.Timeout | undefined;

  constructor(private readonly options: SerialPassportReaderOptions) {
    super();
    this.logger = options.logger ?? silentLogger;
    this.now = options.now ?? (() => new Date());
    // Passport readers default to CR LF; the reader code is lenient about either half.
    this.reader = new SerialLineReader({ suffix: 'crlf', ...options, logger: this.logger });
    this.reader.on('line', (line) => this.onLine(line));
    this.reader.on('problem', (problem) => this.emit('problem', new PassportReaderError(`passport-reader-${problem.problem}`, problem.detail)));
    this.reader.on('status', (status) => this.emit('status', this.toDeviceStatus(status)));
  }

  start(): Promise<void> {
    return this.reader.start();
  }

  async stop(): Promise<void> {
    clearTimeout(this.zoneTimer);
    this.assembler.reset();
    await this.reader.stop();
  }

  status(): DeviceStatus {
    return this.toDeviceStatus(this.reader.status());
  }

  private onLine(line: TextLine): void {
    const text = line.text;
    const [only, ...more] = normaliseMrzLines(text);
    // A reader that sends the whole zone as one line.
    if (only !== undefined && more.length > 0) {
      this.assembler.reset();
      this.publish(text);
      return;
    }
    const zone = this.assembler.push(text);
    clearTimeout(this.zoneTimer);
    if (zone) {
      this.publish(zone.lines);
      return;
    }
    if (this.assembler.pending) {
      this.zoneTimer = setTimeout(() => {
        if (!this.assembler.pending) return;
        this.assembler.reset();
        this.emit('problem', new PassportReaderError('passport-mrz-incomplete', 'only part of the MRZ arrived'));
      }, this.options.zoneTimeoutMs ?? DEFAULT_ZONE_TIMEOUT_MS);
      this.zoneTimer.unref?.();
      return;
    }
    // Not part of a zone: status lines some readers send are ignored; an MRZ-looking line of the wrong length is a misread.
    if (only !== undefined && /^[A-Z0-9<]{20,}$/.test(only)) {
      this.emit('problem', new PassportReaderError('mrz-format-unknown', `MRZ-like line of ${only.length} characters fits no format`));
    } else {
      this.logger.debug('non-MRZ line ignored', { length: text.length });
    }
  }

  private publish(lines: string | string[]): void {
    const now = this.now();
    const mrz = parseMrz(lines, { today: now });
    this.emit('passportRead', { deviceId: this.options.id, source: 'serial', mrz, receivedAt: now.toISOString() });
  }

  private toDeviceStatus(status: LinkStatus): DeviceStatus {
    // DeviceKind has no passport reader yet; it is a scanner-class text device on the registry's list.
    const out: DeviceStatus = { id: this.options.id, kind: 'passport-reader', state: status.state, address: this.reader.path };
    if (status.problem) out.problem = `passport-reader-${status.problem}`;
    if (status.detail) out.detail = status.detail;
    return out;
  }
}
