import { fork } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { FromServices, SlotsReplyMessage, SlotsRequestMessage, ToServices } from '../../contract/services-port';
import { generateSm2KeyPair } from '../../crypto';
import { silentLogger } from '../../domain/logger';
import { buildRelease } from '../../sync/fleet/release-builder';
import { writeFakeApp } from '../../sync/testing/fake-app';
import { tempDir } from '../../sync/testing/harness';
import type { ServicesProcess } from '../supervisor/services-process';
import { shellSlotHost } from './slot-shell';
import { superviseFromSlots } from './slot-supervisor';

/**
 * A services process in a payload: plain ESM importing a package by bare name (resolved from the shell, not the
 * slot), telling which payload it came from, answering the health gate as its mode says.
 */
function fakeServices(marker: string, mode: 'healthy' | 'unhealthy' | 'crash', bareImport = true): string {
  return `${bareImport ? "import { z } from 'zod';" : "const z = { object() {} };"}
const marker = ${JSON.stringify(marker)};
const mode = ${JSON.stringify(mode)};
process.on('message', (m) => {
  if (m.type === 'start') {
    if (mode === 'crash') process.exit(1);
    process.send({ type: 'event', event: 'fake.loaded', payload: { marker, zod: typeof z.object, running: m.updates?.slots.running ?? null } });
    process.send({ type: 'ready', pid: process.pid, backendUrl: 'http://127.0.0.1:9' });
  } else if (m.type === 'health') {
    process.send({ type: 'health-reply', id: m.id, selfCheckFailures: 0, syncRoundTrip: mode === 'healthy', ...(mode === 'healthy' ? {} : { detail: 'backend unreachable' }) });
  } else if (m.type === 'ping') process.send({ type: 'pong', id: m.id });
  else if (m.type === 'stop') process.exit(0);
});
process.on('disconnect', () => process.exit(0));
`;
}

const keys = generateSm2KeyPair();
const loader = fileURLToPath(new URL('./slot-services.ts', import.meta.url));

