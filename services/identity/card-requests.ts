/**
 * Who owns the ID card reader's readings: the screen that last asked for
 * them (idCard.request), until it lets go (idCard.release), another screen
 * asks, or the officer signs out. A reading nobody asked for is not sent to
 * any screen: personal data goes only where it was wanted.
 */
import type { CardRequester } from '../../domain/card-requesters';

export class CardReadRequests {
  #owner: CardRequester | undefined;

  request(requesterId: CardRequester): void {
    this.#owner = requesterId;
  }

  /** Only the owner lets go: a screen closing late does not take the reader from the one now asking. */
  release(requesterId: CardRequester): void {
    if (this.#owner === requesterId) this.#owner = undefined;
  }

  clear(): void {
    this.#owner = undefined;
  }

  owner(): CardRequester | undefined {
    return this.#owner;
  }
}
