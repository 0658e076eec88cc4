/**
 * The packaging the issue asks for (NSIS x64; deb and AppImage on x64 and ARM64 for UOS/Kylin), and a deb that pulls
 * in the runtime of every native binding the terminal ships: a missing one is found on a counter PC, not here.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

interface Target {
  target: string;
  arch: string[];
}
const builder = parse(readFileSync('electron-builder.yml', 'utf8')) as { win: { target: Target[] }; linux: { target: Target[] }; deb: { depends: string[] } };
const dependencies = Object.keys((JSON.parse(readFileSync('package.json', 'utf8')) as { dependencies: Record<string, string> }).dependencies);

describe('electron-builder configuration', () => {
  it('builds NSIS for x64, and deb and AppImage for x64 and arm64', () => {
    const archs = (targets: Target[], name: string) => targets.find((entry) => entry.target === name)?.arch ?? [];
    expect(archs(builder.win.target, 'nsis')).toEqual(['x64']);
    expect(archs(builder.linux.target, 'deb')).toEqual(expect.arrayContaining(['x64', 'arm64']));
    expect(archs(builder.linux.target, 'AppImage')).toEqual(expect.arrayContaining(['x64', 'arm64']));
  });

  it("makes the deb depend on each native binding's runtime", () => {
    const runtimes: Record<string, string[]> = { smartcard: ['libpcsclite1', 'pcscd'], 'node-hid': ['libusb-1.0-0'], serialport: ['udev'] };
    for (const [binding, packages] of Object.entries(runtimes)) {
      if (dependencies.includes(binding)) expect(builder.deb.depends, binding).toEqual(expect.arrayContaining(packages));
    }
  });
});
