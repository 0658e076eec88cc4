import { describe, expect, it } from 'vitest';
import { main } from '../devices';

describe('npm run devices -- list', () => {
  it('prints one JSON object listing serial ports, flagging reader USB IDs', async () => {
    const out: string[] = [];
    const code = await main(['list', '--json'], { out: (t) => out.push(t), err: () => undefined });
    expect(code).toBe(0);
    expect(out).toHaveLength(1);
    const parsed = JSON.parse(out[0] as string) as { serialPorts: Array<{ path: string; idCardReaderUsbId: boolean }> };
    for (const port of parsed.serialPorts) {
      expect(typeof port.path).toBe('string');
      expect(typeof port.idCardReaderUsbId).toBe('boolean');
    }
  });

  it('rejects unknown options with usage exit code 64', async () => {
    const err: string[] = [];
    expect(await main(['list', '--bogus'], { out: () => undefined, err: (t) => err.push(t) })).toBe(64);
    expect(err.join('\n')).toMatch(/unknown option: --bogus/);
  });
});
