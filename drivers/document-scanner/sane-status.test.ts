import { describe, expect, it } from 'vitest';
import { scanArguments, scanimageErrorCode } from './sane-status';

describe('scanimage in our terms', () => {
  it('asks for a JPEG of the whole A4 area, from the feeder only when told', () => {
    const flatbed = scanArguments({ device: 'fujitsu:fi-7160:1', resolutionDpi: 200, mode: 'Gray', source: 'flatbed', widthMm: 210, heightMm: 297 });
    expect(flatbed).toEqual(['--device-name', 'fujitsu:fi-7160:1', '--format=jpeg', '--resolution', '200', '--mode', 'Gray', '-x', '210', '-y', '297']);
    expect(scanArguments({ device: 'd', resolutionDpi: 150, mode: 'Color', source: 'feeder', widthMm: 210, heightMm: 297 })).toContain('Automatic Document Feeder');
  });

  it('names each failure by its message, else by its SANE status', () => {
    expect(scanimageErrorCode(1, 'scanimage: open of device test:9 failed: Invalid argument')).toBe('document-scanner-not-found');
    expect(scanimageErrorCode(6, 'scanimage: sane_read: Document feeder jammed')).toBe('document-scanner-jammed');
    expect(scanimageErrorCode(7, '')).toBe('document-scanner-no-paper');
    expect(scanimageErrorCode(8, 'scanimage: sane_read: Scanner cover is open')).toBe('document-scanner-cover-open');
    expect(scanimageErrorCode(3, 'scanimage: sane_start: Device busy')).toBe('document-scanner-busy');
    expect(scanimageErrorCode(11, '')).toBe('document-scanner-access-denied');
    expect(scanimageErrorCode(9, 'scanimage: sane_read: Error during device I/O')).toBe('document-scanner-failed');
    expect(scanimageErrorCode(null, '')).toBe('document-scanner-failed');
  });
});

describe('feeder sources by their device names', () => {
  it('reads the source list from scanimage -A and picks the feeder for one side or both', async () => {
    const { feederSource, sourcesFromOptions } = await import('./sane-status');
    expect(sourcesFromOptions('  Scan Mode:\n    --source Flatbed|Automatic Document Feeder [Flatbed]\n        If Automatic …\n')).toEqual(['Flatbed', 'Automatic Document Feeder']);
    expect(sourcesFromOptions('    --mode Gray|Color [Gray]\n')).toEqual([]);
    const fujitsu = ['ADF Front', 'ADF Back', 'ADF Duplex'];
    expect(feederSource(fujitsu, 'simplex')).toBe('ADF Front');
    expect(feederSource(fujitsu, 'duplex')).toBe('ADF Duplex');
    const airscan = ['Flatbed', 'ADF', 'ADF Duplex'];
    expect(feederSource(airscan, 'simplex')).toBe('ADF');
    expect(feederSource(['Flatbed', 'Automatic Document Feeder'], 'duplex')).toBeUndefined();
    expect(feederSource(['Flatbed'], 'simplex')).toBeUndefined();
  });
});
