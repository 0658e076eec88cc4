/**
 * Who is working at this terminal. Officers sign in with their staff account
 * and password, checked by the backend; when it cannot be reached, against
 * the verifier cached at the officer's last online sign-in here, for a
 * limited period. Repeated wrong passwords lock the account on this terminal
 * for a while; the screen locks when idle and only the same officer unlocks
 * it. An unattended terminal (sign-in not required) acts as itself.
 */
import { TerminalError } from '../../contract/errors';
import type { Logger } from '../../domain/logger';
import type { Officer, OfficerStatus } from '../../domain/officer';
import { checkVerifier, makeVerifier, type PasswordVerifier } from './verifier';

export interface OfficerPolicy {
  requireSignIn: boolean;
  /** How long after the last online sign-in the cached verifier is accepted offline. */
  offlineValidityMs: number;
  maxFailures: number;
  lockoutMs: number;
  idleLockMs: number;
}

export const DEFAULT_OFFICER_POLICY: OfficerPolicy = {
  requireSignIn: true,
  offlineValidityMs: 72 * 3600_000,
  maxFailures: 5,
  lockoutMs: 15 * 60_000,
  idleLockMs: 10 * 60_000,
};

export type OnlineCheck = { verdict: 'verified'; officer: Officer } | { verdict: 'refused'; reason: 'officer-credentials-invalid' | 'officer-disabled' };

export interface OfficerSessionDeps {
  policy: OfficerPolicy;
  /** Asks the backend; throws when it cannot answer (offline, timeout, …). */
  verifyOnline(account: string, password: string): Promise<OnlineCheck>;
  vault: { get<T>(key: string): T | undefined; set(key: string, value: unknown): void };
  /** Appends to the terminal's audit chain. */
  audit(action: string, subject: string | null, details: Record<string, unknown>): void;
  clock(): number;
  /**
   * A clock that only moves forward, at the pace of real time, whatever the PC's clock is set to (performance.now).
   * It restarts with the process, so across a restart only the time last seen (kept sealed) is known.
   */
  monotonic(): number;
  logger: Logger;
  onChange(status: OfficerStatus): void;
}

interface CachedOfficer {
  officer: Officer;
  verifier: PasswordVerifier;
  /** When the backend last confirmed this password (terminal clock, ms). */
  verifiedAt: number;
}

interface PersistedSession {
  officer: Officer;
  mode: 'online' | 'offline';
  locked: boolean;
  lastActivity: number;
}

interface Failures {
  count: number;
  lockedUntil?: number;
}

export function normaliseAccount(account: string): string {
  return account.trim().toLowerCase();
}

export class OfficerSession {
  readonly #deps: OfficerSessionDeps;
  #officer: Officer | undefined;
  #mode: 'online' | 'offline' | undefined;
  #locked = false;
  #lastActivity = 0;
  /**
   * The monotonic reading at the last activity: idleness is real time passed, so a PC clock moved forward does not
   * lock an officer at work, and one set back does not leave an unattended screen open.
   */
  #lastActivityMono = 0;
  #persistedAt = 0;
  /** The latest time known to have passed, and the monotonic reading then. */
  #seen: { wall: number; mono: number } | undefined;
  #floorWritten = 0;
  /** Lockouts measured on the monotonic clock too: moving the PC clock forward does not end one early. */
  readonly #lockedMono = new Map<string, number>();

  constructor(deps: OfficerSessionDeps) {
    this.#deps = deps;
    this.#restore();
  }

  /**
   * The services process may be restarted under a working officer (a crash, an update): the session comes back
   * as it was, but one idle past the lock period comes back locked, so only the officer's password reopens it.
   */
  #restore(): void {
    const saved = this.#deps.vault.get<PersistedSession | null>('session');
    if (!saved || !this.#deps.policy.requireSignIn) return;
    this.#officer = saved.officer;
    this.#mode = saved.mode;
    this.#lastActivity = saved.lastActivity;
    this.#locked = saved.locked || this.#deps.clock() - saved.lastActivity >= this.#deps.policy.idleLockMs || this.#deps.clock() < saved.lastActivity;
    // Across a restart only the wall clock links the two processes: the idle time already passed still counts.
    this.#lastActivityMono = this.#deps.monotonic() - Math.max(0, this.#deps.clock() - saved.lastActivity);
  }

  /** Activity is written down at most once a minute: enough for a restart to know the session was in use. */
  #active(): void {
    this.#lastActivity = this.#deps.clock();
    this.#lastActivityMono = this.#deps.monotonic();
    if (this.#lastActivity - this.#persistedAt >= 60_000) this.#persist();
  }

