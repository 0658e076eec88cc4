/** Health of one peripheral as the device registry reports it. */
export const DEVICE_KINDS = ['id-card-reader', 'scanner-gun', 'passport-reader', 'signature-pad', 'printer', 'document-scanner', 'document-camera', 'social-security-card-reader'] as const;
export type DeviceKind = (typeof DEVICE_KINDS)[number];

/**
 * ready: usable now. absent: not configured or not found. disconnected: was
 * there and went away (unplugged); the driver keeps trying. busy: the port is
 * held by another program. error: present but failing.
 */
export const DEVICE_STATES = ['ready', 'absent', 'disconnected', 'busy', 'error'] as const;
export type DeviceState = (typeof DEVICE_STATES)[number];

export interface DeviceStatus {
  id: string;
  kind: DeviceKind;
  state: DeviceState;
  /** Port path, printer URI or similar, for the field engineer. */
  address?: string;
  /** Error code from the contract's catalogue, translated by the renderer. */
  problem?: string;
  /** Raw detail for the log and the diagnostics screen. */
  detail?: string;
}
