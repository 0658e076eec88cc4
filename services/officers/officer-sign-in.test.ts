/**
 * Officer sign-in against the reference backend and the real sync store:
 * online, offline with the cached verifier (backend paused), the 72-hour
 * limit, lockout after five failures, and the idle lock. The clock is
 * injected, never waited on.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SAMPLE_OFFICERS } from '../../fixtures/backend/officers';
import { silentLogger } from '../../domain/logger';
import { startPair } from '../../sync/testing/harness';
import type { OfficerStatus } from '../../domain/officer';
import { createOfficerServices } from './officer-services';

const [officer, other] = SAMPLE_OFFICERS as [(typeof SAMPLE_OFFICERS)[number], (typeof SAMPLE_OFFICERS)[number]];
const HOUR = 3600_000;

function codeOf(promise: Promise<unknown>): Promise<string> {
  return promise.then(
    () => 'resolved',
    (error: { code?: string }) => error.code ?? 'no-code',
  );
}

describe('officer sign-in', () => {
  let pair: Awaited<ReturnType<typeof startPair>>;
  let now: number;
  let changes: OfficerStatus[];
  let services: ReturnType<typeof createOfficerServices>;

  beforeEach(async () => {
    pair = await startPair({ requestTimeoutMs: 2_000 });
    now = Date.UTC(2026, 10, 28, 1, 0);
    changes = [];
    services = createOfficerServices({ profile: 'reception-window', officers: { offlineValidityHours: 72, idleLockMinutes: 10, maxFailures: 5, lockoutMinutes: 15 } }, pair.sync, (status) => changes.push(status), silentLogger, () => now);
  });

  afterEach(async () => {
    services.close();
    await pair.close();
  });

  const session = () => services.session;
  const auditActions = () => pair.sync.audit().entries().filter((entry) => entry.action.startsWith('officer.'));

  it('signs in online with the backend, then offline against the verifier cached then', async () => {
    await expect(codeOf(Promise.resolve().then(() => session().requireOfficer()))).resolves.toBe('officer-not-signed-in');
    const online = await session().signIn(` ${officer.account.toUpperCase()} `, officer.password);
    expect(online).toMatchObject({ state: 'signed-in', mode: 'online', officer: { officerId: officer.id, name: officer.name } });
    expect(session().requireOfficer()?.officerId).toBe(officer.id);
    session().signOut();

    await pair.backend.pause();
    now += 71 * HOUR;
    const offline = await session().signIn(officer.account, officer.password);
    expect(offline).toMatchObject({ state: 'signed-in', mode: 'offline', officer: { officerId: officer.id } });
    session().signOut();
    await expect(codeOf(session().signIn(officer.account, 'wrong-password'))).resolves.toBe('officer-credentials-invalid');

    // Past the offline period, or for an officer never signed in online here: the backend must be reached.
    now += 2 * HOUR;
    await expect(codeOf(session().signIn(officer.account, officer.password))).resolves.toBe('officer-offline-unavailable');
    await expect(codeOf(session().signIn(other.account, other.password))).resolves.toBe('officer-offline-unavailable');

    await pair.backend.resume();
    pair.sync.retryNow();
    await expect(session().signIn(officer.account, officer.password)).resolves.toMatchObject({ mode: 'online' });
    expect(auditActions().map((entry) => [entry.action, entry.details.mode ?? entry.details.reason])).toEqual([
      ['officer.signed-in', 'online'],
      ['officer.signed-out', undefined],
      ['officer.signed-in', 'offline'],
      ['officer.signed-out', undefined],
      ['officer.sign-in-refused', 'officer-credentials-invalid'],
      ['officer.sign-in-refused', 'officer-offline-unavailable'],
      ['officer.sign-in-refused', 'officer-offline-unavailable'],
      ['officer.signed-in', 'online'],
    ]);
    expect(pair.sync.audit().verify()).toMatchObject({ ok: true });
  });

  it('measures the offline period to the latest time known to have passed: a PC clock set back cannot stretch it, even across a restart', async () => {
    const config = { profile: 'reception-window' as const, officers: { offlineValidityHours: 72, idleLockMinutes: 10, maxFailures: 5, lockoutMinutes: 15 } };
    let mono = 0;
    const clocked = createOfficerServices(config, pair.sync, () => undefined, silentLogger, () => now, () => mono);
    const advance = (ms: number) => {
      now += ms;
      mono += ms;
    };
    await clocked.session.signIn(officer.account, officer.password);
    clocked.session.signOut();
    await pair.backend.pause();
    advance(71 * HOUR);
    await expect(clocked.session.signIn(officer.account, officer.password)).resolves.toMatchObject({ mode: 'offline' });
    clocked.session.signOut();
    // The PC clock is set back 70 hours; two real hours later the 72 hours are over all the same.
    now -= 70 * HOUR;
    advance(2 * HOUR);
    await expect(codeOf(clocked.session.signIn(officer.account, officer.password))).resolves.toBe('officer-offline-unavailable');
    expect(auditActions().at(-1)).toMatchObject({ action: 'officer.sign-in-refused', details: { reason: 'officer-offline-unavailable', clockBehindMinutes: 70 * 60 } });
    clocked.close();
    // The services restart (the monotonic clock starts again): the time last seen still holds.
    const restarted = createOfficerServices(config, pair.sync, () => undefined, silentLogger, () => now, () => 0);
    await expect(codeOf(restarted.session.signIn(officer.account, officer.password))).resolves.toBe('officer-offline-unavailable');
    restarted.close();
  });

  it('keeps a lockout for its 15 real minutes when the PC clock is moved forward', async () => {
    const config = { profile: 'reception-window' as const, officers: { offlineValidityHours: 72, idleLockMinutes: 10, maxFailures: 5, lockoutMinutes: 15 } };
    let mono = 0;
    const clocked = createOfficerServices(config, pair.sync, () => undefined, silentLogger, () => now, () => mono);
    for (let attempt = 1; attempt < 5; attempt += 1) await expect(codeOf(clocked.session.signIn(officer.account, 'wrong'))).resolves.toBe('officer-credentials-invalid');
    await expect(codeOf(clocked.session.signIn(officer.account, 'wrong'))).resolves.toBe('officer-locked-out');
    now += 16 * 60_000;
    await expect(codeOf(clocked.session.signIn(officer.account, officer.password))).resolves.toBe('officer-locked-out');
    mono += 15 * 60_000;
    await expect(clocked.session.signIn(officer.account, officer.password)).resolves.toMatchObject({ state: 'signed-in' });
    clocked.close();
  });

  it('refuses a wrong password from the backend, and a disabled officer even offline', async () => {
    await expect(codeOf(session().signIn(officer.account, 'Counter#2025'))).resolves.toBe('officer-credentials-invalid');
    await expect(codeOf(session().signIn('nobody', officer.password))).resolves.toBe('officer-credentials-invalid');
    await session().signIn(officer.account, officer.password);
    session().signOut();
    pair.backend.upsertOfficer({ ...officer, disabled: true });
    await expect(codeOf(session().signIn(officer.account, officer.password))).resolves.toBe('officer-disabled');
    await pair.backend.pause();
    await expect(codeOf(session().signIn(officer.account, officer.password))).resolves.toBe('officer-offline-unavailable');
  });

  it('locks the account on this terminal for 15 minutes after five wrong passwords, online or offline', async () => {
    await session().signIn(officer.account, officer.password);
    session().signOut();
    for (let attempt = 1; attempt <= 4; attempt += 1) {
      await expect(session().signIn(officer.account, 'wrong').catch((error: { params?: unknown }) => error.params)).resolves.toMatchObject({ remaining: 5 - attempt });
    }
    await expect(codeOf(session().signIn(officer.account, 'wrong'))).resolves.toBe('officer-locked-out');
    // The right password does not help while the lock lasts, and the backend is not even asked.
    pair.backend.resetRequestLog();
    await expect(codeOf(session().signIn(officer.account, officer.password))).resolves.toBe('officer-locked-out');
    await pair.backend.pause();
    await expect(codeOf(session().signIn(officer.account, officer.password))).resolves.toBe('officer-locked-out');
    expect(pair.backend.requestLog().filter((entry) => entry.route === '/v1/officers/sign-in')).toEqual([]);
    // Another officer is not affected.
    now += 14 * 60_000;
    await expect(codeOf(session().signIn(officer.account, officer.password))).resolves.toBe('officer-locked-out');
    now += 60_000;
    await expect(session().signIn(officer.account, officer.password)).resolves.toMatchObject({ state: 'signed-in', mode: 'offline' });
    expect(auditActions().filter((entry) => entry.action === 'officer.locked-out')).toHaveLength(1);
  });

  it('locks the screen after 10 idle minutes; only the same officer unlocks, and the session (with its case) stays', async () => {
    await session().signIn(officer.account, officer.password);
    now += 9 * 60_000;
    expect(session().requireOfficer()?.officerId).toBe(officer.id);
    now += 10 * 60_000 - 1;
    session().touch();
    now += 1;
    expect(session().status().state).toBe('signed-in');
    now += 10 * 60_000;
    expect(() => session().requireOfficer()).toThrow(expect.objectContaining({ code: 'officer-screen-locked' }));
    expect(changes.at(-1)).toMatchObject({ state: 'locked', officer: { officerId: officer.id } });
    expect(session().mayShowPersonalData()).toBe(false);
    await expect(codeOf(session().unlock(other.password))).resolves.toBe('officer-credentials-invalid');
    await expect(session().unlock(officer.password)).resolves.toMatchObject({ state: 'signed-in', officer: { officerId: officer.id } });
    expect(session().requireOfficer()?.officerId).toBe(officer.id);
    expect(auditActions().map((entry) => entry.action)).toEqual(['officer.signed-in', 'officer.screen-locked', 'officer.sign-in-refused', 'officer.unlocked']);
  });

  it('measures idleness in real time: a PC clock moved forward a month does not lock an officer at work, one set back does not keep an idle screen open', async () => {
    const config = { profile: 'reception-window' as const, officers: { offlineValidityHours: 72, idleLockMinutes: 10, maxFailures: 5, lockoutMinutes: 15 } };
    let mono = 0;
    const clocked = createOfficerServices(config, pair.sync, () => undefined, silentLogger, () => now, () => mono);
    await clocked.session.signIn(officer.account, officer.password);
    now += 31 * 24 * HOUR;
    mono += 60_000;
    expect(clocked.session.requireOfficer()?.officerId).toBe(officer.id);
    now -= 2 * HOUR;
    mono += 10 * 60_000;
    clocked.session.checkIdle();
    expect(clocked.session.status().state).toBe('locked');
    clocked.close();
  });

  it('keeps the session across a restart of the services, locked once it has been idle for the lock period', async () => {
    await session().signIn(officer.account, officer.password);
    const config = { profile: 'reception-window' as const, officers: { offlineValidityHours: 72, idleLockMinutes: 10, maxFailures: 5, lockoutMinutes: 15 } };
    const restarted = createOfficerServices(config, pair.sync, () => undefined, silentLogger, () => now);
    expect(restarted.session.status()).toMatchObject({ state: 'signed-in', officer: { officerId: officer.id } });
    restarted.close();
    now += 11 * 60_000;
    const later = createOfficerServices(config, pair.sync, () => undefined, silentLogger, () => now);
    expect(later.session.status()).toMatchObject({ state: 'locked', officer: { officerId: officer.id } });
    await expect(later.session.unlock(officer.password)).resolves.toMatchObject({ state: 'signed-in' });
    later.session.signOut();
    later.close();
    const afterSignOut = createOfficerServices(config, pair.sync, () => undefined, silentLogger, () => now);
    expect(afterSignOut.session.status().state).toBe('signed-out');
    afterSignOut.close();
  });

  it('needs no sign-in on an extension terminal, unless configured to', () => {
    const unattended = createOfficerServices({ profile: 'extension-terminal', officers: { offlineValidityHours: 72, idleLockMinutes: 10, maxFailures: 5, lockoutMinutes: 15 } }, pair.sync, () => undefined, silentLogger);
    expect(unattended.session.requireOfficer()).toBeUndefined();
    expect(unattended.session.status()).toMatchObject({ required: false, state: 'signed-out' });
    unattended.close();
    const attended = createOfficerServices({ profile: 'extension-terminal', officers: { requireSignIn: true, offlineValidityHours: 72, idleLockMinutes: 10, maxFailures: 5, lockoutMinutes: 15 } }, pair.sync, () => undefined, silentLogger);
    expect(() => attended.session.requireOfficer()).toThrow(expect.objectContaining({ code: 'officer-not-signed-in' }));
    attended.close();
  });
});
