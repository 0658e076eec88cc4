/**
 * The centre channel against the reference backend on loopback: the SM2
 * handshake, commands carried out once whatever the connection does, events
 * delivered once across outages and restarts.
 */
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../domain/logger';
import { generateSm2KeyPair, sm2Sign } from '../../crypto';
import { startPair, waitFor } from '../testing/harness';
import { CentreChannel, type ChannelSigner } from './centre-channel';

type Pair = Awaited<ReturnType<typeof startPair>>;

let pair: Pair;
let signer: ChannelSigner;
const channels: CentreChannel[] = [];

function openChannel(options: { signer?: ChannelSigner; store?: string } = {}): CentreChannel {
  const channel = new CentreChannel({
    backendUrl: pair.backend.url,
    signer: options.signer ?? signer,
    storePath: options.store ?? join(pair.dir, 'terminal', 'centre-channel.sqlite'),
    logger: silentLogger,
    backoff: { baseMs: 20, capMs: 200 },
  });
  channels.push(channel);
  return channel;
}

async function connected(channel: CentreChannel): Promise<void> {
  channel.start();
  await waitFor(() => channel.status().state === 'connected', 10_000, 'channel connected');
}

/** A handler that blocks until released, counting its runs. */
function gate<T>(value: T): { runs: number; handler: () => Promise<T>; release(): void; started: Promise<void> } {
  let release!: () => void;
  let markStarted!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const started = new Promise<void>((resolve) => (markStarted = resolve));
  const state = {
    runs: 0,
    started,
    release: () => release(),
    handler: async () => {
      state.runs += 1;
      markStarted();
      await released;
      return value;
    },
  };
  return state;
}

beforeEach(async () => {
  pair = await startPair();
  await pair.sync.pullNow(); // registers the terminal's key with the backend
  const own = pair.sync.terminalSigner();
  signer = { terminalId: own.terminalId, sign: (message) => own.sign(message) };
});

afterEach(async () => {
  for (const channel of channels.splice(0)) await channel.stop();
  await pair.close();
});

