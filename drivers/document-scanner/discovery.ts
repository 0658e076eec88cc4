/**
 * The document scanners SANE can reach, from `scanimage -L`: USB ones
 * through their vendors' backends, and network scanners speaking eSCL
 * (AirScan) or WSD through the `airscan` backend (Debian sane-airscan) or
 * `escl`, listed side by side with how each is connected.
 */
import { runScanimage } from './scanimage';

export type ScannerConnection = 'usb' | 'network' | 'virtual' | 'other';

export interface FoundScanner {
  /** The SANE device name to configure (`documentScanner.device`). */
  device: string;
  /** What the backend says it is (vendor, model, type). */
  description: string;
  /** The SANE backend (the part of the name before the first colon). */
  backend: string;
  connection: ScannerConnection;
}

const NETWORK_BACKENDS = new Set(['airscan', 'escl']);

function connectionOf(device: string, backend: string): ScannerConnection {
  if (NETWORK_BACKENDS.has(backend)) return 'network';
  if (backend === 'test') return 'virtual';
  if (/:net:|\/net\/|\bhttps?:\/\/|:\d{1,3}(\.\d{1,3}){3}\b/i.test(device)) return 'network';
  if (/libusb|\/usb\/|:usb:|usb/i.test(device)) return 'usb';
  // Most vendor backends (fujitsu, canon_dr, avision, …) name USB devices by model and serial only.
  return 'other';
}

/** The lines `scanimage -L` prints: device `NAME' is a DESCRIPTION. */
export function parseScannerList(output: string): FoundScanner[] {
  const found: FoundScanner[] = [];
  for (const line of output.split('\n')) {
    const match = /^device [`'‘]([^'’]+)['’] is an? (.*)$/.exec(line.trim());
    if (!match) continue;
    const device = match[1]!;
    const backend = device.split(':')[0]!;
    found.push({ device, description: match[2]!.trim(), backend, connection: connectionOf(device, backend) });
  }
  return found;
}

export interface ListOptions {
  binary?: string;
  env?: NodeJS.ProcessEnv;
  /** Network discovery (mDNS, WS-Discovery) takes a few seconds. */
  timeoutMs?: number;
}

/** Every scanner SANE reaches now; none when scanimage is missing or finds nothing. */
export async function listDocumentScanners(options: ListOptions = {}): Promise<FoundScanner[]> {
  const run = await runScanimage(['-L'], {
    timeoutMs: options.timeoutMs ?? 20_000,
    maxBytes: 1024 * 1024,
    ...(options.binary ? { binary: options.binary } : {}),
    ...(options.env ? { env: options.env } : {}),
  });
  return parseScannerList(run.stdout.toString('utf8'));
}
