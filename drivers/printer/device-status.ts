/**
 * A printer as the device registry and the start-up self-check report it
 * (domain DeviceStatus), from what listPrinters found.
 */
import type { DeviceStatus } from '../../domain/device';
import type { PrinterInfo } from './types';

/** Reasons a printer reports (RFC 8011 printer-state-reasons) that stop printing until someone acts. */
const BLOCKING_REASONS = /^(media-empty|media-jam|media-needed|toner-empty|marker-supply-empty|door-open|cover-open|input-tray-missing|output-area-full|paused|offline)/;

export function printerDeviceStatus(info: PrinterInfo | undefined, configured: { id: string; address?: string }): DeviceStatus {
  const status: DeviceStatus = { id: configured.id, kind: 'printer', state: 'ready' };
  const address = info?.uri ?? info?.queue ?? configured.address;
  if (address) status.address = address;
  if (!info) return { ...status, state: 'absent', problem: 'printer-unknown' };
  if (info.problem) {
    const state = info.problem === 'printer-unknown' || info.problem === 'cups-not-installed' ? 'absent' : 'disconnected';
    return { ...status, state, problem: info.problem, ...(info.detail ? { detail: info.detail } : {}) };
  }
  const blocking = (info.stateReasons ?? []).filter((reason) => BLOCKING_REASONS.test(reason));
  if (info.state === 'stopped' || info.acceptingJobs === false || blocking.length > 0) {
    return { ...status, state: 'error', problem: 'printer-not-accepting-jobs', detail: [info.state, ...(info.stateReasons ?? [])].join(', ') };
  }
  if (info.state === 'processing') return { ...status, state: 'busy' };
  return status;
}