  #persist(): void {
    this.#persistedAt = this.#lastActivity;
    try {
      this.#deps.vault.set('session', this.#officer ? ({ officer: this.#officer, mode: this.#mode ?? 'online', locked: this.#locked, lastActivity: this.#lastActivity } satisfies PersistedSession) : null);
    } catch (error) {
      // Only a restart of the services needs it; the session itself goes on (a full disk, say).
      this.#deps.logger.warn('officer session not written down', { detail: (error as Error).message });
    }
  }

  get policy(): OfficerPolicy {
    return this.#deps.policy;
  }

  status(): OfficerStatus {
    const { requireSignIn, idleLockMs } = this.#deps.policy;
    const status: OfficerStatus = { required: requireSignIn, state: !this.#officer ? 'signed-out' : this.#locked ? 'locked' : 'signed-in', idleLockMs };
    if (this.#officer) status.officer = { ...this.#officer };
    if (this.#mode) status.mode = this.#mode;
    return status;
  }

  async signIn(accountInput: string, password: string): Promise<OfficerStatus> {
    const account = normaliseAccount(accountInput);
    this.#refuseIfLockedOut(account);
    let online: OnlineCheck | undefined;
    try {
      online = await this.#deps.verifyOnline(account, password);
    } catch (error) {
      this.#deps.logger.warn('officer sign-in: backend did not answer, trying the offline verifier', { code: (error as { code?: string }).code ?? 'unknown' });
    }
    if (online?.verdict === 'verified') {
      // Cached before the session starts, so a failed write refuses the sign-in instead of leaving no offline path.
      this.#deps.vault.set(`verifier:${account}`, { officer: online.officer, verifier: await makeVerifier(password), verifiedAt: this.#deps.clock() } satisfies CachedOfficer);
      return this.#start(online.officer, 'online', account);
    }
    if (online?.verdict === 'refused') {
      if (online.reason === 'officer-disabled') {
        this.#deps.vault.set(`verifier:${account}`, null);
        this.#deps.audit('officer.sign-in-refused', account, { reason: online.reason });
        throw new TerminalError('officer-disabled', 'the backend says this account is disabled');
      }
      throw this.#failure(account, 'online');
    }
    const cached = this.#deps.vault.get<CachedOfficer | null>(`verifier:${account}`);
    const now = this.#deps.clock();
    const passed = this.#notBefore();
    const { offlineValidityMs } = this.#deps.policy;
    // Measured to the latest time known to have passed: a clock set back (before the last online sign-in, or only
    // some hours) cannot stretch the offline period; one set forward only ends it sooner, and is remembered.
    if (!cached || now < cached.verifiedAt || passed - cached.verifiedAt > offlineValidityMs) {
      const behind = passed - now;
      this.#deps.audit('officer.sign-in-refused', account, { reason: 'officer-offline-unavailable', ...(behind >= 60_000 ? { clockBehindMinutes: Math.round(behind / 60_000) } : {}) });
      throw new TerminalError('officer-offline-unavailable', 'backend unreachable and no recent verifier cached', { hours: Math.round(offlineValidityMs / 3600_000) });
    }
    if (!(await checkVerifier(password, cached.verifier))) throw this.#failure(account, 'offline');
    return this.#start(cached.officer, 'offline', account);
  }

  signOut(): OfficerStatus {
    if (this.#officer) this.#deps.audit('officer.signed-out', this.#officer.officerId, {});
    this.#officer = undefined;
    this.#mode = undefined;
    this.#locked = false;
    return this.#changed();
  }

  lock(reason: 'officer' | 'idle' = 'officer'): OfficerStatus {
    if (!this.#officer || this.#locked) return this.status();
    this.#locked = true;
    this.#deps.audit('officer.screen-locked', this.#officer.officerId, { reason });
    return this.#changed();
  }

  /** Only the officer who was signed in unlocks, with the password (checked here, against their cached verifier). */
  async unlock(password: string): Promise<OfficerStatus> {
    const officer = this.#officer;
    if (!officer) throw new TerminalError('officer-not-signed-in', 'nobody is signed in');
    if (!this.#locked) return this.status();
    const account = normaliseAccount(officer.account);
    this.#refuseIfLockedOut(account);
    const cached = this.#deps.vault.get<CachedOfficer | null>(`verifier:${account}`);
    if (!cached || !(await checkVerifier(password, cached.verifier))) {
      const error = this.#failure(account, 'unlock');
      // Locked out while the screen was locked: the session ends; the next sign-in starts afresh.
      if (error.code === 'officer-locked-out') this.signOut();
      throw error;
    }
    this.#deps.vault.set(`failures:${account}`, { count: 0 } satisfies Failures);
    this.#locked = false;
    this.#lastActivity = this.#deps.clock();
    this.#lastActivityMono = this.#deps.monotonic();
    this.#deps.audit('officer.unlocked', officer.officerId, {});
    return this.#changed();
  }

  /** The renderer saw the officer at work (typing, pointing): the idle clock starts again. */
  touch(): void {
    this.checkIdle();
    if (this.#officer && !this.#locked) this.#active();
  }

  /** Locks the screen once the officer has been idle for the policy's period. */
  checkIdle(): void {
    if (this.#officer && !this.#locked && this.#deps.monotonic() - this.#lastActivityMono >= this.#deps.policy.idleLockMs) this.lock('idle');
  }

  /**
   * For every officer-only call: the acting officer, or a coded refusal. An unattended terminal (sign-in not
   * required) acts as itself and gets undefined.
   */
  requireOfficer(): Officer | undefined {
    if (!this.#deps.policy.requireSignIn) return this.#officer;
    this.checkIdle();
    if (!this.#officer) throw new TerminalError('officer-not-signed-in', 'no officer is signed in');
    if (this.#locked) throw new TerminalError('officer-screen-locked', 'the screen is locked');
    this.#active();
    return this.#officer;
  }

  /** Personal data (card readings, scans) reaches the screen only while an officer works at it. */
  mayShowPersonalData(): boolean {
    if (!this.#deps.policy.requireSignIn) return true;
    return this.#officer !== undefined && !this.#locked;
  }

  /**
   * The latest time this terminal knows has passed: the PC clock, but never earlier than a time already seen,
   * carried forward by the monotonic clock (and, across a restart, the time last written down).
   */
  #notBefore(): number {
    const wall = this.#deps.clock();
    const mono = this.#deps.monotonic();
    const floor = this.#seen ? this.#seen.wall + (mono - this.#seen.mono) : (this.#deps.vault.get<number>('clock-floor') ?? 0);
    const passed = Math.max(wall, floor);
    this.#seen = { wall: passed, mono };
    if (passed - this.#floorWritten >= 60_000) {
      this.#floorWritten = passed;
      try {
        this.#deps.vault.set('clock-floor', passed);
      } catch (error) {
        this.#deps.logger.warn('clock floor not written down', { detail: (error as Error).message });
      }
    }
    return passed;
  }

  #start(officer: Officer, mode: 'online' | 'offline', account: string): OfficerStatus {
    this.#notBefore();
    this.#lockedMono.delete(account);
    this.#deps.vault.set(`failures:${account}`, { count: 0 } satisfies Failures);
    if (this.#officer && this.#officer.officerId !== officer.officerId) this.#deps.audit('officer.signed-out', this.#officer.officerId, { replacedBy: officer.officerId });
    this.#officer = officer;
    this.#mode = mode;
    this.#locked = false;
    this.#lastActivity = this.#deps.clock();
    this.#lastActivityMono = this.#deps.monotonic();
    this.#deps.audit('officer.signed-in', officer.officerId, { officerId: officer.officerId, mode });
    return this.#changed();
  }

  #refuseIfLockedOut(account: string): void {
    const failures = this.#deps.vault.get<Failures>(`failures:${account}`);
    const now = this.#deps.clock();
    if (failures?.lockedUntil !== undefined && now < failures.lockedUntil) throw lockedOut(failures.lockedUntil);
    // The PC clock says the lock is over, but less real time has passed: still locked (a clock moved forward).
    const monoLeft = (this.#lockedMono.get(account) ?? 0) - this.#deps.monotonic();
    if (monoLeft > 0) throw lockedOut(now + monoLeft);
  }

  /** Counts a wrong password; the last allowed one locks the account on this terminal. */
  #failure(account: string, during: 'online' | 'offline' | 'unlock'): TerminalError {
    const { maxFailures, lockoutMs } = this.#deps.policy;
    const previous = this.#deps.vault.get<Failures>(`failures:${account}`);
    // A lock that has run out starts the count afresh.
    const count = (previous?.lockedUntil !== undefined ? 0 : (previous?.count ?? 0)) + 1;
    if (count >= maxFailures) {
      const lockedUntil = this.#deps.clock() + lockoutMs;
      this.#lockedMono.set(account, this.#deps.monotonic() + lockoutMs);
      this.#deps.vault.set(`failures:${account}`, { count, lockedUntil } satisfies Failures);
      this.#deps.audit('officer.locked-out', account, { failures: count, during, lockedUntil: new Date(lockedUntil).toISOString() });
      return lockedOut(lockedUntil);
    }
    this.#deps.vault.set(`failures:${account}`, { count } satisfies Failures);
    this.#deps.audit('officer.sign-in-refused', account, { reason: 'officer-credentials-invalid', during, failures: count });
    return new TerminalError('officer-credentials-invalid', 'account or password wrong', { remaining: maxFailures - count, lockMinutes: Math.round(lockoutMs / 60_000) });
  }

  #changed(): OfficerStatus {
    this.#persist();
    const status = this.status();
    this.#deps.onChange(status);
    return status;
  }
}

function lockedOut(lockedUntil: number): TerminalError {
  // The time the officer reads is Beijing wall-clock time, like every time on the counter.
  const until = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hour12: false }).format(lockedUntil);
  return new TerminalError('officer-locked-out', 'too many wrong passwords on this terminal', { until });
}
