/**
 * Officer sign-in as the services offer it: the session built from the
 * terminal's configuration and the sync service (the backend's staff
 * directory, the sealed store, the audit chain), and its contract handlers.
 */
import type { Logger } from '../../domain/logger';
import type { OfficerStatus } from '../../domain/officer';
import type { SyncService } from '../../sync';
import type { TerminalConfig } from '../../main/shared/config';
import type { Handlers } from '../rpc/dispatcher';
import { DEFAULT_OFFICER_POLICY, OfficerSession, type OfficerPolicy } from './officer-session';

type OfficerCalls = 'officer.status' | 'officer.signIn' | 'officer.signOut' | 'officer.lock' | 'officer.unlock' | 'officer.touch';

export function officerPolicy(config: Pick<TerminalConfig, 'officers' | 'profile'>): OfficerPolicy {
  const officers = config.officers;
  const hours = (value: number | undefined, fallbackMs: number) => (value === undefined ? fallbackMs : value * 3600_000);
  const minutes = (value: number | undefined, fallbackMs: number) => (value === undefined ? fallbackMs : value * 60_000);
  return {
    // An unattended extension terminal has nobody to sign in; it acts as itself unless told otherwise.
    requireSignIn: officers?.requireSignIn ?? (config.profile !== 'extension-terminal' && DEFAULT_OFFICER_POLICY.requireSignIn),
    offlineValidityMs: hours(officers?.offlineValidityHours, DEFAULT_OFFICER_POLICY.offlineValidityMs),
    idleLockMs: minutes(officers?.idleLockMinutes, DEFAULT_OFFICER_POLICY.idleLockMs),
    maxFailures: officers?.maxFailures ?? DEFAULT_OFFICER_POLICY.maxFailures,
    lockoutMs: minutes(officers?.lockoutMinutes, DEFAULT_OFFICER_POLICY.lockoutMs),
  };
}

export function createOfficerServices(
  config: Pick<TerminalConfig, 'officers' | 'profile'>,
  sync: SyncService,
  onChange: (status: OfficerStatus) => void,
  logger: Logger,
  clock: () => number = Date.now,
  /** Tests that move an injected clock move real time with it unless they give a monotonic clock of their own. */
  monotonic: () => number = clock === Date.now ? () => performance.now() : clock,
): { session: OfficerSession; handlers: Pick<Handlers, OfficerCalls>; close(): void } {
  const session = new OfficerSession({
    policy: officerPolicy(config),
    verifyOnline: (account, password) => sync.verifyOfficer(account, password),
    vault: sync.officerVault(),
    audit: (action, subject, details) => sync.audit().append(action, subject, details),
    clock,
    monotonic,
    logger,
    onChange,
  });
  // The services lock an idle screen themselves too: a renderer that stopped reporting input cannot keep it open.
  const idleCheck = setInterval(() => session.checkIdle(), Math.min(30_000, session.policy.idleLockMs));
  idleCheck.unref();
  return {
    session,
    handlers: {
      'officer.status': () => session.status(),
      'officer.signIn': ({ account, password }) => session.signIn(account, password),
      'officer.signOut': () => session.signOut(),
      'officer.lock': () => session.lock('officer'),
      'officer.unlock': ({ password }) => session.unlock(password),
      'officer.touch': () => {
        session.touch();
        return { ok: true as const };
      },
    },
    close: () => clearInterval(idleCheck),
  };
}
