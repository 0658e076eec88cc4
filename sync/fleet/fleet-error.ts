/**
 * Coded refusals of the fleet machinery (releases, slots, configuration
 * push). Every refusal is reported to the backend with its code, and the
 * officer or admin reads the text in messages.ts.
 */
import { CodedError } from '../../domain/coded-error';

export const FLEET_ERROR_CODES = [
  'release-malformed',
  'release-key-unknown',
  'release-signature-invalid',
  'release-not-newer',
  'release-channel-mismatch',
  'release-needs-newer-shell',
  'release-previously-failed',
  'payload-size-mismatch',
  'payload-sm3-mismatch',
  'payload-file-mismatch',
  'payload-file-missing',
  'payload-file-unexpected',
  'payload-archive-invalid',
  'payload-download-failed',
  'shell-update-unsigned',
  'shell-update-mismatch',
  'slot-state-invalid',
  'slot-nothing-staged',
  'slot-not-trying',
  'health-gate-failed',
  'crash-loop',
  'configuration-invalid',
  'configuration-unappliable',
] as const;

export type FleetErrorCode = (typeof FLEET_ERROR_CODES)[number];

export class FleetError extends CodedError<FleetErrorCode> {
  constructor(code: FleetErrorCode, detail: string, params?: Record<string, string | number>) {
    super(code, detail, params);
    this.name = 'FleetError';
  }
}

export function isFleetError(error: unknown, code?: FleetErrorCode): error is FleetError {
  return error instanceof FleetError && (code === undefined || error.code === code);
}
