/**
 * Each profile's services answer only the calls its screens make (domain/terminal-profile.ts: the calls of each
 * screen, and those every profile shares). The renderer hiding a screen is not a boundary: a registry desk's screen
 * cannot start a reception case, a reception window cannot issue certificates, and the unattended, resident-facing
 * extension terminal can do neither, nor list cases. Both transports (Electron IPC and the web host's WebSocket)
 * reach the services through the one dispatch this wraps (services/entry.ts answers the parent port with it).
 */
import { CALL_NAMES, isCallName, type CallName } from '../../contract/api';
import { TerminalError, toErrorShape } from '../../contract/errors';
import type { Dispatch } from '../../contract/wire';
import { profileCalls, SCOPED_CALLS, viewsOf, type ScopedCallName, type TerminalProfile, type TerminalView } from '../../domain/terminal-profile';

// Every name in the profile tables is a contract call: a typo or a renamed call fails the type check.
const tableNamesAreCalls: [Exclude<ScopedCallName, CallName>] extends [never] ? true : never = true;
void tableNamesAreCalls;

/** Contract calls no profile may make (none today): a call added to the contract must be given to a screen. */
export function unscopedCalls(): CallName[] {
  return CALL_NAMES.filter((name) => !(SCOPED_CALLS as ReadonlySet<string>).has(name));
}

/** A call made on behalf of a screen (the card reader's requester) names one of this profile's screens. */
export function refuseViewOutsideProfile(profile: TerminalProfile, view: TerminalView): void {
  if (!viewsOf(profile).includes(view)) throw new TerminalError('view-outside-profile', `${view} is not a screen of the ${profile} profile`, { view, profile });
}

/**
 * Wraps the dispatcher: a contract call outside the profile is answered `call-outside-profile` before its input is
 * read or any handler (the officer check included) runs.
 */
export function scopeToProfile(dispatch: Dispatch, profile: TerminalProfile): Dispatch {
  return async (method, params) => {
    if (isCallName(method) && !profileCalls(profile, method)) {
      return { ok: false, error: toErrorShape(new TerminalError('call-outside-profile', `${method} is not a call of the ${profile} profile`, { call: method, profile })) };
    }
    return dispatch(method, params);
  };
}
