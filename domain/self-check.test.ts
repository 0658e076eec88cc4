import { describe, expect, it } from 'vitest';
import { centreItem, diskItem, mediaItems, printerItem, readerItem, sameVerdict, scannerGunItem, selfCheckReport } from './self-check';

const at = new Date('2026-03-01T08:00:00Z');

describe('self-check verdicts', () => {
  it('tells a missing reader from an unplugged or failing one', () => {
    expect(readerItem(undefined).problem).toBe('self-check-reader-missing');
    expect(readerItem({ id: 'r', kind: 'id-card-reader', state: 'disconnected', problem: 'id-card-reader-unplugged' })).toMatchObject({ ok: false, problem: 'self-check-reader-unplugged', detail: 'id-card-reader-unplugged' });
    expect(readerItem({ id: 'r', kind: 'id-card-reader', state: 'error' }).problem).toBe('self-check-reader-faulty');
    expect(readerItem({ id: 'r', kind: 'id-card-reader', state: 'ready' })).toEqual({ component: 'id-card-reader', ok: true });
  });

  it('counts a printer ready when any configured printer is, and tells stopped from unreachable', () => {
    expect(printerItem([]).problem).toBe('self-check-printer-missing');
    expect(printerItem([{ id: 'p', kind: 'printer', state: 'disconnected', problem: 'printer-offline' }]).problem).toBe('self-check-printer-unreachable');
    expect(printerItem([{ id: 'p', kind: 'printer', state: 'error', problem: 'printer-not-accepting-jobs', detail: 'stopped, media-empty' }]).problem).toBe('self-check-printer-stopped');
    expect(printerItem([{ id: 'p', kind: 'printer', state: 'disconnected' }, { id: 'q', kind: 'printer', state: 'ready' }]).ok).toBe(true);
  });

  it('covers scanner gun, camera, microphone, the centre link and the disk', () => {
    expect(scannerGunItem({ id: 's', kind: 'scanner-gun', state: 'absent' }).problem).toBe('self-check-scanner-gun-missing');
    expect(mediaItems(undefined).map((item) => item.problem)).toEqual(['self-check-media-unchecked', 'self-check-media-unchecked']);
    expect(mediaItems({ camera: 'missing', microphone: 'present' }).map((item) => item.problem ?? 'ok')).toEqual(['self-check-camera-missing', 'ok']);
    expect(centreItem({ state: 'refused', problem: 'signature-invalid' }).problem).toBe('self-check-centre-refused');
    expect(centreItem({ state: 'disconnected' }).problem).toBe('self-check-centre-unreachable');
    expect(diskItem({ freeBytes: 10, totalBytes: 100_000_000_000, level: 'critical' }).problem).toBe('self-check-disk-full');
  });

  it('orders a report by component, is ok only when every part is, and compares verdicts without times', () => {
    const items = [centreItem({ state: 'connected' }), readerItem({ id: 'r', kind: 'id-card-reader', state: 'ready' })];
    const report = selfCheckReport(items, at);
    expect(report.items.map((item) => item.component)).toEqual(['id-card-reader', 'centre-network']);
    expect(report.ok).toBe(true);
    const broken = selfCheckReport([...items, printerItem([])], at);
    expect(broken.ok).toBe(false);
    expect(sameVerdict(report, selfCheckReport(items, new Date()))).toBe(true);
    expect(sameVerdict(report, broken)).toBe(false);
    expect(sameVerdict(undefined, report)).toBe(false);
  });
});
