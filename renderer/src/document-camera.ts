/**
 * Tells the services what this screen finds about the document camera (only
 * the renderer can see cameras): at start, whenever devices change, and when
 * opening it for a photo fails or works. The status bar shows it from there.
 */
import { terminal } from './terminal';

type Finding = { state: 'ready' | 'absent' | 'busy' | 'error'; problem?: 'document-camera-not-found' | 'document-camera-denied' | 'document-camera-busy'; label?: string };

export function reportDocumentCamera(finding: Finding): void {
  void terminal.documentCamera.report(finding).catch(() => undefined);
}

/** The finding for a failed getUserMedia. */
export function cameraFailure(name: string): Finding {
  if (name === 'NotAllowedError' || name === 'SecurityError') return { state: 'error', problem: 'document-camera-denied' };
  if (name === 'NotReadableError' || name === 'AbortError') return { state: 'busy', problem: 'document-camera-busy' };
  return { state: 'absent', problem: 'document-camera-not-found' };
}

async function check(): Promise<void> {
  if (!navigator.mediaDevices?.enumerateDevices) return reportDocumentCamera({ state: 'absent', problem: 'document-camera-not-found' });
  const cameras = (await navigator.mediaDevices.enumerateDevices()).filter((device) => device.kind === 'videoinput');
  const first = cameras[0];
  reportDocumentCamera(first ? { state: 'ready', ...(first.label ? { label: first.label.slice(0, 200) } : {}) } : { state: 'absent', problem: 'document-camera-not-found' });
}

export function watchDocumentCamera(): void {
  void check().catch(() => undefined);
  navigator.mediaDevices?.addEventListener?.('devicechange', () => void check().catch(() => undefined));
}
