/**
 * The document camera as the status bar shows it. Only the renderer can see
 * cameras (getUserMedia runs there), so it reports what it finds (at start,
 * when devices change, and when a photo fails); the services keep the last
 * report as the camera's device status and announce changes like any device.
 */
import type { DeviceState, DeviceStatus } from '../../domain/device';

export class DocumentCameraStatus {
  #status: DeviceStatus | undefined;

  constructor(private readonly changed: (status: DeviceStatus) => void) {}

  /** Nothing until the renderer has said: a terminal without a screen open has no camera to show. */
  list(): DeviceStatus[] {
    return this.#status ? [this.#status] : [];
  }

  report(state: DeviceState, problem: string | undefined, label: string | undefined): DeviceStatus {
    const next: DeviceStatus = { id: 'document-camera', kind: 'document-camera', state, ...(problem ? { problem } : {}), ...(label ? { address: label } : {}) };
    const before = this.#status;
    this.#status = next;
    if (!before || before.state !== next.state || before.problem !== next.problem) this.changed(next);
    return next;
  }
}
