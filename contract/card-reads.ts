/**
 * A screen's subscription to the card reads it asked for (idCard.request):
 * the services address each reading, from the ID card reader or the social
 * security card reader, to the screen that owns the readers, and a reading
 * addressed to another screen never reaches this one's handler.
 */
import type { CardRequester } from '../domain/card-requesters';
import type { EventPayload } from './api';

export type CardReadEvent = 'idCard.cardRead' | 'socialSecurityCard.cardRead';
export type CardReadSubscribe = <E extends CardReadEvent>(event: E, listener: (payload: EventPayload<E>) => void) => () => void;

export function cardReadsFor<E extends CardReadEvent>(event: E, requesterId: CardRequester, on: CardReadSubscribe, handler: (reading: EventPayload<E>) => void): () => void {
  return on(event, (reading) => {
    if (reading.requesterId === requesterId) handler(reading);
  });
}
