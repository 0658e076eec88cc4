import { describe, expect, it } from 'vitest';
import { isDevShortcut, type KeyInput } from './dev-shortcuts';

const key = (k: string, mods: Partial<KeyInput> = {}): KeyInput => ({ type: 'keyDown', key: k, control: false, meta: false, shift: false, alt: false, ...mods });

describe('development shortcuts in a production window', () => {
  it('catches reload and DevTools keys', () => {
    expect(isDevShortcut(key('r', { control: true }))).toBe(true);
    expect(isDevShortcut(key('R', { control: true, shift: true }))).toBe(true);
    expect(isDevShortcut(key('r', { meta: true }))).toBe(true);
    expect(isDevShortcut(key('F5'))).toBe(true);
    expect(isDevShortcut(key('F5', { control: true }))).toBe(true);
    expect(isDevShortcut(key('F12'))).toBe(true);
    expect(isDevShortcut(key('I', { control: true, shift: true }))).toBe(true);
    expect(isDevShortcut(key('J', { control: true, shift: true }))).toBe(true);
    expect(isDevShortcut(key('i', { meta: true, alt: true }))).toBe(true);
  });

  it('leaves typing alone', () => {
    expect(isDevShortcut(key('r'))).toBe(false);
    expect(isDevShortcut(key('R', { shift: true }))).toBe(false);
    expect(isDevShortcut(key('i', { control: true }))).toBe(false);
    expect(isDevShortcut(key('c', { control: true }))).toBe(false);
    expect(isDevShortcut(key('v', { control: true }))).toBe(false);
    expect(isDevShortcut(key('Enter'))).toBe(false);
    expect(isDevShortcut({ ...key('F5'), type: 'keyUp' })).toBe(false);
  });
});
