/**
 * Least privilege at the service boundary: every call but the few a terminal
 * needs before anyone signs in (its version, the message table, the status
 * bar, sign-in itself) runs only for a signed-in officer whose screen is not
 * locked, and runs on that officer's behalf, so whatever it records names them.
 */
import type { CallName } from '../../contract/api';
import { actAs } from '../../sync/audit/actor';
import type { Handlers } from '../rpc/dispatcher';
import type { OfficerSession } from './officer-session';

export const CALLS_WITHOUT_OFFICER: ReadonlySet<CallName> = new Set<CallName>([
  'app.info',
  'app.messages',
  'app.storage',
  'devices.list',
  'sync.status',
  'officer.status',
  'officer.signIn',
  'officer.signOut',
  'officer.lock',
  'officer.unlock',
  'officer.touch',
  // The fleet's idle signal (a case open, a video session): two booleans, no personal data, nothing recorded. A
  // locked or signed-out screen is exactly when an update should be able to run, and a screen that restarted
  // under a locked session must be able to say it has no case open, or the terminal never counts as idle.
  'activity.report',
  // The document camera's presence for the status bar (shown before sign-in like the other devices); no personal data.
  'documentCamera.report',
]);

export function guardHandlers(handlers: Handlers, session: OfficerSession): Handlers {
  const guarded: Record<string, (input: unknown) => unknown> = {};
  for (const [name, handler] of Object.entries(handlers) as [CallName, (input: unknown) => unknown][]) {
    guarded[name] = CALLS_WITHOUT_OFFICER.has(name)
      ? handler
      : (input) => {
          const officer = session.requireOfficer();
          return actAs(officer && { officerId: officer.officerId }, () => handler(input));
        };
  }
  return guarded as Handlers;
}
