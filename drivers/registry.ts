/**
 * The one owner of every device driver: starts them, relays their events,
 * answers "what is connected" and runs the start-up self-check.
 */
import { EventEmitter } from 'node:events';
import type { DeviceStatus } from '../domain/device';
import type { CardReading } from '../domain/identity-card';
import type { Logger } from '../domain/logger';
import { IdCardReaderDriver } from './id-card/driver';

export interface DeviceRegistryConfig {
  /** undefined: no reader configured at this counter. */
  idCardReader?: { path?: string; baudRate?: number } | undefined;
}

interface RegistryEvents {
  cardRead: [CardReading];
  deviceChanged: [DeviceStatus];
}

const ID_CARD_READER_ID = 'id-card-reader';

export class DeviceRegistry extends EventEmitter<RegistryEvents> {
  private readonly idCardReader?: IdCardReaderDriver;

  constructor(config: DeviceRegistryConfig, private readonly logger: Logger) {
    super();
    if (config.idCardReader) {
      const reader = new IdCardReaderDriver({ id: ID_CARD_READER_ID, ...config.idCardReader, logger: logger.child({ device: ID_CARD_READER_ID }) });
      reader.on('cardRead', (reading) => this.emit('cardRead', reading));
      reader.on('status', (status) => this.emit('deviceChanged', status));
      this.idCardReader = reader;
    }
  }

  async start(): Promise<void> {
    await this.idCardReader?.start();
  }

  async stop(): Promise<void> {
    await this.idCardReader?.stop();
  }

  list(): DeviceStatus[] {
    return [this.idCardReader?.status() ?? { id: ID_CARD_READER_ID, kind: 'id-card-reader', state: 'absent', problem: 'device-not-configured' }];
  }

  /** Today the drivers keep their status current, so a self-check is a fresh listing. */
  async selfCheck(): Promise<DeviceStatus[]> {
    const statuses = this.list();
    this.logger.info('self-check', { devices: statuses.map((s) => `${s.id}:${s.state}`).join(',') });
    return statuses;
  }

  readIdCard(timeoutMs: number): Promise<CardReading> {
    if (!this.idCardReader) {
      return Promise.reject(Object.assign(new Error('no ID card reader configured'), { code: 'device-not-configured' }));
    }
    return this.idCardReader.readOnce(timeoutMs);
  }
}
