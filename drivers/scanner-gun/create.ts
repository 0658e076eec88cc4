/**
 * One entry point for the device registry: a scanner gun's configuration in,
 * the right driver out. Keyboard-wedge scanners have no driver here: they
 * type into the renderer, which classifies bursts with domain/keyboard-wedge.
 */
import type { EventEmitter } from 'node:events';
import type { DeviceStatus } from '../../domain/device';
import type { Logger } from '../../domain/logger';
import type { ScanPayloadRules } from '../../domain/scan-payload';
import { SerialScannerGunDriver, type ScannerGunEvents } from './driver';
import { HidPosScannerGunDriver } from './hid-pos-driver';
import type { LineSuffix, ScanTextEncoding } from './line-codec';

export type ScannerGunConfig =
  | { mode: 'serial'; path: string; baudRate?: number; suffix?: LineSuffix; encoding?: ScanTextEncoding }
  | { mode: 'hid-pos'; path?: string; vendorId?: number; productId?: number; encoding?: ScanTextEncoding };

export interface ScannerGunDriver extends EventEmitter<ScannerGunEvents> {
  start(): Promise<void>;
  stop(): Promise<void>;
  status(): DeviceStatus;
  setPayloadRules(rules: ScanPayloadRules): void;
}

export function createScannerGunDriver(id: string, config: ScannerGunConfig, deps: { logger?: Logger; payloadRules?: ScanPayloadRules } = {}): ScannerGunDriver {
  if (config.mode === 'hid-pos') {
    const match: { path?: string; vendorId?: number; productId?: number } = {};
    if (config.path) match.path = config.path;
    if (config.vendorId !== undefined) match.vendorId = config.vendorId;
    if (config.productId !== undefined) match.productId = config.productId;
    return new HidPosScannerGunDriver({ id, match, ...(config.encoding ? { encoding: config.encoding } : {}), ...deps });
  }
  return new SerialScannerGunDriver({ id, ...config, ...deps });
}
