/**
 * The supervisor against real child processes (child_process.fork with IPC,
 * as in the web host): a small stand-in services entry that speaks the port
 * protocol, killed with SIGKILL the way a native crash ends the real one.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../domain/logger';
import { childProcessFork } from './child-process';
import { ServicesSupervisor } from './supervisor';

/** Answers `echo` at once, never answers `hang`, spins forever on `freeze`, emits `tick` on `emit`; FAIL_START=1 refuses to start. */
const STAND_IN = `
process.on('message', (message) => {
  if (message.type === 'start') {
    if (process.env.FAIL_START === '1') { process.send({ type: 'failed', message: 'invalid terminal configuration: backendUrl: missing' }); setImmediate(() => process.exit(1)); return; }
    process.send({ type: 'ready', pid: process.pid, backendUrl: 'http://127.0.0.1:1', keyBytes: message.dataKey ? message.dataKey.length : 0 });
  }
  if (message.type === 'request' && message.method === 'echo') process.send({ type: 'response', id: message.id, ok: true, result: { params: message.params, pid: process.pid } });
  if (message.type === 'request' && message.method === 'emit') { process.send({ type: 'event', event: 'tick', payload: { n: 1 } }); process.send({ type: 'response', id: message.id, ok: true, result: null }); }
  if (message.type === 'request' && message.method === 'freeze') for (;;) {}
  if (message.type === 'ping') process.send({ type: 'pong', id: message.id });
  if (message.type === 'stop') process.exit(0);
});
process.on('disconnect', () => process.exit(0));
`;

let dir: string;
let entry: string;
const supervisors: ServicesSupervisor[] = [];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'supervisor-'));
  entry = join(dir, 'services.cjs');
  writeFileSync(entry, STAND_IN);
  return () => rmSync(dir, { recursive: true, force: true });
});

afterEach(async () => {
  while (supervisors.length) await supervisors.pop()!.stop();
});

function supervise(env: NodeJS.ProcessEnv = process.env, heartbeat?: { intervalMs: number; unresponsiveAfterMs: number }): ServicesSupervisor {
  const supervisor = new ServicesSupervisor({
    fork: childProcessFork(entry, env),
    startMessage: () => ({ type: 'start', dataKey: new Uint8Array(32) }),
    logger: silentLogger,
    backoff: { initialMs: 20, maxMs: 200 },
    ...(heartbeat ? { heartbeat } : {}),
  });
  supervisors.push(supervisor);
  return supervisor;
}

describe('services supervisor', () => {
  it('starts the services, relays calls and their events, and hands the data key over as bytes', async () => {
    const supervisor = supervise();
    const ready = await supervisor.start();
    expect(ready).toMatchObject({ type: 'ready', keyBytes: 32 });
    expect(ready.pid).toBe(supervisor.pid);
    const seen: unknown[] = [];
    supervisor.events.connect((event, payload) => seen.push({ event, payload }));
    expect(await supervisor.dispatch('echo', { a: 1 })).toEqual({ ok: true, result: { params: { a: 1 }, pid: ready.pid } });
    await supervisor.dispatch('emit', undefined);
    expect(seen).toEqual([{ event: 'tick', payload: { n: 1 } }]);
  });

  it('a killed services process: the call in flight fails at once with services-restarting, the renderer is told, and it serves again', async () => {
    const supervisor = supervise();
    const first = await supervisor.start();
    const states: string[] = [];
    supervisor.events.connect((event, payload) => {
      if (event === 'services.status') states.push((payload as { state: string }).state);
    });
    const inFlight = supervisor.dispatch('hang', {});
    process.kill(first.pid, 'SIGKILL');
    expect(await inFlight).toEqual({ ok: false, error: { code: 'services-restarting', message: 'the services process is restarting' } });
    // While it restarts, a call is refused at once rather than queued.
    expect(await supervisor.dispatch('echo', {})).toMatchObject({ ok: false, error: { code: 'services-restarting' } });
    await expect.poll(() => states).toEqual(['restarting', 'ready']);
    const reply = await supervisor.dispatch('echo', { again: true });
    expect(reply).toMatchObject({ ok: true, result: { params: { again: true } } });
    expect((reply as { result: { pid: number } }).result.pid).not.toBe(first.pid);
  });

  it('keeps restarting after repeated crashes', async () => {
    const supervisor = supervise();
    let pid = (await supervisor.start()).pid;
    for (let crash = 0; crash < 3; crash += 1) {
      process.kill(pid, 'SIGKILL');
      await expect.poll(() => supervisor.state === 'ready' && supervisor.pid !== pid).toBe(true);
      pid = supervisor.pid!;
    }
    expect(await supervisor.dispatch('echo', 1)).toMatchObject({ ok: true });
  });

  it('a hung services process (its event loop stuck) is killed and restarted; the call stuck in it fails, never hangs', async () => {
    const supervisor = supervise(process.env, { intervalMs: 20, unresponsiveAfterMs: 1000 });
    const { pid } = await supervisor.start();
    // Answering its heartbeat, it is left alone for several times the limit.
    for (let call = 0; call < 30; call += 1) {
      expect(await supervisor.dispatch('echo', call)).toMatchObject({ ok: true, result: { pid } });
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(await supervisor.dispatch('freeze', {})).toMatchObject({ ok: false, error: { code: 'services-restarting' } });
    await expect.poll(() => supervisor.state === 'ready' && supervisor.pid !== pid).toBe(true);
    expect(await supervisor.dispatch('echo', 'after')).toMatchObject({ ok: true });
  });

  it('a services process that cannot start fails the first start with its own words', async () => {
    const supervisor = supervise({ ...process.env, FAIL_START: '1' });
    await expect(supervisor.start()).rejects.toThrow('invalid terminal configuration: backendUrl: missing');
  });

  it('stop ends the services process and later calls are refused, not hung', async () => {
    const supervisor = supervise();
    const { pid } = await supervisor.start();
    await supervisor.stop();
    expect(() => process.kill(pid, 0)).toThrow();
    expect(await supervisor.dispatch('echo', {})).toMatchObject({ ok: false, error: { code: 'services-restarting' } });
  });
});
