/**
 * The signature-pad driver: finds a Wacom STU pad, reads its capability,
 * shows what is being signed on its screen, captures the pen as a point
 * series and reports its health. Reconnects by itself after an unplug.
 * Every failure is a SignaturePadError; nothing else escapes.
 */
import { EventEmitter } from 'node:events';
import type { DeviceState, DeviceStatus } from '../../domain/device';
import { silentLogger, type Logger } from '../../domain/logger';
import { hasInk, type Signature, type SignaturePoint } from '../../domain/signature';
import { CaptureAssembler } from './capture';
import {
  FEATURE_LENGTH,
  PEN_DATA_OPTION_MODE,
  REPORT,
  STATUS_CODES,
  clearScreen,
  decodeCapability,
  decodeInformation,
  decodeInputReport,
  decodeStatus,
  endImageData,
  flattenMonochrome,
  imageDataBlocks,
  setInkingMode,
  setPenDataOptionMode,
  startImageData,
  type Capability,
  type GrayImage,
} from './codec';
import { SignaturePadError, isSignaturePadError, type SignaturePadErrorCode } from './errors';
import { NodeHidPadTransportFactory, type PadDeviceInfo, type PadTransport, type PadTransportFactory } from './transport';

export interface SignaturePadDriverOptions {
  id: string;
  factory?: PadTransportFactory;
  logger?: Logger;
  /** How often to look for a pad while none is connected (default 2 s). */
  reconnectIntervalMs?: number;
  /** Budget for one feature-report exchange (default 2 s). */
  featureTimeoutMs?: number;
  /** Host clock in ms, for pads without timed reports. */
  clock?: () => number;
}

export interface PadIdentity {
  model: string;
  firmware: string;
  vendorId: number;
  productId: number;
  serialNumber?: string;
  capability: Capability;
}

export interface PadCapture {
  signature: Signature;
  device: PadIdentity;
  /** Pen reports received, including hover. */
  sampleCount: number;
  /** Reports the pad numbered but that never arrived (timed mode only). */
  droppedReports: number;
  /** Whether t comes from the pad's 1 ms counter (else from the host clock). */
  padTimed: boolean;
}

export interface CaptureOptions {
  /** What is being signed, exactly the pad's screen size (see screenSize()). */
  screen?: GrayImage;
}

interface SignaturePadEvents {
  status: [DeviceStatus];
  /** Each captured point as it arrives, for a live mirror on the officer's screen. */
  point: [SignaturePoint];
}

interface ActiveCapture {
  assembler: CaptureAssembler;
  padTimed: boolean;
  failure?: SignaturePadError;
}

