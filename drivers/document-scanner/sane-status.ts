/**
 * What `scanimage` says, in our terms: the arguments for a scan, and the
 * error for its exit status and message. scanimage exits with the SANE
 * status of the failed call (SANE_Status: 3 busy, 6 jammed, 7 no documents,
 * 8 cover open, 9 I/O error, 11 access denied).
 */
import type { DocumentScannerErrorCode } from './errors';

export type ScanMode = 'Color' | 'Gray';
export type ScanSource = 'flatbed' | 'feeder';

export interface ScanSettings {
  /** SANE device name, e.g. `fujitsu:fi-7160:12345` or `test`. */
  device: string;
  resolutionDpi: number;
  mode: ScanMode;
  source: ScanSource;
  /** The device's own name for the source (its feeder or duplex feeder, as `scanimage -A` lists it); wins over `source`. */
  sourceName?: string;
  /** Scan area in millimetres from the top-left corner (A4 by default). */
  widthMm: number;
  heightMm: number;
}

export function scanArguments(settings: ScanSettings): string[] {
  return [
    '--device-name', settings.device,
    '--format=jpeg',
    '--resolution', String(settings.resolutionDpi),
    '--mode', settings.mode,
    ...(settings.sourceName ? ['--source', settings.sourceName] : settings.source === 'feeder' ? ['--source', 'Automatic Document Feeder'] : []),
    '-x', String(settings.widthMm),
    '-y', String(settings.heightMm),
  ];
}

const BY_STATUS: Record<number, DocumentScannerErrorCode> = {
  3: 'document-scanner-busy',
  6: 'document-scanner-jammed',
  7: 'document-scanner-no-paper',
  8: 'document-scanner-cover-open',
  11: 'document-scanner-access-denied',
};

/** The error for a failed run; the message wins over the status where it is more specific. */
export function scanimageErrorCode(exitCode: number | null, stderr: string): DocumentScannerErrorCode {
  if (/open of device .* failed|no SANE devices found/i.test(stderr)) return 'document-scanner-not-found';
  if (/device busy/i.test(stderr)) return 'document-scanner-busy';
  if (/jammed/i.test(stderr)) return 'document-scanner-jammed';
  if (/out of documents|no documents/i.test(stderr)) return 'document-scanner-no-paper';
  if (/cover is open/i.test(stderr)) return 'document-scanner-cover-open';
  if (/access (to resource has been )?denied/i.test(stderr)) return 'document-scanner-access-denied';
  return (exitCode !== null && BY_STATUS[exitCode]) || 'document-scanner-failed';
}

/** The sources a device offers, from `scanimage -A` (`--source Flatbed|ADF Front|ADF Duplex [Flatbed]`). */
export function sourcesFromOptions(options: string): string[] {
  const match = /^\s*--source\s+(.+?)\s+\[[^\]]*\]\s*$/m.exec(options);
  return match ? match[1]!.split('|').map((name) => name.trim()).filter(Boolean) : [];
}

/**
 * The feeder source for one side or both. Backends name them differently
 * (`Automatic Document Feeder`, `ADF`, `ADF Front`, `ADF Duplex`, `Duplex`);
 * the duplex one says so, the one-sided one does not and is not the back.
 */
export function feederSource(sources: readonly string[], sides: 'simplex' | 'duplex'): string | undefined {
  if (sides === 'duplex') return sources.find((name) => /duplex/i.test(name));
  return sources.find((name) => /feeder|\badf\b/i.test(name) && !/duplex|back/i.test(name));
}
