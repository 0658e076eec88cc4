/**
 * Each profile's composed services answer only the calls of its screens (domain/terminal-profile.ts): a call of
 * another profile is refused with `call-outside-profile` before it does anything, signed in or not, whatever the
 * renderer shows. One composed terminal per profile against the reference backend on loopback.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callsOf, type TerminalProfile } from '../../domain/terminal-profile';
import { startLoopbackBackend, startServices, type LoopbackBackend } from '../testing/loopback-services';
import { OFFICER_MESSAGES } from '../officer-messages';
import { unscopedCalls } from './profile-scope';

let peer: LoopbackBackend;
beforeAll(async () => {
  peer = await startLoopbackBackend('profile-scope-');
});
afterAll(async () => {
  await peer.close();
});

async function terminal(profile: TerminalProfile) {
  const started = await startServices({ TERMINAL_DATA_DIR: join(peer.dir, profile), TERMINAL_BACKEND_URL: peer.backend.url, TERMINAL_PROFILE: profile }, 'test');
  if (profile !== 'extension-terminal') await started.signIn();
  return started.services;
}

const refusedAs = { ok: false, error: { code: 'call-outside-profile' } };

describe('each profile answers only its screens’ calls', () => {
  it('a reception window refuses the registry desk’s and the kiosk’s calls, and serves its own', async () => {
    const services = await terminal('reception-window');
    try {
      expect(await services.dispatch('registry.day', {})).toMatchObject({ ...refusedAs, error: { ...refusedAs.error, params: { call: 'registry.day', profile: 'reception-window' } } });
      expect(await services.dispatch('registryCase.openCases', {})).toMatchObject(refusedAs);
      expect(await services.dispatch('certificates.print', { type: 'J', data: {} })).toMatchObject(refusedAs);
      expect(await services.dispatch('kiosk.session', {})).toMatchObject(refusedAs);
      // The card reader's readings go to a screen of this profile only.
      expect(await services.dispatch('idCard.request', { requesterId: 'certificate' })).toMatchObject({ ok: false, error: { code: 'view-outside-profile', params: { view: 'certificate' } } });
      expect(await services.dispatch('idCard.request', { requesterId: 'reception' })).toMatchObject({ ok: true });
      expect(await services.dispatch('catalogue.list', {})).toMatchObject({ ok: true });
      expect(await services.dispatch('sync.status', {})).toMatchObject({ ok: true });
    } finally {
      await services.close();
    }
  });

  it('a registry desk refuses reception’s and the kiosk’s calls, and serves its own', async () => {
    const services = await terminal('registry-desk');
    try {
      expect(await services.dispatch('catalogue.list', {})).toMatchObject({ ok: true }); // the cases and sync screens name items
      expect(await services.dispatch('forms.render', { serviceItemId: 'x', applicant: { cardType: 'resident', name: '张三', idNumber: '310104199001011233' }, form: {} })).toMatchObject(refusedAs);
      expect(await services.dispatch('idCard.read', { timeoutMs: 100 })).toMatchObject(refusedAs);
      expect(await services.dispatch('selfCheck.run', {})).toMatchObject(refusedAs);
      expect(await services.dispatch('registryCase.openCases', {})).toMatchObject({ ok: true });
      expect(await services.dispatch('registry.day', {})).toMatchObject({ ok: true });
    } finally {
      await services.close();
    }
  });

  it('the unattended extension terminal refuses every officer’s call: no case list, no certificate, no registry', async () => {
    const services = await terminal('extension-terminal');
    try {
      for (const call of ['cases.list', 'cases.create', 'certificates.print', 'registry.day', 'registryCase.open', 'printers.list', 'sync.screen', 'catalogue.list', 'print.submit'] as const) {
        expect(await services.dispatch(call, {}), call).toMatchObject(refusedAs);
      }
      expect(await services.dispatch('kiosk.session', {})).toMatchObject({ ok: true });
      expect(await services.dispatch('devices.list', {})).toMatchObject({ ok: true });
    } finally {
      await services.close();
    }
  });

  it('every contract call belongs to some profile, the shared ones to all, and the refusal is worded in both languages', () => {
    expect(unscopedCalls()).toEqual([]);
    for (const profile of ['reception-window', 'registry-desk', 'extension-terminal'] as const) {
      for (const shared of ['officer.signIn', 'sync.status', 'devices.list', 'activity.report', 'updates.status'] as const) expect(callsOf(profile).has(shared)).toBe(true);
    }
    expect(OFFICER_MESSAGES['call-outside-profile']).toMatchObject({ 'zh-CN': expect.stringContaining('{call}'), en: expect.stringContaining('{call}') });
  });
});