const READY_POLLS = 50;

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export class SignaturePadDriver extends EventEmitter<SignaturePadEvents> {
  private readonly id: string;
  private readonly factory: PadTransportFactory;
  private readonly logger: Logger;
  private readonly reconnectIntervalMs: number;
  private readonly featureTimeoutMs: number;
  private readonly clock: () => number;
  private transport: PadTransport | undefined;
  private identity: PadIdentity | undefined;
  private device: PadDeviceInfo | undefined;
  private state: DeviceState = 'absent';
  private problem: SignaturePadErrorCode | undefined = 'signature-pad-not-found';
  private detail: string | undefined;
  private capture: ActiveCapture | undefined;
  private reconnectTimer: NodeJS.Timeout | undefined;
  private running = false;
  private connecting: Promise<void> | undefined;

  constructor(options: SignaturePadDriverOptions) {
    super();
    this.id = options.id;
    this.factory = options.factory ?? new NodeHidPadTransportFactory();
    this.logger = options.logger ?? silentLogger;
    this.reconnectIntervalMs = options.reconnectIntervalMs ?? 2000;
    this.featureTimeoutMs = options.featureTimeoutMs ?? 2000;
    this.clock = options.clock ?? (() => performance.now());
  }

  async start(): Promise<void> {
    this.running = true;
    await this.connect();
  }

  async stop(): Promise<void> {
    this.running = false;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    this.reconnectTimer = undefined;
    await this.connecting?.catch(() => undefined);
    this.capture = undefined;
    const transport = this.transport;
    this.transport = undefined;
    await transport?.close().catch(() => undefined);
  }

  status(): DeviceStatus {
    const status: DeviceStatus = { id: this.id, kind: 'signature-pad', state: this.state };
    if (this.device) status.address = this.device.path;
    if (this.problem) status.problem = this.problem;
    if (this.detail) status.detail = this.detail;
    return status;
  }

  /** The pad's screen in pixels, once connected; undefined for pads without a screen. */
  screenSize(): { width: number; height: number } | undefined {
    const capability = this.identity?.capability;
    if (!capability || capability.screenWidth === 0 || capability.screenHeight === 0) return undefined;
    return { width: capability.screenWidth, height: capability.screenHeight };
  }

  padIdentity(): PadIdentity | undefined {
    return this.identity;
  }

  // ------------------------------------------------------------ connection

  private connect(): Promise<void> {
    this.connecting ??= this.tryConnect().finally(() => {
      this.connecting = undefined;
    });
    return this.connecting;
  }

  private async tryConnect(): Promise<void> {
    let transport: PadTransport | undefined;
    try {
      const pads = await this.factory.list();
      const pad = pads[0];
      if (!pad) throw new SignaturePadError('signature-pad-not-found', 'no Wacom STU pad (VID 056a, PID 00a1-00af) is connected');
      transport = await this.factory.open(pad);
      const capability = decodeCapability(await this.feature(transport, REPORT.capability, FEATURE_LENGTH.capability));
      const information = decodeInformation(await this.feature(transport, REPORT.information, FEATURE_LENGTH.information));
      const identity: PadIdentity = {
        model: information.modelName || `STU (PID ${pad.productId.toString(16)})`,
        firmware: `${information.firmwareMajor}.${information.firmwareMinor}`,
        vendorId: pad.vendorId,
        productId: pad.productId,
        capability,
      };
      if (pad.serialNumber) identity.serialNumber = pad.serialNumber;
      if (!this.running) {
        await transport.close();
        return;
      }
      this.transport = transport;
      this.device = pad;
      this.identity = identity;
      transport.on('report', (report) => this.onReport(report));
      transport.once('error', (error) => this.onTransportError(transport!, error));
      this.setState('ready', undefined, undefined);
      this.logger.info('signature pad connected', { model: identity.model, firmware: identity.firmware, path: pad.path });
    } catch (error) {
      await transport?.close().catch(() => undefined);
      const padError = this.toPadError(error, 'connecting');
      const state: DeviceState =
        padError.code === 'signature-pad-not-found' ? 'absent' : padError.code === 'signature-pad-busy' ? 'busy' : padError.code === 'signature-pad-unplugged' ? 'disconnected' : 'error';
      this.setState(state, padError.code, padError.detail);
      this.scheduleReconnect();
    }
  }

  private scheduleReconnect(): void {
    if (!this.running || this.reconnectTimer) return;
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = undefined;
      if (this.running && !this.transport) void this.connect();
    }, this.reconnectIntervalMs);
    this.reconnectTimer.unref();
  }

  private onTransportError(transport: PadTransport, error: Error): void {
    if (this.transport !== transport) return;
    this.transport = undefined;
    void transport.close().catch(() => undefined);
    const unplugged = new SignaturePadError('signature-pad-unplugged', `the pad went away: ${error.message}`);
    if (this.capture) this.capture.failure = unplugged;
    this.setState('disconnected', unplugged.code, unplugged.detail);
    this.logger.warn('signature pad disconnected', { detail: error.message });
    this.scheduleReconnect();
  }

  private setState(state: DeviceState, problem: SignaturePadErrorCode | undefined, detail: string | undefined): void {
    const changed = state !== this.state || problem !== this.problem;
    this.state = state;
    this.problem = problem;
    this.detail = detail;
    if (changed) this.emit('status', this.status());
  }

  // ------------------------------------------------------------ feature reports

  private async withTimeout<T>(operation: Promise<T>, what: string): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new SignaturePadError('signature-pad-no-response', `${what}: no answer within ${this.featureTimeoutMs} ms`)), this.featureTimeoutMs);
    });
    try {
      return await Promise.race([operation, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  private feature(transport: PadTransport, reportId: number, length: number): Promise<Uint8Array> {
    return this.withTimeout(transport.getFeatureReport(reportId, length), `reading feature 0x${reportId.toString(16)}`);
  }

  private send(transport: PadTransport, data: Uint8Array): Promise<void> {
    return this.withTimeout(transport.sendFeatureReport(data), `writing feature 0x${data[0]!.toString(16)}`);
  }

  private requireTransport(): PadTransport {
    if (this.transport && this.state === 'ready') return this.transport;
    if (this.state === 'absent') throw new SignaturePadError('signature-pad-not-found', this.detail ?? 'no pad connected');
    if (this.state === 'disconnected') throw new SignaturePadError('signature-pad-unplugged', this.detail ?? 'the pad is disconnected');
    throw new SignaturePadError(this.problem ?? 'signature-pad-not-ready', this.detail ?? `the pad is ${this.state}`);
  }

  private async waitUntilReady(transport: PadTransport): Promise<void> {
    for (let attempt = 0; attempt < READY_POLLS; attempt += 1) {
      const status = decodeStatus(await this.feature(transport, REPORT.status, FEATURE_LENGTH.status));
      if (status.statusCode === STATUS_CODES.ready) return;
      await sleep(20);
    }
    throw new SignaturePadError('signature-pad-no-response', 'the pad stayed busy instead of becoming ready');
  }

  // ------------------------------------------------------------ capture

  /** Shows the document (or a blank screen), enables inking and starts collecting points. */
  async beginCapture(options: CaptureOptions = {}): Promise<void> {
    if (this.capture) throw new SignaturePadError('signature-pad-busy', 'a signature capture is already running');
    const transport = this.requireTransport();
    const capability = this.identity!.capability;
    try {
      await this.send(transport, setInkingMode(false));
      if (options.screen) await this.showImage(transport, options.screen, capability);
      else await this.send(transport, clearScreen());
      let padTimed = true;
      try {
        await this.send(transport, setPenDataOptionMode(PEN_DATA_OPTION_MODE.timeCountSequence));
      } catch (error) {
        // STU-300/500/520 have no timed reports: fall back to plain pen data and host time.
        padTimed = false;
        this.logger.info('pad has no timed pen reports; using host time', { detail: error instanceof Error ? error.message : String(error) });
      }
      this.capture = { assembler: new CaptureAssembler(capability), padTimed };
      await this.send(transport, setInkingMode(true));
    } catch (error) {
      this.capture = undefined;
      throw this.toPadError(error, 'starting the capture');
    }
  }

  private async showImage(transport: PadTransport, screen: GrayImage, capability: Capability): Promise<void> {
    if (screen.width !== capability.screenWidth || screen.height !== capability.screenHeight) {
      throw new SignaturePadError(
        'signature-pad-screen-failed',
        `image is ${screen.width}x${screen.height}, the pad screen is ${capability.screenWidth}x${capability.screenHeight}`,
      );
    }
    const data = flattenMonochrome(screen);
    try {
      await this.waitUntilReady(transport);
      await this.send(transport, startImageData());
      for (const block of imageDataBlocks(data)) await this.send(transport, block);
      await this.send(transport, endImageData(true));
    } catch (error) {
      await this.send(transport, endImageData(false)).catch(() => undefined);
      const cause = this.toPadError(error, 'uploading the screen image');
      if (cause.code === 'signature-pad-unplugged') throw cause;
      throw new SignaturePadError('signature-pad-screen-failed', cause.detail);
    }
  }

  private onReport(report: Uint8Array): void {
    const decoded = decodeInputReport(report);
    if (decoded.kind === 'malformed') {
      this.logger.warn('malformed pad report', { detail: decoded.detail });
      return;
    }
    if (decoded.kind !== 'pen' || !this.capture || this.capture.failure) return;
    const point = this.capture.assembler.push(decoded.sample, this.clock());
    if (point) this.emit('point', point);
  }

  /** Stops capturing, clears the pad's screen and returns the signature. */
  async endCapture(): Promise<PadCapture> {
    const capture = this.capture;
    if (!capture) throw new SignaturePadError('signature-pad-capture-not-started', 'no signature capture is running');
    this.capture = undefined;
    if (capture.failure) throw capture.failure;
    const transport = this.transport;
    if (transport) {
      await this.send(transport, setInkingMode(false)).catch(() => undefined);
      await this.send(transport, clearScreen()).catch(() => undefined);
    }
    const points = capture.assembler.result();
    if (!hasInk(points)) throw new SignaturePadError('signature-pad-no-signature', `no pen-down point among ${capture.assembler.samples} samples`);
    const capability = this.identity!.capability;
    return {
      signature: { points, aspectRatio: capability.maxX / capability.maxY },
      device: this.identity!,
      sampleCount: capture.assembler.samples,
      droppedReports: capture.assembler.dropped,
      padTimed: capture.padTimed,
    };
  }

  /** Abandons a capture (the signer wants to start again, or the officer cancelled). */
  async cancelCapture(): Promise<void> {
    if (!this.capture) return;
    this.capture = undefined;
    const transport = this.transport;
    if (transport) {
      await this.send(transport, setInkingMode(false)).catch(() => undefined);
      await this.send(transport, clearScreen()).catch(() => undefined);
    }
  }

  private toPadError(error: unknown, during: string): SignaturePadError {
    if (isSignaturePadError(error)) return error;
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof Error && error.name === 'PadCodecError') return new SignaturePadError('signature-pad-protocol', `${during}: ${message}`);
    if (!this.transport) return new SignaturePadError('signature-pad-unplugged', `${during}: ${message}`);
    return new SignaturePadError('signature-pad-protocol', `${during}: ${message}`);
  }
}
