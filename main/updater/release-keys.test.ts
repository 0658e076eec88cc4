import { describe, expect, it } from 'vitest';
import { generateSm2KeyPair } from '../../crypto';
import { describeRefusal } from '../startup/messages';
import { parseReleaseKeys, pinnedReleaseKeys, RELEASE_KEYS_ENV } from './release-keys';

const one = generateSm2KeyPair().publicKey;
const two = generateSm2KeyPair().publicKey;

describe('pinned release keys', () => {
  it('a packaged shell trusts only the keys built into it, and refuses to start without any (fail closed)', () => {
    expect(pinnedReleaseKeys({ [RELEASE_KEYS_ENV]: one }, { packaged: true, built: `${one},${two}` })).toEqual({ keys: [one, two] });
    // The environment cannot add a key to a packaged shell.
    expect(pinnedReleaseKeys({ [RELEASE_KEYS_ENV]: one }, { packaged: true, built: two })).toEqual({ keys: [two] });
    const refused = pinnedReleaseKeys({ [RELEASE_KEYS_ENV]: one }, { packaged: true, built: '' });
    expect(refused).toEqual({ refusal: { code: 'release-keys-missing', setting: 'RELEASE_PUBLIC_KEYS' } });
    expect(describeRefusal((refused as { refusal: Parameters<typeof describeRefusal>[0] }).refusal, 'zh-CN')).toContain('RELEASE_PUBLIC_KEYS');
  });

  it('in development the environment names them; none means no update is taken; a malformed entry is refused by name', () => {
    expect(pinnedReleaseKeys({ [RELEASE_KEYS_ENV]: ` ${one.toUpperCase()} ,${two}` }, { packaged: false, built: '' })).toEqual({ keys: [one, two] });
    expect(pinnedReleaseKeys({}, { packaged: false, built: '' })).toEqual({ keys: [] });
    expect(pinnedReleaseKeys({ [RELEASE_KEYS_ENV]: `${one},04abc` }, { packaged: false, built: '' })).toEqual({
      refusal: { code: 'release-keys-invalid', setting: RELEASE_KEYS_ENV, value: '04abc' },
    });
    expect(parseReleaseKeys(`${one},${one}`)).toEqual({ keys: [one] });
  });
});
