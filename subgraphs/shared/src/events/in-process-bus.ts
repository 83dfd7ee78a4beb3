/**
 * Where events go without a NATS server (no NATS_URL: `npm start`, the embedded database):
 * delivered in this process to whoever listens. The outbox still makes them at least once
 * (a listener may see an event again after a relay restart) and in order per card; nothing
 * survives the process, which is what a development run needs.
 *
 * A durable listener (an inbox that stores the events) stands where JetStream's ack stands on
 * NATS: a publish resolves only once every durable listener has stored the event, and fails
 * when one of them fails, so the relay keeps the event pending and publishes it again rather
 * than marking it published before anything holds it. A best-effort listener is called and
 * not waited for; its failure is its own.
 */
import type { DomainEvent } from './domain-event';
import type { EventSink } from './outbox-relay';

export type EventListener = (event: DomainEvent) => void;
/** Resolves once the event is stored; rejects when it could not be (the publish then fails). */
export type DurableEventListener = (event: DomainEvent) => Promise<void>;

export class InProcessEventBus implements EventSink {
  readonly name = 'in-process';
  private readonly listeners = new Set<EventListener>();
  private readonly durableListeners = new Set<DurableEventListener>();

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** A listener whose storing of an event is part of its publish (see above). */
  subscribeDurable(listener: DurableEventListener): () => void {
    this.durableListeners.add(listener);
    return () => this.durableListeners.delete(listener);
  }

  async publish(event: DomainEvent): Promise<void> {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch {
        // A best-effort listener's failure is its own; the event was delivered.
      }
    }
    // Started together, waited for together: the first failure fails the publish, after all have settled.
    const results = await Promise.allSettled([...this.durableListeners].map(async (listener) => listener(event)));
    const failure = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failure) throw failure.reason;
  }

  close(): Promise<void> {
    this.listeners.clear();
    this.durableListeners.clear();
    return Promise.resolve();
  }
}
