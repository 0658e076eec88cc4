import { describe, expect, it } from 'vitest';
import type { DeviceStatus } from '../../domain/device';
import { DocumentCameraStatus } from './document-camera-status';

describe('document camera status from the renderer', () => {
  it('is not listed until reported, then listed and announced on each change of state or problem', () => {
    const announced: DeviceStatus[] = [];
    const camera = new DocumentCameraStatus((status) => announced.push(status));
    expect(camera.list()).toEqual([]);
    camera.report('ready', undefined, 'Fake camera');
    camera.report('ready', undefined, 'Fake camera');
    camera.report('busy', 'document-camera-busy', undefined);
    expect(camera.list()).toEqual([{ id: 'document-camera', kind: 'document-camera', state: 'busy', problem: 'document-camera-busy' }]);
    expect(announced.map((status) => [status.state, status.problem])).toEqual([
      ['ready', undefined],
      ['busy', 'document-camera-busy'],
    ]);
  });
});
