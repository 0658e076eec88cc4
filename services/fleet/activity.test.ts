import { describe, expect, it } from 'vitest';
import { TerminalActivity } from './activity';

describe('terminal activity (the idle signal updates wait for)', () => {
  it('is idle only when the screen reported no open case, no print job runs and no video session', () => {
    const activity = new TerminalActivity();
    expect(activity.idle()).toEqual({ idle: false, reason: 'busy' });
    expect(activity.report({ caseOpen: true })).toEqual({ idle: false, reason: 'case-open' });
    expect(activity.report({ caseOpen: false })).toEqual({ idle: true });
    activity.jobChanged({ id: 'j1', state: 'processing' });
    expect(activity.idle()).toEqual({ idle: false, reason: 'printing' });
    activity.jobChanged({ id: 'j1', state: 'completed' });
    expect(activity.report({ caseOpen: false, videoSession: true })).toEqual({ idle: false, reason: 'video-session' });
    activity.report({ caseOpen: false });
    activity.screenLost();
    expect(activity.idle()).toEqual({ idle: false, reason: 'busy' });
  });
});
