/**
 * Runs the extension terminal's self-check over every source that knows a
 * part's health (device registry, printers, disk, the centre channel, and the
 * renderer for camera and microphone) and tells listeners the report.
 */
import { EventEmitter } from 'node:events';
import type { DeviceStatus } from '../../domain/device';
import type { Logger } from '../../domain/logger';
import {
  centreItem,
  diskItem,
  mediaItems,
  printerItem,
  readerItem,
  scannerGunItem,
  selfCheckReport,
  type MediaCheck,
  type SelfCheckReport,
} from '../../domain/self-check';
import type { StorageStatus } from '../../domain/storage';
import type { TerminalLocation } from '../../domain/terminal-location';

export interface SelfCheckSources {
  devices(): DeviceStatus[];
  /** The configured printers, asked now. */
  printers(): Promise<DeviceStatus[]>;
  storage(): Promise<StorageStatus>;
  centre(): { state: string; problem?: string };
  /** Door-to-door pad mode: where the pad is now (none otherwise). */
  location?: (() => TerminalLocation | undefined) | undefined;
}

export class KioskSelfCheck extends EventEmitter<{ report: [SelfCheckReport] }> {
  #media: MediaCheck | undefined;
  #last: SelfCheckReport | undefined;
  #running: Promise<SelfCheckReport> | undefined;

  constructor(
    private readonly sources: SelfCheckSources,
    private readonly logger: Logger,
  ) {
    super();
  }

  last(): SelfCheckReport | undefined {
    return this.#last;
  }

  /** One check at a time: a request while one runs shares its answer, unless it brings new media findings. */
  run(media?: MediaCheck): Promise<SelfCheckReport> {
    if (media) this.#media = media;
    if (this.#running && !media) return this.#running;
    const running = this.#check().finally(() => {
      if (this.#running === running) this.#running = undefined;
    });
    this.#running = running;
    return running;
  }

  async #check(): Promise<SelfCheckReport> {
    const devices = this.sources.devices();
    const [printers, storage] = await Promise.all([
      this.sources.printers().catch((error: unknown) => {
        this.logger.warn('self-check: printers could not be listed', { detail: String(error) });
        return [];
      }),
      this.sources.storage().catch(() => undefined),
    ]);
    const report = selfCheckReport(
      [
        readerItem(devices.find((status) => status.kind === 'id-card-reader')),
        printerItem(printers),
        scannerGunItem(devices.find((status) => status.kind === 'scanner-gun')),
        ...mediaItems(this.#media),
        centreItem(this.sources.centre()),
        diskItem(storage),
      ],
      new Date(),
      this.sources.location?.(),
    );
    this.#last = report;
    this.logger.info('self-check', { ok: report.ok, faults: report.items.filter((entry) => !entry.ok).map((entry) => entry.problem).join(',') });
    this.emit('report', report);
    return report;
  }
}
