/**
 * The resident's journey on the services side: centres and their queues,
 * taking a ticket, being called or skipped by the centre. Each step is kept on
 * disk before it is acted on, and a ticket request carries an id chosen before
 * it is sent, so a lost connection or a crash takes one ticket, never two.
 */
import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { TerminalError } from '../../contract/errors';
import type { CentreList, KioskSession, QueueTicket } from '../../domain/kiosk-session';
import type { Logger } from '../../domain/logger';
import type { CentreChannel } from '../../sync/centre-channel/centre-channel';
import { SessionStore } from './session-store';

/** While waiting, the position is asked for this often (the centre's count moves as others are served). */
const REFRESH_MS = 10_000;

interface PendingTake {
  requestId: string;
  centreId: string;
}

export class ResidentSession extends EventEmitter<{ changed: [KioskSession] }> {
  readonly #store: SessionStore;
  #session: KioskSession;
  #refresh: NodeJS.Timeout | undefined;

  constructor(
    private readonly channel: CentreChannel,
    storePath: string,
    private readonly logger: Logger,
  ) {
    super();
    this.#store = new SessionStore(storePath);
    this.#session = this.#store.get<KioskSession>('session') ?? { stage: 'idle' };
    channel.handle('ticket.called', (payload) => this.#called(payload as { ticketId: string; officer: { name: string; window: string } }));
    channel.handle('ticket.skipped', (payload) => this.#skipped(payload as { ticketId: string }));
  }

  /**
   * After a restart: a ticket request that was never answered is sent again under its id; a waiting or called ticket
   * is looked up again, so one the centre skipped, finished or no longer knows does not hold the kiosk (a called
   * resident is never sent back to the welcome screen by idleness).
   */
  resume(): void {
    const pending = this.#store.get<PendingTake>('pendingTake');
    if (pending) {
      this.#take(pending).catch((error: unknown) => this.logger.warn('kiosk: resuming a ticket request failed', { detail: String(error) }));
    } else if (this.#session.stage === 'waiting' || this.#session.stage === 'called') {
      void this.#refreshTicket(true);
    }
    this.#schedule();
  }

  /** The session's file, shared with the evaluation (both must survive a crash together). */
  get store(): SessionStore {
    return this.#store;
  }

  session(): KioskSession {
    return this.#session;
  }

  async centres(): Promise<CentreList> {
    return this.channel.request<CentreList>('queue.centres', {}, { timeoutMs: 5_000 }).catch((error: unknown) => {
      throw asTerminalError(error);
    });
  }

  async takeTicket(centreId: string): Promise<KioskSession> {
    const pending: PendingTake = { requestId: randomUUID(), centreId };
    this.#store.set('pendingTake', pending);
    return this.#take(pending);
  }

  async cancelTicket(): Promise<KioskSession> {
    const current = this.#session;
    this.#store.set('pendingTake', undefined);
    if (current.stage === 'waiting' || current.stage === 'called') {
      await this.channel.request('queue.cancel', { ticketId: current.ticket.ticketId }, { timeoutMs: 5_000 }).catch((error: unknown) => {
        // The centre drops tickets nobody answers; the kiosk must forget the resident regardless.
        this.logger.warn('kiosk: cancelling the ticket at the centre failed', { detail: String(error) });
      });
    }
    return this.#set({ stage: 'idle' });
  }

  close(): void {
    clearInterval(this.#refresh);
    this.#store.close();
  }

  async #take(pending: PendingTake): Promise<KioskSession> {
    let ticket: QueueTicket;
    try {
      ticket = await this.channel.request<QueueTicket>('queue.take', { centreId: pending.centreId }, { id: pending.requestId, timeoutMs: 8_000 });
    } catch (error) {
      const coded = asTerminalError(error);
      // Refused by the centre: nothing to resume. Unanswered: kept, and sent again under the same id at the next start.
      if (coded.code !== 'centre-unreachable') this.#store.set('pendingTake', undefined);
      throw coded;
    }
    const current = this.#store.get<PendingTake>('pendingTake');
    if (current?.requestId === pending.requestId) this.#store.set('pendingTake', undefined);
    return this.#set({ stage: 'waiting', ticket });
  }

  /** `resuming`: also a called ticket (after a restart); otherwise only a waiting one, whose position moves. */
  async #refreshTicket(resuming = false): Promise<void> {
    const current = this.#session;
    const asked = (stage: KioskSession['stage']) => stage === 'waiting' || (resuming && stage === 'called');
    if (!asked(current.stage) || current.stage === 'idle') return;
    try {
      // After a restart the channel may still be connecting: wait for it rather than give up at once.
      const ticket = await this.channel.request<QueueTicket>('queue.ticket', { ticketId: current.ticket.ticketId }, { timeoutMs: resuming ? 30_000 : 5_000 });
      if (!asked(this.#session.stage) || this.#session.stage === 'idle' || this.#session.ticket.ticketId !== ticket.ticketId) return;
      if (ticket.state === 'waiting') this.#set({ stage: 'waiting', ticket });
      else if (ticket.state === 'called' && ticket.officer) this.#set({ stage: 'called', ticket, officer: ticket.officer });
      else if (ticket.state === 'skipped') this.#set({ stage: 'skipped', ticket });
      else this.#set({ stage: 'idle' });
    } catch (error) {
      this.logger.debug('kiosk: ticket refresh failed', { detail: String(error) });
    }
  }

  #called(payload: { ticketId: string; officer: { name: string; window: string } }): { shown: boolean } {
    const current = this.#session;
    if ((current.stage !== 'waiting' && current.stage !== 'called') || current.ticket.ticketId !== payload.ticketId) return { shown: false };
    this.#set({ stage: 'called', ticket: { ...current.ticket, state: 'called', position: 0, officer: payload.officer }, officer: payload.officer });
    return { shown: true };
  }

  #skipped(payload: { ticketId: string }): { shown: boolean } {
    const current = this.#session;
    if (current.stage === 'idle' || current.ticket.ticketId !== payload.ticketId) return { shown: false };
    this.#set({ stage: 'skipped', ticket: { ...current.ticket, state: 'skipped', position: 0 } });
    return { shown: true };
  }

  #set(session: KioskSession): KioskSession {
    this.#store.set('session', session);
    this.#session = session;
    this.emit('changed', session);
    return session;
  }

  #schedule(): void {
    clearInterval(this.#refresh);
    this.#refresh = setInterval(() => void this.#refreshTicket(), REFRESH_MS);
    this.#refresh.unref();
  }
}

function asTerminalError(error: unknown): TerminalError {
  if (error instanceof TerminalError) return error;
  const coded = error as { code?: unknown; detail?: unknown; message?: unknown };
  const code = typeof coded.code === 'string' ? coded.code : 'centre-unreachable';
  return new TerminalError(code, String(coded.detail ?? coded.message ?? error));
}
