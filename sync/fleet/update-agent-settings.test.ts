import { describe, expect, it } from 'vitest';
import type { ReleaseChannel } from './release-manifest';
import { UpdateAgent, type ReleaseStager } from './update-agent';
import type { UpdateWindow } from '../../domain/update-window';

/** A stager with 1.1.0 staged; records whether a trial began. */
function stagedStager(): ReleaseStager & { trials: number } {
  const stager = {
    trials: 0,
    runningVersion: () => '1.0.0',
    failedVersions: () => [],
    state: () => ({ staged: { version: '1.1.0' }, trying: null }),
    stage: async () => {
      throw new Error('not used');
    },
    beginTrial: () => {
      stager.trials += 1;
      return { version: '1.1.0', fromVersion: '1.0.0' };
    },
    dropStaged: () => false,
    pendingEvents: () => [],
    acknowledgeEvents: () => undefined,
  };
  return stager;
}

describe('update agent: channel and update window from the configuration in force', () => {
  it('asks for the configured channel, read at each check (a pushed channel counts at once)', async () => {
    const asked: string[] = [];
    const settings: { channel?: ReleaseChannel } = {};
    const agent = new UpdateAgent({
      request: async <T>(method: string, path: string) => {
        asked.push(`${method} ${path}`);
        return { status: 200, headers: {}, data: { release: null } as T };
      },
      stager: { ...stagedStager(), state: () => ({ staged: null, trying: null }) },
      pinnedKeys: [],
      shellVersion: '1.0.0',
      channel: 'stable',
      settings: () => settings,
      downloadDir: '/nonexistent',
      isIdle: () => ({ idle: true }),
      applyUpdate: async () => undefined,
    });
    await agent.checkOnce();
    settings.channel = 'canary';
    await agent.checkOnce();
    const checks = asked.filter((line) => line.startsWith('GET /v1/updates'));
    expect(checks[0]).toContain('channel=stable');
    expect(checks[1]).toContain('channel=canary');
    expect(asked.find((line) => line.startsWith('POST /v1/fleet/reports'))).toBeDefined();
  });

  it('applies only inside the window (Beijing time, across midnight), idle as well, and says when it will', async () => {
    const stager = stagedStager();
    let now = Date.parse('2026-11-28T06:00:00Z'); // 14:00 in Beijing
    let window: UpdateWindow | undefined = { from: '22:00', to: '06:00' };
    let applied = 0;
    let idle = true;
    const agent = new UpdateAgent({
      request: async <T>() => ({ status: 200, headers: {}, data: {} as T }),
      stager,
      pinnedKeys: [],
      shellVersion: '1.0.0',
      channel: 'stable',
      settings: () => ({ channel: 'stable', ...(window ? { window } : {}) }),
      clock: () => now,
      downloadDir: '/nonexistent',
      isIdle: () => (idle ? { idle: true } : { idle: false, reason: 'case-open' }),
      applyUpdate: async () => {
        applied += 1;
      },
    });
    expect(await agent.applyIfIdle()).toBe(false);
    expect(agent.status()).toMatchObject({ state: 'ready', waitingFor: 'update-window', appliesAt: '22:00' });
    expect(stager.trials).toBe(0);

    now = Date.parse('2026-11-28T15:30:00Z'); // 23:30 in Beijing: inside, but a case is open
    idle = false;
    expect(await agent.applyIfIdle()).toBe(false);
    expect(agent.status()).toMatchObject({ state: 'ready', waitingFor: 'case-open' });
    expect(agent.status().appliesAt).toBeUndefined();

    idle = true;
    expect(await agent.applyIfIdle()).toBe(true);
    expect(stager.trials).toBe(1);
    expect(applied).toBe(1);
    expect(agent.status()).toMatchObject({ state: 'applying', available: '1.1.0' });

    // A push that removes the window: any time again.
    window = undefined;
    now = Date.parse('2026-11-28T06:00:00Z');
    expect(await agent.applyIfIdle()).toBe(true);
  });
});
