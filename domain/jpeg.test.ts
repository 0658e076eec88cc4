import { describe, expect, it } from 'vitest';
import { isCompleteJpeg } from './jpeg';

describe('JPEG', () => {
  it('keeps only a JPEG that starts and ends as one', () => {
    expect(isCompleteJpeg(new Uint8Array([0xff, 0xd8, 0x00, 0xff, 0xd9]))).toBe(true);
    expect(isCompleteJpeg(new Uint8Array([0xff, 0xd8, 0x00, 0x00]))).toBe(false);
    expect(isCompleteJpeg(new Uint8Array([0x50, 0x36, 0xff, 0xd9]))).toBe(false);
    expect(isCompleteJpeg(new Uint8Array())).toBe(false);
  });
});
