/**
 * The guard at the service boundary: officer-only calls are refused on a
 * locked screen, but the fleet's idle signal is not, so a locked terminal
 * (or one whose services restarted under a locked session) can still say it
 * has no case open and take an update.
 */
import { describe, expect, it } from 'vitest';
import { TerminalError } from '../../contract/errors';
import type { Handlers } from '../rpc/dispatcher';
import { guardHandlers } from './officer-guard';
import type { OfficerSession } from './officer-session';

describe('officer guard', () => {
  it('refuses officer-only calls on a locked screen but takes the activity report', async () => {
    const locked = {
      requireOfficer: () => {
        throw new TerminalError('officer-screen-locked', 'the screen is locked');
      },
    } as unknown as OfficerSession;
    const reported: unknown[] = [];
    const handlers = {
      'activity.report': (input: { caseOpen: boolean }) => {
        reported.push(input);
        return { idle: !input.caseOpen };
      },
      'cases.list': () => [],
    } as unknown as Handlers;
    const guarded = guardHandlers(handlers, locked) as unknown as Record<string, (input: unknown) => unknown>;
    expect(await guarded['activity.report']!({ caseOpen: false })).toEqual({ idle: true });
    expect(reported).toEqual([{ caseOpen: false }]);
    expect(() => guarded['cases.list']!(undefined)).toThrow(expect.objectContaining({ code: 'officer-screen-locked' }));
  });
});
