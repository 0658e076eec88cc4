/**
 * A screen's subscription to the card reads it asked for (idCard.request):
 * the services address each reading to the screen that owns the reader, and
 * a reading addressed to another screen never reaches this one's handler.
 */
import type { CardRequester } from '../domain/card-requesters';
import type { EventPayload } from './api';

export type CardReadSubscribe = (event: 'idCard.cardRead', listener: (payload: EventPayload<'idCard.cardRead'>) => void) => () => void;

export function cardReadsFor(requesterId: CardRequester, on: CardReadSubscribe, handler: (reading: EventPayload<'idCard.cardRead'>) => void): () => void {
  return on('idCard.cardRead', (reading) => {
    if (reading.requesterId === requesterId) handler(reading);
  });
}
