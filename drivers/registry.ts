/**
 * The one owner of every device driver: starts them, relays their events,
 * answers "what is connected" and runs the start-up self-check.
 */
import { EventEmitter } from 'node:events';
import type { DeviceKind, DeviceStatus } from '../domain/device';
import type { CardReading } from '../domain/identity-card';
import type { Logger } from '../domain/logger';
import type { PassportReading } from '../domain/mrz';
import type { ScanReading } from '../domain/scan-payload';
import type { SocialSecurityCardReading } from '../domain/social-security-card';
import { DocumentScannerDriver, type BatchRequest, type ScanBatch, type ScanRequest, type ScannedPage } from './document-scanner/driver';
import { DocumentScannerError } from './document-scanner/errors';
import { IdCardReaderDriver } from './id-card/driver';
import { SerialPassportReaderDriver } from './passport-reader/driver';
import { createScannerGunDriver, type ScannerGunConfig } from './scanner-gun';
import { SignaturePadDriver } from './signature-pad/driver';
import { SocialSecurityCardReaderDriver } from './social-security-card';
import type { PcscTransport } from './social-security-card/transport';
import type { PadTransportFactory } from './signature-pad/transport';

export interface DeviceRegistryConfig {
  /** Absent: no reader at this counter. An empty object: discover it. */
  idCardReader?: { path?: string; baudRate?: number } | undefined;
  scannerGun?: ScannerGunConfig | undefined;
  passportReader?: { path: string; baudRate?: number } | undefined;
  /** A document scanner by its SANE device name. */
  documentScanner?: { device: string } | undefined;
  /** Present: a social security card reader over PC/SC (`reader`: part of its name). */
  socialSecurityCardReader?: { reader?: string | undefined; transport?: PcscTransport; pollIntervalMs?: number } | undefined;
  /** Present: a Wacom STU pad is expected (found over node-hid unless another transport is given). */
  signaturePad?: { factory?: PadTransportFactory } | undefined;
}

interface RegistryEvents {
  cardRead: [CardReading];
  socialSecurityCardRead: [SocialSecurityCardReading];
  scan: [ScanReading];
  passportRead: [PassportReading];
  deviceChanged: [DeviceStatus];
}

/** What every driver offers the registry. */
interface ManagedDriver {
  start(): Promise<void>;
  stop(): Promise<void>;
  status(): DeviceStatus;
}

const IDS = {
  idCardReader: 'id-card-reader',
  scannerGun: 'scanner-gun',
  passportReader: 'passport-reader',
  signaturePad: 'signature-pad',
  documentScanner: 'document-scanner',
  socialSecurityCardReader: 'social-security-card-reader',
} as const;

export class DeviceRegistry extends EventEmitter<RegistryEvents> {
  private readonly drivers = new Map<string, ManagedDriver>();
  private readonly idCardReader?: IdCardReaderDriver;
  private readonly documentScanner?: DocumentScannerDriver;
  private readonly socialSecurityCardReader?: SocialSecurityCardReaderDriver;
  readonly signaturePad?: SignaturePadDriver;