function forkAt(entry: string, env: Record<string, string>): ServicesProcess {
  const child = fork(entry, [], { env: { ...process.env, ...env }, execArgv: entry.endsWith('.ts') ? ['--import', 'tsx'] : [], serialization: 'advanced', stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  return {
    get pid() {
      return child.pid;
    },
    send: (message: ToServices) => void (child.connected && child.send(message)),
    onMessage: (listener: (message: FromServices) => void) => void child.on('message', (message) => listener(message as FromServices)),
    onExit: (listener) => void child.once('exit', (code, signal) => listener(code, signal)),
    kill: () => void child.kill('SIGKILL'),
  };
}

describe('the shell boots the services and the renderer from the active slot', () => {
  const dir = tempDir('slot-host-');
  const stops: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const stop of stops.splice(0)) await stop();
  });
  afterAll(() => dir.remove());

  async function release(version: string, mode: 'healthy' | 'unhealthy' | 'crash'): Promise<{ envelope: string; archivePath: string }> {
    const root = join(dir.path, `build-${version}`);
    writeFakeApp(root, version);
    writeFileSync(join(root, 'main/services.js'), fakeServices(version, mode));
    const archivePath = join(dir.path, `${version}.tgz`);
    const { signed } = await buildRelease({ root, version, channel: 'stable', minShellVersion: '0.0.0', keys, archivePath });
    return { envelope: JSON.stringify(signed), archivePath };
  }

  async function terminal(name: string) {
    const builtinDir = join(dir.path, `${name}-shell`);
    writeFakeApp(builtinDir, 'built-in');
    // The shell's own app is outside any package tree here, so it imports nothing by bare name.
    writeFileSync(join(builtinDir, 'main/services.js'), fakeServices('built-in', 'healthy', false));
    const host = shellSlotHost({ dataDir: join(dir.path, name), builtinDir, pinnedKeys: [keys.publicKey], logger: silentLogger, env: { TERMINAL_HEALTH_GATE_MS: '2000' } });
    const loaded: string[] = [];
    const replies: SlotsReplyMessage[] = [];
    const { supervisor, start } = superviseFromSlots({
      host,
      forkAt,
      loaderEntry: loader,
      startMessage: () => ({ type: 'start' }),
      updatesEnabled: true,
      logger: silentLogger,
      backoff: { initialMs: 20, maxMs: 100 },
    });
    supervisor.events.connect((event, payload) => {
      if (event === 'fake.loaded') loaded.push((payload as { marker: string; zod: string }).marker + (payload as { zod: string }).zod.replace('function', ''));
    });
    // What the update agent in the services sends; the test plays the agent, and reads the shell's answers.
    const original = supervisor.send.bind(supervisor);
    supervisor.send = (message) => {
      if (message.type === 'slots-reply') replies.push(message);
      return original(message);
    };
    let nextId = 1;
    const ask = async (op: SlotsRequestMessage['op'], args: SlotsRequestMessage['args'] = []): Promise<SlotsReplyMessage> => {
      const id = nextId++;
      host.onServiceMessage({ type: 'slots', id, op, args });
      await until(() => replies.some((reply) => reply.id === id));
      return replies.find((reply) => reply.id === id)!;
    };
    await start();
    stops.push(() => supervisor.stop());
    return { host, supervisor, loaded, ask };
  }

  it('applies a staged version by restarting the services from the trial slot (packages resolved from the shell), passes the gate, commits; the renderer is served verified from the slot', async () => {
    const t = await terminal('good');
    expect(t.loaded).toEqual(['built-in']);
    const v11 = await release('1.1.0', 'healthy');
    expect(await t.ask('stage', [v11.envelope, v11.archivePath])).toMatchObject({ ok: true, snapshot: { staged: { version: '1.1.0' } } });
    expect(await t.ask('beginTrial', [0])).toMatchObject({ ok: true, snapshot: { trying: { version: '1.1.0' }, running: '1.1.0' } });
    await t.ask('apply');
    await until(() => t.host.gateResults().length === 1);
    expect(t.loaded).toEqual(['built-in', '1.1.0']);
    expect(t.host.gateResults()[0]).toMatchObject({ version: '1.1.0', result: { passed: true } });
    expect(t.host.snapshot()).toMatchObject({ running: '1.1.0', trying: null, staged: null });
    expect(t.host.snapshot().events.map((event) => event.step)).toEqual(['staged', 'trying', 'committed']);

    const page = await t.host.readRendererFile('/');
    expect(page?.body.toString()).toBe('<html>1.1.0</html>');
    // Changed on disk after the start: not served.
    writeFileSync(join(t.host.rendererDir(), 'index.html'), '<html>evil</html>');
    expect(await t.host.readRendererFile('/index.html')).toBeUndefined();
    // Not in the signed list: not served either.
    mkdirSync(join(t.host.rendererDir(), 'x'), { recursive: true });
    writeFileSync(join(t.host.rendererDir(), 'x/extra.js'), 'alert(1)');
    expect(await t.host.readRendererFile('/x/extra.js')).toBeUndefined();
  });

  it('a version whose services fail the health gate is rolled back within the gate time, the services run the previous one again, and it is never staged again', async () => {
    const t = await terminal('bad');
    const bad = await release('1.2.0', 'unhealthy');
    await t.ask('stage', [bad.envelope, bad.archivePath]);
    await t.ask('beginTrial', [0]);
    await t.ask('apply');
    await until(() => t.host.gateResults().length === 1 && t.loaded.length === 3);
    expect(t.host.gateResults()[0]).toMatchObject({ version: '1.2.0', result: { passed: false, reason: 'sync-round-trip-failed' } });
    expect(t.loaded).toEqual(['built-in', '1.2.0', 'built-in']);
    expect(t.host.snapshot()).toMatchObject({ running: t.host.decision().version, failed: ['1.2.0'], trying: null });
    expect(t.host.snapshot().events.at(-1)).toMatchObject({ step: 'rolled-back', version: '1.2.0', reason: 'health-gate-failed' });
    expect(await t.ask('stage', [bad.envelope, bad.archivePath])).toMatchObject({ ok: false, error: { code: 'release-previously-failed' } });
  });

  it('services of a trial that crash at every start are rolled back after the slot store counts a crash loop', async () => {
    const t = await terminal('crash');
    const crash = await release('1.3.0', 'crash');
    await t.ask('stage', [crash.envelope, crash.archivePath]);
    await t.ask('beginTrial', [0]);
    await t.ask('apply');
    await until(() => t.loaded.length === 2);
    expect(t.loaded).toEqual(['built-in', 'built-in']);
    expect(t.host.snapshot()).toMatchObject({ failed: ['1.3.0'], trying: null });
    expect(t.host.snapshot().events.at(-1)).toMatchObject({ step: 'rolled-back', version: '1.3.0', reason: 'crash-loop' });
    expect(t.supervisor.state).toBe('ready');
  });
});

async function until(probe: () => boolean, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!probe()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