describe('centre channel', () => {
  it('opens with the terminal SM2 signature and carries a command out, the centre receiving its result', async () => {
    const channel = openChannel();
    channel.handle('echo', (payload) => ({ echoed: payload }));
    await connected(channel);
    expect(pair.backend.centre.connected(signer.terminalId)).toBe(true);
    const { command } = pair.backend.centre.sendCommand(signer.terminalId, 'echo', { n: 1 });
    const done = await pair.backend.centre.waitFor(command.id, 5_000);
    expect(done).toMatchObject({ state: 'done', result: { echoed: { n: 1 } } });
  });

  it('is refused, by code, to a key the centre does not know and to an unregistered terminal', async () => {
    const stranger = generateSm2KeyPair();
    const impostor = openChannel({ signer: { terminalId: signer.terminalId, sign: (message) => sm2Sign(message, stranger) }, store: join(pair.dir, 'impostor.sqlite') });
    impostor.start();
    // Refused, by code, between its retries (which keep being refused).
    await waitFor(() => impostor.status().state === 'refused' && impostor.status().problem === 'signature-invalid', 10_000, 'impostor refused');
    const unknown = openChannel({ signer: { terminalId: 'wt-nobody', sign: (message) => sm2Sign(message, stranger) }, store: join(pair.dir, 'unknown.sqlite') });
    unknown.start();
    await waitFor(() => unknown.status().state === 'refused' && unknown.status().problem === 'terminal-unknown', 10_000, 'unknown terminal refused');
    expect(pair.backend.centre.connected(signer.terminalId)).toBe(false);
  });

  it('answers a command re-sent after a lost acknowledgement from its record: a card read requested is read once', async () => {
    const channel = openChannel();
    const reader = gate({ card: 'read' });
    channel.handle('card.read', reader.handler);
    await connected(channel);
    const { command } = pair.backend.centre.sendCommand(signer.terminalId, 'card.read', {});
    await reader.started;
    // The connection dies while the card is being read: the acknowledgement cannot go.
    await pair.backend.pause();
    await waitFor(() => channel.status().state !== 'connected', 10_000, 'channel down');
    reader.release();
    await waitFor(() => channel.commandsDone('card.read') === 1, 10_000, 'outcome recorded');
    expect(pair.backend.centre.store.command(command.id)?.state).toBe('pending');
    await pair.backend.resume();
    const done = await pair.backend.centre.waitFor(command.id, 10_000);
    expect(done).toMatchObject({ state: 'done', result: { card: 'read' } });
    expect(done!.sentCount).toBe(2); // re-sent after the reconnect...
    expect(reader.runs).toBe(1); // ...and not carried out again
  });

  it('does not start a command again when it is re-sent while still running', async () => {
    const channel = openChannel();
    const reader = gate('ok');
    channel.handle('card.read', reader.handler);
    await connected(channel);
    const { command } = pair.backend.centre.sendCommand(signer.terminalId, 'card.read', {});
    await reader.started;
    channel.reconnectNow();
    await waitFor(() => (pair.backend.centre.store.command(command.id)?.sentCount ?? 0) >= 2, 10_000, 'command re-sent');
    reader.release();
    const done = await pair.backend.centre.waitFor(command.id, 10_000);
    expect(done?.state).toBe('done');
    expect(reader.runs).toBe(1);
  });

  it('delivers a command queued while the terminal was away once it connects, and one command id is one command', async () => {
    let runs = 0;
    const first = pair.backend.centre.sendCommand(signer.terminalId, 'card.read', {}, 'console-click-1');
    const again = pair.backend.centre.sendCommand(signer.terminalId, 'card.read', {}, 'console-click-1');
    expect(first.created).toBe(true);
    expect(again.created).toBe(false);
    const channel = openChannel();
    channel.handle('card.read', () => ++runs);
    await connected(channel);
    const done = await pair.backend.centre.waitFor('console-click-1', 10_000);
    expect(done).toMatchObject({ state: 'done', result: 1 });
    expect(runs).toBe(1);
  });

  it('keeps a command answered across a terminal restart: the same command after the restart is not carried out again', async () => {
    const store = join(pair.dir, 'restart.sqlite');
    const before = openChannel({ store });
    const reader = gate('first');
    before.handle('card.read', reader.handler);
    await connected(before);
    const { command } = pair.backend.centre.sendCommand(signer.terminalId, 'card.read', {});
    await reader.started;
    await pair.backend.pause();
    reader.release();
    await waitFor(() => before.commandsDone('card.read') === 1, 10_000, 'outcome recorded');
    await before.stop();
    await pair.backend.resume();
    let runsAfter = 0;
    const after = openChannel({ store });
    after.handle('card.read', () => ++runsAfter);
    await connected(after);
    const done = await pair.backend.centre.waitFor(command.id, 10_000);
    expect(done).toMatchObject({ state: 'done', result: 'first' });
    expect(runsAfter).toBe(0);
  });

  it('keeps events reported while the centre is away, across a restart, and the centre stores each once', async () => {
    const store = join(pair.dir, 'events.sqlite');
    const before = openChannel({ store });
    await connected(before);
    before.publish('self-check', { round: 1 }, 'evt-1');
    await waitFor(() => before.pendingEvents() === 0, 10_000, 'first event acknowledged');
    await pair.backend.pause();
    await waitFor(() => before.status().state !== 'connected', 10_000, 'channel down');
    before.publish('self-check', { round: 2 }, 'evt-2');
    before.publish('ticket.taken', { ticket: 'A001' }, 'evt-3');
    await before.stop();
    await pair.backend.resume();
    const after = openChannel({ store });
    await connected(after);
    await waitFor(() => after.pendingEvents() === 0, 10_000, 'events acknowledged after restart');
    after.publish('self-check', { round: 2 }, 'evt-2'); // the same event again is not a second event
    await waitFor(() => after.pendingEvents() === 0, 10_000, 'repeat acknowledged');
    const events = pair.backend.centre.events(signer.terminalId);
    expect(events.map((event) => event.id)).toEqual(['evt-1', 'evt-2', 'evt-3']);
    expect(pair.backend.centre.store.lastState(signer.terminalId)?.state).toEqual({ round: 2 });
  });

  it('refuses a malformed frame without closing the channel', async () => {
    const channel = openChannel();
    channel.handle('echo', (payload) => payload);
    await connected(channel);
    const { command } = pair.backend.centre.sendCommand(signer.terminalId, 'Bad Name!', {});
    // The bad command reaches the terminal, which refuses the frame; the channel stays up for the next.
    const next = pair.backend.centre.sendCommand(signer.terminalId, 'echo', 7);
    expect((await pair.backend.centre.waitFor(next.command.id, 5_000))?.result).toBe(7);
    expect(pair.backend.centre.store.command(command.id)?.state).toBe('pending');
    expect(channel.status().state).toBe('connected');
  });
});