  constructor(
    config: DeviceRegistryConfig,
    private readonly logger: Logger,
  ) {
    super();
    if (config.idCardReader) {
      const reader = new IdCardReaderDriver({ id: IDS.idCardReader, ...config.idCardReader, logger: logger.child({ device: IDS.idCardReader }) });
      reader.on('cardRead', (reading) => this.emit('cardRead', reading));
      reader.on('status', (status) => this.emit('deviceChanged', status));
      this.idCardReader = reader;
      this.drivers.set(IDS.idCardReader, reader);
    }
    if (config.scannerGun) {
      const gun = createScannerGunDriver(IDS.scannerGun, config.scannerGun, { logger: logger.child({ device: IDS.scannerGun }) });
      gun.on('scan', (reading) => this.emit('scan', reading));
      gun.on('status', (status) => this.emit('deviceChanged', status));
      gun.on('problem', (problem) => logger.warn('scanner gun problem', { code: problem.code, detail: problem.message }));
      this.drivers.set(IDS.scannerGun, gun);
    }
    if (config.passportReader) {
      const passport = new SerialPassportReaderDriver({ id: IDS.passportReader, ...config.passportReader, logger: logger.child({ device: IDS.passportReader }) });
      passport.on('passportRead', (reading) => this.emit('passportRead', reading));
      passport.on('status', (status) => this.emit('deviceChanged', status));
      passport.on('problem', (problem) => logger.warn('passport reader problem', { code: problem.code, detail: problem.message }));
      this.drivers.set(IDS.passportReader, passport);
    }
    if (config.documentScanner) {
      const scanner = new DocumentScannerDriver({ id: IDS.documentScanner, device: config.documentScanner.device, logger: logger.child({ device: IDS.documentScanner }) });
      scanner.on('status', (status) => this.emit('deviceChanged', status));
      this.documentScanner = scanner;
      this.drivers.set(IDS.documentScanner, scanner);
    }
    if (config.socialSecurityCardReader) {
      const { reader, transport, pollIntervalMs } = config.socialSecurityCardReader;
      const ssc = new SocialSecurityCardReaderDriver({
        id: IDS.socialSecurityCardReader,
        ...(reader ? { reader } : {}),
        ...(transport ? { transport } : {}),
        ...(pollIntervalMs ? { pollIntervalMs } : {}),
        logger: logger.child({ device: IDS.socialSecurityCardReader }),
      });
      ssc.on('cardRead', (reading) => this.emit('socialSecurityCardRead', reading));
      ssc.on('status', (status) => this.emit('deviceChanged', status));
      this.socialSecurityCardReader = ssc;
      this.drivers.set(IDS.socialSecurityCardReader, ssc);
    }
    if (config.signaturePad) {
      const pad = new SignaturePadDriver({ id: IDS.signaturePad, ...config.signaturePad, logger: logger.child({ device: IDS.signaturePad }) });
      pad.on('status', (status) => this.emit('deviceChanged', status));
      this.signaturePad = pad;
      this.drivers.set(IDS.signaturePad, pad);
    }
  }

  async start(): Promise<void> {
    await Promise.all([...this.drivers.values()].map((driver) => driver.start()));
  }

  async stop(): Promise<void> {
    await Promise.all([...this.drivers.values()].map((driver) => driver.stop()));
  }

  /** Every device class the counter may have; unconfigured ones say so. */
  list(): DeviceStatus[] {
    const configured = [...this.drivers.values()].map((driver) => driver.status());
    const missing: DeviceStatus[] = (['id-card-reader', 'scanner-gun'] as DeviceKind[])
      .filter((kind) => !configured.some((status) => status.kind === kind))
      .map((kind) => ({ id: kind, kind, state: 'absent', problem: 'device-not-configured' }));
    return [...configured, ...missing];
  }

  /** The drivers keep their status current, so a self-check is a fresh listing, logged for the field engineer. */
  async selfCheck(): Promise<DeviceStatus[]> {
    const statuses = this.list();
    this.logger.info('self-check', { devices: statuses.map((s) => `${s.id}:${s.state}`).join(',') });
    return statuses;
  }

  scanDocument(request: ScanRequest): Promise<ScannedPage> {
    if (!this.documentScanner) return Promise.reject(new DocumentScannerError('document-scanner-not-configured', 'no document scanner configured'));
    return this.documentScanner.scan(request);
  }

  scanDocumentBatch(request: BatchRequest, onPage: (page: ScannedPage, index: number) => Promise<void>): ScanBatch {
    if (!this.documentScanner) throw new DocumentScannerError('document-scanner-not-configured', 'no document scanner configured');
    return this.documentScanner.scanBatch(request, onPage);
  }

  /** Whether this counter has an ID card reader configured. */
  get hasIdCardReader(): boolean {
    return this.idCardReader !== undefined;
  }

  /** Whether this counter has a social security card reader configured. */
  get hasSocialSecurityCardReader(): boolean {
    return this.socialSecurityCardReader !== undefined;
  }

  readSocialSecurityCard(timeoutMs: number): Promise<SocialSecurityCardReading> {
    if (!this.socialSecurityCardReader) return Promise.reject(Object.assign(new Error('no social security card reader configured'), { code: 'device-not-configured' }));
    return this.socialSecurityCardReader.readOnce(timeoutMs);
  }

  readIdCard(timeoutMs: number): Promise<CardReading> {
    if (!this.idCardReader) {
      return Promise.reject(Object.assign(new Error('no ID card reader configured'), { code: 'device-not-configured' }));
    }
    return this.idCardReader.readOnce(timeoutMs);
  }
}
