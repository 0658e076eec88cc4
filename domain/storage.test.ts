import { describe, expect, it } from 'vitest';
import { storageLevel } from './storage';

const MiB = 1024 * 1024;
const GiB = 1024 * MiB;

describe('storage level', () => {
  it('warns on a counter PC disk below 1 GiB and alarms below 100 MiB', () => {
    expect(storageLevel(5 * GiB, 256 * GiB)).toBe('ok');
    expect(storageLevel(900 * MiB, 256 * GiB)).toBe('low');
    expect(storageLevel(90 * MiB, 256 * GiB)).toBe('critical');
  });

  it('judges a small disk by its share, so an empty one is fine', () => {
    expect(storageLevel(23 * MiB, 24 * MiB)).toBe('ok');
    expect(storageLevel(2 * MiB, 24 * MiB)).toBe('low');
    expect(storageLevel(100 * 1024, 24 * MiB)).toBe('critical');
    expect(storageLevel(0, 24 * MiB)).toBe('critical');
  });
});
