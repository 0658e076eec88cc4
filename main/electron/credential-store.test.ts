import { describe, expect, it } from 'vitest';
import { describeRefusal } from '../startup/messages';
import { judgeCredentialStore } from './credential-store';

describe('credential store verdict', () => {
  it('refuses basic_text on Linux in a packaged terminal, with an officer message and the keyring remedy', () => {
    const verdict = judgeCredentialStore({ platform: 'linux', encryptionAvailable: true, linuxBackend: 'basic_text' }, { packaged: true });
    expect(verdict).toEqual({ verdict: 'unprotected', refuse: true, refusal: { code: 'credential-store-unprotected', value: 'basic_text' } });
    if (verdict.verdict !== 'unprotected') throw new Error('unreachable');
    const zh = describeRefusal(verdict.refusal, 'zh-CN');
    expect(zh).toContain('请联系系统管理员');
    expect(zh).toContain('basic_text');
    expect(describeRefusal(verdict.refusal, 'en')).toMatch(/install and unlock a keyring/i);
  });

  it('only warns about basic_text in development', () => {
    const verdict = judgeCredentialStore({ platform: 'linux', encryptionAvailable: true, linuxBackend: 'basic_text' }, { packaged: false });
    expect(verdict).toMatchObject({ verdict: 'unprotected', refuse: false });
  });

  it('accepts the keyrings Electron knows on Linux', () => {
    for (const backend of ['gnome_libsecret', 'kwallet', 'kwallet5', 'kwallet6']) {
      expect(judgeCredentialStore({ platform: 'linux', encryptionAvailable: true, linuxBackend: backend }, { packaged: true })).toEqual({ verdict: 'protected' });
    }
  });

  it('fails closed on an unknown Linux backend or no encryption at all', () => {
    expect(judgeCredentialStore({ platform: 'linux', encryptionAvailable: true, linuxBackend: 'unknown' }, { packaged: true })).toMatchObject({ refuse: true });
    expect(judgeCredentialStore({ platform: 'linux', encryptionAvailable: true }, { packaged: true })).toMatchObject({ refuse: true });
    expect(judgeCredentialStore({ platform: 'win32', encryptionAvailable: false }, { packaged: true })).toMatchObject({
      refuse: true,
      refusal: { value: 'none' },
    });
  });

  it('trusts DPAPI and the macOS keychain when encryption is available', () => {
    expect(judgeCredentialStore({ platform: 'win32', encryptionAvailable: true }, { packaged: true })).toEqual({ verdict: 'protected' });
    expect(judgeCredentialStore({ platform: 'darwin', encryptionAvailable: true }, { packaged: true })).toEqual({ verdict: 'protected' });
  });
});
