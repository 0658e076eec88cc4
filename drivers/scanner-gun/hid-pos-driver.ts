/**
 * A scanner gun or scan box in HID-POS mode (usage page 0x8C): found by usage
 * page (or a configured path / USB IDs), read as scanned-data reports, codes
 * joined across "continued" reports, classified like serial scans. After an
 * unplug it looks for the scanner again, since the HID path usually changes.
 */
import { EventEmitter } from 'node:events';
import type { DeviceState, DeviceStatus } from '../../domain/device';
import { type Logger, silentLogger } from '../../domain/logger';
import { classifyScanPayload, DEFAULT_SCAN_PAYLOAD_RULES, type ScanPayloadRules, type ScanReading } from '../../domain/scan-payload';
import type { ScannerGunEvents } from './driver';
import { linkErrorFromOpenFailure, ScannerGunError } from './errors';
import { HID_POS_USAGE_PAGE, HidPosAssembler, parseHidPosReport } from './hid-pos-codec';
import { type HidBackend, type HidDeviceInfo, type HidLink, nodeHidBackend } from './hid-transport';
import { decodeScanText, type ScanTextEncoding } from './line-codec';

export interface HidPosScannerOptions {
  id: string;
  /** Pick a device by path or USB IDs; by default the first device on usage page 0x8C. */
  match?: { path?: string; vendorId?: number; productId?: number };
  backend?: HidBackend;
  /** How often to look for the scanner while it is absent. */
  pollMs?: number;
  /** How long to wait for the next report of a code marked "continued". */
  continuationTimeoutMs?: number;
  maxScanBytes?: number;
  encoding?: ScanTextEncoding;
  payloadRules?: ScanPayloadRules;
  logger?: Logger;
  now?: () => Date;
}

export function isHidPosScanner(device: HidDeviceInfo): boolean {
  return device.usagePage === HID_POS_USAGE_PAGE;
}

export function selectHidPosScanner(devices: readonly HidDeviceInfo[], match: HidPosScannerOptions['match'] = {}): HidDeviceInfo | undefined {
  if (match.path) return devices.find((d) => d.path === match.path);
  return devices.find(
    (d) => isHidPosScanner(d) && (match.vendorId === undefined || d.vendorId === match.vendorId) && (match.productId === undefined || d.productId === match.productId),
  );
}

export class HidPosScannerGunDriver extends EventEmitter<ScannerGunEvents> {
  private readonly backend: HidBackend;
  private readonly logger: Logger;
  private readonly assembler: HidPosAssembler;
  private readonly now: () => Date;
  private rules: ScanPayloadRules;
  private link: HidLink | undefined;
  private address: string | undefined;
  private running = false;
  private everOpened = false;
  private current: { state: DeviceState; problem?: string; detail?: string } = { state: 'absent' };
  private pollTimer: NodeJS.Timeout | undefined;
  private continuationTimer: NodeJS.Timeout | undefined;
  private generation = 0;

