/** The resident's ticket against the reference backend's queue: one ticket whatever the connection or a crash does. */
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { KioskSession } from '../../domain/kiosk-session';
import { silentLogger } from '../../domain/logger';
import { CentreChannel } from '../../sync/centre-channel/centre-channel';
import { startPair, waitFor } from '../../sync/testing/harness';
import { ResidentSession } from './resident-session';

type Pair = Awaited<ReturnType<typeof startPair>>;
let pair: Pair;
const open: { channel: CentreChannel; session: ResidentSession }[] = [];

function start(): { channel: CentreChannel; session: ResidentSession } {
  const own = pair.sync.terminalSigner();
  const channel = new CentreChannel({
    backendUrl: pair.backend.url,
    signer: { terminalId: own.terminalId, sign: (message) => own.sign(message) },
    storePath: join(pair.dir, 'channel.sqlite'),
    logger: silentLogger,
    backoff: { baseMs: 20, capMs: 200 },
  });
  const session = new ResidentSession(channel, join(pair.dir, 'session.sqlite'), silentLogger);
  channel.start();
  session.resume();
  const pairOf = { channel, session };
  open.push(pairOf);
  return pairOf;
}

async function stop(entry: { channel: CentreChannel; session: ResidentSession }): Promise<void> {
  open.splice(open.indexOf(entry), 1);
  entry.session.close();
  await entry.channel.stop();
}

async function ticketsAtBackend(): Promise<{ state: string }[]> {
  const { tickets } = (await (await fetch(`${pair.backend.url}/centre/queue/tickets`)).json()) as { tickets: { state: string }[] };
  return tickets.map((ticket) => ({ state: ticket.state }));
}

beforeEach(async () => {
  pair = await startPair();
  await pair.sync.pullNow();
});

afterEach(async () => {
  for (const entry of [...open]) await stop(entry);
  await pair.close();
});

describe('resident session', () => {
  it('lists the centres with the home centre named, and takes a ticket with its place in the queue', async () => {
    const { channel, session } = start();
    await waitFor(() => channel.status().state === 'connected', 10_000, 'connected');
    const list = await session.centres();
    expect(list.homeCentreId).toBe('huangpu-waitan');
    expect(list.centres.map((centre) => centre.waiting)).toEqual([2, 5, 0]);
    const taken = await session.takeTicket('huangpu-waitan');
    expect(taken).toMatchObject({ stage: 'waiting', ticket: { number: 'V001', position: 3, estimatedMinutes: 8 } });
    expect((await session.centres()).centres[0]!.waiting).toBe(3);
  });

  it('takes one ticket when asked during an outage: the request goes when the channel is back', async () => {
    const { channel, session } = start();
    await waitFor(() => channel.status().state === 'connected', 10_000, 'connected');
    await pair.backend.pause();
    await waitFor(() => channel.status().state !== 'connected', 10_000, 'down');
    const taking = session.takeTicket('pudong-lujiazui');
    await pair.backend.resume();
    expect(await taking).toMatchObject({ stage: 'waiting', ticket: { number: 'V001' } });
    expect(await ticketsAtBackend()).toEqual([{ state: 'waiting' }]);
  });

  it('answers the same ticket request twice with the same ticket', async () => {
    const { channel } = start();
    await waitFor(() => channel.status().state === 'connected', 10_000, 'connected');
    const first = await channel.request<{ ticketId: string }>('queue.take', { centreId: 'xuhui-tianping' }, { id: 'take-1' });
    const again = await channel.request<{ ticketId: string }>('queue.take', { centreId: 'xuhui-tianping' }, { id: 'take-1' });
    expect(again.ticketId).toBe(first.ticketId);
    expect(await ticketsAtBackend()).toHaveLength(1);
  });

  it('after a crash before the centre answered, takes that same ticket at the next start, and resumes a waiting one', async () => {
    const before = start();
    await waitFor(() => before.channel.status().state === 'connected', 10_000, 'connected');
    await pair.backend.pause();
    await waitFor(() => before.channel.status().state !== 'connected', 10_000, 'down');
    const lost = before.session.takeTicket('huangpu-waitan').catch((error: unknown) => error);
    await stop(before); // the services die with the request unanswered
    expect(await lost).toMatchObject({ code: 'centre-unreachable' });
    await pair.backend.resume();

    const after = start();
    const changed = await new Promise<KioskSession>((resolve) => after.session.once('changed', resolve));
    expect(changed).toMatchObject({ stage: 'waiting', ticket: { number: 'V001' } });
    expect(await ticketsAtBackend()).toEqual([{ state: 'waiting' }]);
    await stop(after);

    const again = start();
    expect(again.session.session()).toMatchObject({ stage: 'waiting', ticket: { number: 'V001' } });
    await waitFor(() => again.channel.status().state === 'connected', 10_000, 'connected');
    expect(await ticketsAtBackend()).toHaveLength(1);
  });

  it('shows the call for its own ticket only', async () => {
    const { channel, session } = start();
    await waitFor(() => channel.status().state === 'connected', 10_000, 'connected');
    const taken = await session.takeTicket('huangpu-waitan');
    const ticketId = taken.stage === 'waiting' ? taken.ticket.ticketId : '';
    pair.backend.centre.sendCommand(pair.sync.terminalId()!, 'ticket.called', { ticketId: 'someone-else', officer: { name: 'A', window: '1' } }, 'stray');
    expect((await pair.backend.centre.waitFor('stray', 5_000))?.result).toEqual({ shown: false });
    const res = await fetch(`${pair.backend.url}/centre/queue/tickets/${ticketId}/call`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ officerName: '王敏', window: '3' }) });
    expect(res.status).toBe(200);
    await waitFor(() => session.session().stage === 'called', 5_000, 'called');
    expect(session.session()).toMatchObject({ stage: 'called', officer: { name: '王敏', window: '3' } });
  });

  it('after a restart, looks a called ticket up again: one the centre no longer calls (restored from a backup) does not hold the kiosk', async () => {
    const before = start();
    await waitFor(() => before.channel.status().state === 'connected', 10_000, 'connected');
    const taken = await before.session.takeTicket('huangpu-waitan');
    const ticketId = taken.stage === 'waiting' ? taken.ticket.ticketId : '';
    const backup = pair.backend.backup();
    await fetch(`${pair.backend.url}/centre/queue/tickets/${ticketId}/call`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ officerName: '王敏', window: '3' }) });
    await waitFor(() => before.session.session().stage === 'called', 5_000, 'called');
    await stop(before);

    // The centre comes back from a backup taken before the call: the ticket waits again and no command will say so.
    pair.backend.restore(backup);
    const after = start();
    expect(after.session.session().stage).toBe('called');
    await waitFor(() => after.session.session().stage === 'waiting', 10_000, 'waiting again');
    expect(after.session.session()).toMatchObject({ stage: 'waiting', ticket: { ticketId, number: 'V001' } });
  });
});
