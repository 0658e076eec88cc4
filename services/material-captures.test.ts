import { describe, expect, it } from 'vitest';
import { MaterialCaptures } from './material-captures';

const MiB = 1024 * 1024;
const jpeg = (size: number) => ({ data: new Uint8Array(size), mimeType: 'image/jpeg' });

describe('material captures held until the case is saved', () => {
  it('gives back what was captured, in order, and refuses an id it no longer holds', () => {
    const captures = new MaterialCaptures();
    const a = captures.add(jpeg(10));
    const b = captures.add(jpeg(20));
    expect(captures.get([b, a]).map((capture) => capture.data.length)).toEqual([20, 10]);
    captures.discard([a]);
    expect(() => captures.get([a, b])).toThrow(expect.objectContaining({ code: 'capture-not-found', params: { captureId: a } }));
  });

  it('lets the oldest go past 200 MB in all or 4 hours of age', () => {
    let now = 0;
    const captures = new MaterialCaptures(() => now);
    const old = captures.add(jpeg(1));
    now = 4 * 3600_000 + 1;
    const first = captures.add(jpeg(150 * MiB));
    expect(() => captures.get([old])).toThrow(expect.objectContaining({ code: 'capture-not-found' }));
    const second = captures.add(jpeg(60 * MiB));
    expect(() => captures.get([first])).toThrow(expect.objectContaining({ code: 'capture-not-found' }));
    expect(captures.get([second])).toHaveLength(1);
  });
});