  constructor(private readonly options: HidPosScannerOptions) {
    super();
    this.backend = options.backend ?? nodeHidBackend;
    this.logger = options.logger ?? silentLogger;
    this.assembler = new HidPosAssembler(options.maxScanBytes ?? 8192);
    this.now = options.now ?? (() => new Date());
    this.rules = options.payloadRules ?? DEFAULT_SCAN_PAYLOAD_RULES;
  }

  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    await this.connect();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.generation++;
    clearTimeout(this.pollTimer);
    clearTimeout(this.continuationTimer);
    this.assembler.reset();
    const link = this.link;
    this.link = undefined;
    if (link) await link.close().catch(() => undefined);
    this.setStatus({ state: 'absent' });
  }

  status(): DeviceStatus {
    const status: DeviceStatus = { id: this.options.id, kind: 'scanner-gun', state: this.current.state };
    if (this.address) status.address = this.address;
    if (this.current.problem) status.problem = this.current.problem;
    if (this.current.detail) status.detail = this.current.detail;
    return status;
  }

  setPayloadRules(rules: ScanPayloadRules): void {
    this.rules = rules;
  }

  private async connect(): Promise<void> {
    if (!this.running) return;
    const generation = ++this.generation;
    let device: HidDeviceInfo | undefined;
    try {
      device = selectHidPosScanner(await this.backend.list(), this.options.match);
    } catch (error) {
      if (generation !== this.generation) return;
      this.setStatus({ state: 'error', problem: 'scanner-gun-open-failed', detail: `cannot list HID devices: ${String(error)}` });
      this.schedulePoll();
      return;
    }
    if (generation !== this.generation) return;
    if (!device) {
      this.setStatus(
        this.everOpened
          ? { state: 'disconnected', problem: 'scanner-gun-unplugged', detail: 'HID-POS scanner not present' }
          : { state: 'absent', problem: 'scanner-gun-not-found', detail: 'no HID device on usage page 0x8C' },
      );
      this.schedulePoll();
      return;
    }
    let link: HidLink;
    try {
      link = await this.backend.open(device.path);
    } catch (error) {
      if (generation !== this.generation) return;
      const failure = linkErrorFromOpenFailure(error);
      const state: DeviceState = failure.problem === 'busy' ? 'busy' : 'error';
      this.setStatus({ state, problem: `scanner-gun-${failure.problem === 'not-found' ? 'open-failed' : failure.problem}`, detail: failure.detail });
      this.schedulePoll();
      return;
    }
    if (generation !== this.generation || !this.running) {
      await link.close().catch(() => undefined);
      return;
    }
    this.link = link;
    this.address = device.path;
    this.everOpened = true;
    link.onReport((report) => {
      if (generation === this.generation) this.onReport(report);
    });
    link.onLost((detail) => {
      if (generation === this.generation) this.onLost(detail);
    });
    this.logger.info('HID-POS scanner open', { path: device.path, vendorId: device.vendorId, productId: device.productId });
    this.setStatus({ state: 'ready' });
  }

  private schedulePoll(): void {
    if (!this.running) return;
    clearTimeout(this.pollTimer);
    this.pollTimer = setTimeout(() => void this.connect(), this.options.pollMs ?? 1000);
    this.pollTimer.unref?.();
  }

  private onLost(detail: string): void {
    this.generation++;
    const link = this.link;
    this.link = undefined;
    clearTimeout(this.continuationTimer);
    if (this.assembler.pending) this.emitProblem('scanner-gun-incomplete-scan', `unplugged in the middle of a code (${this.assembler.reset()} bytes lost)`);
    if (link) void link.close().catch(() => undefined);
    this.logger.warn('HID-POS scanner lost', { detail });
    this.setStatus({ state: 'disconnected', problem: 'scanner-gun-unplugged', detail });
    this.schedulePoll();
  }

  private onReport(bytes: Uint8Array): void {
    const parsed = parseHidPosReport(bytes);
    if (!parsed.ok) {
      if (!parsed.ignored) this.emitProblem('scanner-gun-hid-report-invalid', parsed.detail);
      return;
    }
    clearTimeout(this.continuationTimer);
    const assembled = this.assembler.push(parsed.report);
    if (!assembled) {
      this.continuationTimer = setTimeout(() => {
        this.emitProblem('scanner-gun-incomplete-scan', `continued code never finished (${this.assembler.reset()} bytes lost)`);
      }, this.options.continuationTimeoutMs ?? 500);
      this.continuationTimer.unref?.();
      return;
    }
    if (assembled.type === 'overflow') {
      this.emitProblem('scanner-gun-line-too-long', `dropped a code of ${assembled.droppedBytes} bytes`);
      return;
    }
    const decoded = decodeScanText(assembled.data, this.options.encoding ?? 'auto');
    const reading: ScanReading = {
      deviceId: this.options.id,
      source: 'hid-pos',
      payload: classifyScanPayload(decoded.text, this.rules),
      receivedAt: this.now().toISOString(),
    };
    if (assembled.symbologyId) reading.symbologyId = assembled.symbologyId;
    if (decoded.lossy) {
      reading.lossy = true;
      this.emitProblem('scanner-gun-garbled', `code of ${assembled.data.length} bytes is not valid ${decoded.encoding}`);
    }
    this.emitSafely('scan', reading);
  }

  private emitProblem(code: string, detail: string): void {
    this.emitSafely('problem', new ScannerGunError(code, detail));
  }

  private setStatus(next: { state: DeviceState; problem?: string; detail?: string }): void {
    const same = next.state === this.current.state && next.problem === this.current.problem;
    this.current = next;
    if (!same) this.emitSafely('status', this.status());
  }

  private emitSafely<K extends keyof ScannerGunEvents>(event: K, ...args: ScannerGunEvents[K]): void {
    try {
      (this.emit as (e: K, ...a: ScannerGunEvents[K]) => boolean)(event, ...args);
    } catch (error) {
      this.logger.error('listener threw', { event, error: String(error) });
    }
  }
}
