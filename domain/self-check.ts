/**
 * The extension terminal's self-check (设备自检): every part a resident needs
 * with a verdict and, for a fault, a code whose words (messages in
 * main/kiosk/messages.ts) say in plain language what is wrong and what to do.
 * Nobody at an extension point is IT staff; the same report goes to the
 * centre.
 */
import type { DeviceStatus } from './device';
import type { StorageStatus } from './storage';
import type { TerminalLocation } from './terminal-location';

export const SELF_CHECK_COMPONENTS = ['id-card-reader', 'printer', 'scanner-gun', 'camera', 'microphone', 'centre-network', 'disk'] as const;
export type SelfCheckComponent = (typeof SELF_CHECK_COMPONENTS)[number];

export const SELF_CHECK_PROBLEMS = [
  'self-check-reader-missing',
  'self-check-reader-unplugged',
  'self-check-reader-faulty',
  'self-check-printer-missing',
  'self-check-printer-unreachable',
  'self-check-printer-stopped',
  'self-check-scanner-gun-missing',
  'self-check-scanner-gun-unplugged',
  'self-check-camera-missing',
  'self-check-microphone-missing',
  'self-check-media-unchecked',
  'self-check-centre-unreachable',
  'self-check-centre-refused',
  'self-check-disk-low',
  'self-check-disk-full',
] as const;
export type SelfCheckProblem = (typeof SELF_CHECK_PROBLEMS)[number];

export interface SelfCheckItem {
  component: SelfCheckComponent;
  ok: boolean;
  problem?: SelfCheckProblem;
  /** For the field engineer: the driver's code and detail, a printer's name. */
  detail?: string;
}

export interface SelfCheckReport {
  at: string;
  ok: boolean;
  items: SelfCheckItem[];
  /** Door-to-door pad mode: where the terminal is (browser geolocation or the configured address). */
  location?: TerminalLocation;
}

/** What the renderer found for camera and microphone (only it can see them). */
export type MediaPresence = 'present' | 'missing';
export interface MediaCheck {
  camera: MediaPresence;
  microphone: MediaPresence;
}

function item(component: SelfCheckComponent, problem?: SelfCheckProblem, detail?: string): SelfCheckItem {
  return { component, ok: problem === undefined, ...(problem ? { problem } : {}), ...(detail ? { detail } : {}) };
}

function detailOf(status: DeviceStatus): string | undefined {
  return [status.problem, status.detail].filter(Boolean).join(': ') || undefined;
}

export function readerItem(status: DeviceStatus | undefined): SelfCheckItem {
  if (!status || status.state === 'absent') return item('id-card-reader', 'self-check-reader-missing', status && detailOf(status));
  if (status.state === 'disconnected') return item('id-card-reader', 'self-check-reader-unplugged', detailOf(status));
  if (status.state === 'error' || status.state === 'busy') return item('id-card-reader', 'self-check-reader-faulty', detailOf(status));
  return item('id-card-reader');
}

export function scannerGunItem(status: DeviceStatus | undefined): SelfCheckItem {
  if (!status || status.state === 'absent') return item('scanner-gun', 'self-check-scanner-gun-missing', status && detailOf(status));
  if (status.state !== 'ready') return item('scanner-gun', 'self-check-scanner-gun-unplugged', detailOf(status));
  return item('scanner-gun');
}

/** The printer that serves residents; with several, the first ready one counts. */
export function printerItem(statuses: DeviceStatus[]): SelfCheckItem {
  if (statuses.length === 0) return item('printer', 'self-check-printer-missing');
  const ready = statuses.find((status) => status.state === 'ready' || status.state === 'busy');
  if (ready) return item('printer', undefined, ready.address);
  const stopped = statuses.find((status) => status.state === 'error');
  if (stopped) return item('printer', 'self-check-printer-stopped', detailOf(stopped));
  const first = statuses[0]!;
  return item('printer', first.state === 'absent' && first.problem === 'printer-unknown' ? 'self-check-printer-missing' : 'self-check-printer-unreachable', detailOf(first));
}

export function mediaItems(media: MediaCheck | undefined): SelfCheckItem[] {
  if (!media) return [item('camera', 'self-check-media-unchecked'), item('microphone', 'self-check-media-unchecked')];
  return [item('camera', media.camera === 'present' ? undefined : 'self-check-camera-missing'), item('microphone', media.microphone === 'present' ? undefined : 'self-check-microphone-missing')];
}

export function centreItem(channel: { state: string; problem?: string }): SelfCheckItem {
  if (channel.state === 'connected') return item('centre-network');
  if (channel.state === 'refused') return item('centre-network', 'self-check-centre-refused', channel.problem);
  return item('centre-network', 'self-check-centre-unreachable', channel.problem);
}

export function diskItem(storage: StorageStatus | undefined): SelfCheckItem {
  if (!storage) return item('disk', 'self-check-disk-full', 'not measured');
  const detail = `${Math.round(storage.freeBytes / 1024 / 1024)} MiB free`;
  if (storage.level === 'critical') return item('disk', 'self-check-disk-full', detail);
  if (storage.level === 'low') return item('disk', 'self-check-disk-low', detail);
  return item('disk', undefined, detail);
}

export function selfCheckReport(items: SelfCheckItem[], at: Date, location?: SelfCheckReport['location']): SelfCheckReport {
  const ordered = SELF_CHECK_COMPONENTS.map((component) => items.find((candidate) => candidate.component === component)).filter((entry): entry is SelfCheckItem => entry !== undefined);
  return { at: at.toISOString(), ok: ordered.every((entry) => entry.ok), items: ordered, ...(location ? { location } : {}) };
}

/** Two reports say the same thing when the same parts fail for the same reasons (the time and details aside). */
export function sameVerdict(a: SelfCheckReport | undefined, b: SelfCheckReport): boolean {
  if (!a) return false;
  // Where a door-to-door pad is counts when its source changes (a first fix, the fix lost), not with every metre moved.
  const key = (report: SelfCheckReport) => [...report.items.map((entry) => `${entry.component}:${entry.problem ?? 'ok'}`), `location:${report.location?.source ?? 'none'}`].join(',');
  return key(a) === key(b);
}
