/**
 * Where events go without a NATS server (no NATS_URL: `npm start`, the embedded database):
 * delivered in this process to whoever listens. The outbox still makes them at least once
 * (a listener may see an event again after a relay restart) and in order per card; nothing
 * survives the process, which is what a development run needs.
 */
import type { DomainEvent } from './domain-event';
import type { EventSink } from './outbox-relay';

export type EventListener = (event: DomainEvent) => void;

export class InProcessEventBus implements EventSink {
  readonly name = 'in-process';
  private readonly listeners = new Set<EventListener>();

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  publish(event: DomainEvent): Promise<void> {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch {
        // A listener's failure is its own; the event was delivered.
      }
    }
    return Promise.resolve();
  }

  close(): Promise<void> {
    this.listeners.clear();
    return Promise.resolve();
  }
}
