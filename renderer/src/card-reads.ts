import { cardReadsFor, type CardReadEvent } from '../../contract/card-reads';
import type { EventPayload } from '../../contract/api';
import type { CardRequester } from '../../domain/card-requesters';
import { terminal } from './terminal';

/**
 * Card reads belong to the screen that asked for them: a screen in front asks
 * for the reader (idCard.request), handles only the readings addressed to it,
 * and lets go when it closes or is hidden. The services forget who asked when
 * they restart, so the screen in front asks again.
 */
let current: CardRequester | undefined;
let watching = false;

const ask = (requesterId: CardRequester): Promise<unknown> => terminal.idCard.request({ requesterId }).catch(() => undefined);

export function claimCardReads(requesterId: CardRequester): void {
  current = requesterId;
  if (!watching) {
    watching = true;
    terminal.on('services.status', ({ state }) => {
      if (state === 'ready' && current) void ask(current);
    });
  }
  void ask(requesterId);
}

export function releaseCardReads(requesterId: CardRequester): void {
  if (current === requesterId) current = undefined;
  void terminal.idCard.release({ requesterId }).catch(() => undefined);
}

/** The handler sees only readings addressed to this screen; returns what stops it. */
export function onCardReads<E extends CardReadEvent>(event: E, requesterId: CardRequester, handler: (reading: EventPayload<E>) => void): () => void {
  return cardReadsFor(event, requesterId, (name, listener) => terminal.on(name, listener), handler);
}
