import { describe, expect, it } from 'vitest';
import { printerDeviceStatus } from './device-status';

describe('printer health for the self-check', () => {
  const printer = { id: 'desk', name: 'Desk', source: 'ipp' as const, uri: 'ipp://10.0.0.8/ipp/print' };

  it('is ready when idle, busy while printing, and an error when out of paper or not accepting jobs', () => {
    expect(printerDeviceStatus({ ...printer, state: 'idle', stateReasons: ['none'] }, { id: 'desk' })).toEqual({ id: 'desk', kind: 'printer', state: 'ready', address: printer.uri });
    expect(printerDeviceStatus({ ...printer, state: 'processing' }, { id: 'desk' }).state).toBe('busy');
    expect(printerDeviceStatus({ ...printer, state: 'idle', stateReasons: ['media-empty-error'] }, { id: 'desk' })).toMatchObject({ state: 'error', problem: 'printer-not-accepting-jobs' });
    expect(printerDeviceStatus({ ...printer, state: 'idle', acceptingJobs: false }, { id: 'desk' }).state).toBe('error');
  });

  it('is disconnected when offline and absent when unknown or not configured', () => {
    expect(printerDeviceStatus({ ...printer, state: 'offline', problem: 'printer-offline', detail: 'ECONNREFUSED' }, { id: 'desk' })).toMatchObject({ state: 'disconnected', problem: 'printer-offline', detail: 'ECONNREFUSED' });
    expect(printerDeviceStatus(undefined, { id: 'desk', address: 'cups:Desk' })).toEqual({ id: 'desk', kind: 'printer', state: 'absent', problem: 'printer-unknown', address: 'cups:Desk' });
  });
});
