/**
 * Fan-out of contract events from the services to every connected renderer,
 * whichever transport it came through.
 */
import type { EventName, EventPayload } from '../../contract/api';

export type EventSink = (event: EventName, payload: unknown) => void;

export class EventBus {
  private readonly sinks = new Set<EventSink>();

  emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    for (const sink of this.sinks) sink(event, payload);
  }

  connect(sink: EventSink): () => void {
    this.sinks.add(sink);
    return () => this.sinks.delete(sink);
  }
}
