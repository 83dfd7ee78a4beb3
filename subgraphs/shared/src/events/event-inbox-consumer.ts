/**
 * Fills a subgraph's inbox (event-inbox.ts) from the broker the relays publish to: every
 * service's events, its own included, so a reader of the inbox sees one sequence whatever
 * service wrote an event.
 *
 * On JetStream, each replica reads the whole stream with an ordered consumer that starts after
 * the highest stream sequence already stored, and stores the events in stream order (what has
 * arrived so far in one transaction, so a backlog is stored at the rate it came). Why not one durable consumer shared by the replicas: it hands different messages to
 * different replicas, which would store one card's events in whatever order their inserts
 * happened to commit. Reading the whole stream per replica costs one small insert attempt per
 * event and replica (a repeat is a lookup of the id); in return, since each replica stores
 * event n before event n+1 (a replica meeting an event another holds uncommitted waits on it)
 * and a row once stored stays, positions follow stream order, and the
 * inbox itself is the durable cursor: a replica restarted, or a new one, resumes from the table.
 *
 * Without NATS (the in-process bus), the events of the services in this process arrive as the
 * relays publish them and are stored in that order. The inbox listens durably: a relay's publish
 * resolves once the event is stored and fails when the store fails, so the relay keeps it
 * pending and publishes it again (as a missing JetStream ack would), and a card's next event is
 * not published before it.
 */
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { DeliverPolicy, jetstream, jetstreamManager, type ConsumerMessages } from '@nats-io/jetstream';
import type { DataSource } from 'typeorm';
import { assertPublishable, toMessage, type DomainEventMessage } from './domain-event';
import { isEventMessage, lastStoredSequence, storeReceivedEvent } from './event-inbox';
import type { InProcessEventBus } from './in-process-bus';
import { DEFAULT_EVENT_STREAM, DEFAULT_EVENT_SUBJECT_PREFIX, ensureStream } from './jetstream-sink';
import { logConnectionStatus } from './nats-connection-log';

export interface EventInboxOptions {
  /** NATS with JetStream; none: `bus`. */
  natsUrl?: string;
  /** The in-process bus the relays of this process publish to (no NATS). */
  bus?: InProcessEventBus;
  stream?: string;
  subjectPrefix?: string;
  /** The stream's duplicate window, should this consumer be the first to create it. */
  duplicateWindowMs?: number;
  /** Called after each event is stored for the first time (readers may look at once). */
  onStored?: () => void;
  onError?: (error: unknown) => void;
  /** First pause after a failed store from JetStream; doubled up to 5 s. (On the bus the relay tries again.) */
  retryMs?: number;
}

/** An event read from the stream, with the stream's sequence a restarted consumer resumes after. */
interface ReceivedEvent {
  event: DomainEventMessage;
  sequence: number;
}

/** The most events stored in one transaction. */
const MAX_BATCH = 200;

export interface RunningEventInbox {
  stop(): Promise<void>;
}

export async function startEventInbox(dataSource: DataSource, schema: string, options: EventInboxOptions): Promise<RunningEventInbox> {
  if (!/^[a-z_]+$/.test(schema)) throw new Error(`invalid schema name ${schema}`);
  let stopping = false;
  const retryMs = options.retryMs ?? 100;
  /** Whether the inbox may hold the event: what the outbox refused is refused here too, said and never tried again. */
  const publishable = (event: DomainEventMessage): boolean => {
    try {
      assertPublishable(event.payload);
      return true;
    } catch (error) {
      options.onError?.(error);
      return false;
    }
  };
  /**
   * Stores events from the stream in one transaction, in stream order, trying again until they
   * are stored or the inbox stops: positions still follow the stream, and a failure stores none.
   */
  const storeInOrder = async (events: ReceivedEvent[]) => {
    const storable = events.filter(({ event }) => publishable(event));
    for (let pause = retryMs; !stopping && storable.length > 0; pause = Math.min(pause * 2, 5_000)) {
      try {
        let stored = false;
        await dataSource.transaction(async (m) => {
          for (const { event, sequence } of storable) if (await storeReceivedEvent(m, schema, event, sequence)) stored = true;
        });
        if (stored) options.onStored?.();
        return;
      } catch (error) {
        options.onError?.(error);
        await new Promise((resolve) => setTimeout(resolve, pause));
      }
    }
  };

  if (!options.natsUrl) {
    if (!options.bus) throw new Error('startEventInbox: natsUrl or bus is required');
    // One store at a time, in the order the relays publish. Each is tried once: a store that
    // fails fails the relay's publish (a durable listener, in-process-bus.ts), so the event stays
    // pending in its outbox and is published again, rather than held only in this process's memory.
    let chain: Promise<unknown> = Promise.resolve();
    const unsubscribe = options.bus.subscribeDurable((event) => {
      const message = toMessage(event);
      const stored = chain.then(async () => {
        if (stopping) throw new Error('the event inbox is stopping');
        if (!publishable(message)) return;
        if (await storeReceivedEvent(dataSource, schema, message, null)) options.onStored?.();
      });
      chain = stored.catch((error: unknown) => options.onError?.(error));
      return stored;
    });
    return {
      async stop() {
        unsubscribe();
        stopping = true;
        await chain;
      },
    };
  }

  const stream = options.stream ?? DEFAULT_EVENT_STREAM;
  const subjectPrefix = options.subjectPrefix ?? DEFAULT_EVENT_SUBJECT_PREFIX;
  const connection: NatsConnection = await connect({
    servers: options.natsUrl,
    name: `cardweave-${schema}-event-inbox`,
    maxReconnectAttempts: -1,
  });
  logConnectionStatus(connection, schema, 'event inbox');
  // Events wait here while the previous ones are stored; each round stores what has arrived
  // so far in one transaction, so a backlog costs one commit (and one connection from a pool the
  // payments share) per batch instead of per event.
  const received: ReceivedEvent[] = [];
  let storing: Promise<void> | null = null;
  const storeReceived = () => {
    storing ??= (async () => {
      while (received.length > 0 && !stopping) await storeInOrder(received.splice(0, MAX_BATCH));
    })().finally(() => {
      storing = null;
      // Arrived after the loop's last look, before this settled.
      if (received.length > 0 && !stopping) storeReceived();
    });
  };
  /** Reads the stream from after the last event stored until it ends, fails or the inbox stops. */
  const follow = async (messages: ConsumerMessages) => {
    for await (const message of messages) {
      if (stopping) break;
      let event: unknown;
      try {
        event = message.json();
      } catch {
        event = null;
      }
      // Something else on the subjects: not ours to store, and never a reason to stop.
      if (!isEventMessage(event)) {
        options.onError?.(new Error(`not an event on ${message.subject} (stream sequence ${message.seq})`));
        continue;
      }
      received.push({ event, sequence: message.seq });
      storeReceived();
      // A long backlog (a new replica reading the stream) is read no faster than it is stored.
      if (received.length >= MAX_BATCH * 4) await storing;
    }
  };
  /** When the stream followed was made: another time is another stream (deleted and made again). */
  let followedStreamCreated: string | null = null;
  const consume = async () => {
    await ensureStream(connection, stream, subjectPrefix, options.duplicateWindowMs ?? 120_000);
    let after = await lastStoredSequence(dataSource, schema);
    const jsm = await jetstreamManager(connection);
    const { state, created } = await jsm.streams.info(stream);
    // A stream made again since it was followed, or shorter than what is stored (made again while
    // the inbox was stopped): read it whole (repeats are stored once).
    if ((followedStreamCreated !== null && created !== followedStreamCreated) || state.last_seq < after) after = 0;
    followedStreamCreated = created;
    const consumer = await jetstream(connection).consumers.get(stream, {
      filter_subjects: `${subjectPrefix}.>`,
      ...(after > 0 ? { deliver_policy: DeliverPolicy.StartSequence, opt_start_seq: after + 1 } : { deliver_policy: DeliverPolicy.All }),
    });
    const messages = await consumer.consume();
    watchForRemadeStream(messages, created);
    return messages;
  };
  /**
   * The ordered consumer outlives its stream: when the stream is deleted it makes itself again,
   * on the new stream once there is one, from the sequence it had reached on the old, and so
   * would skip the new stream's first events. Each time it loses or remakes its consumer, the
   * stream's creation time is looked at; a stream gone or another one ends this read, and the
   * next (after the retry pause) reads the stream whole, making it when it is still missing.
   */
  const watchForRemadeStream = (messages: ConsumerMessages, created: string) => {
    void (async () => {
      const jsm = await jetstreamManager(connection);
      for await (const status of messages.status()) {
        if (stopping) return;
        if (!['consumer_deleted', 'stream_not_found', 'ordered_consumer_recreated', 'reset'].includes(status.type)) continue;
        const info = await jsm.streams.info(stream).catch(() => null);
        if (info?.created === created) continue;
        // Gone or another stream: the next read makes it if missing and reads it whole.
        options.onError?.(new Error(`the event stream ${stream} was ${info ? 'made again' : 'deleted'}; reading it whole`));
        messages.stop();
        return;
      }
    })().catch((error: unknown) => options.onError?.(error));
  };
  try {
    let messages = await consume();
    // A consumer that ends or fails (the stream recreated, the server gone past the client's
    // reconnects) is said and followed again from what is stored, rather than leaving the
    // subscriptions and webhooks without events, or failing the process.
    const running = (async () => {
      for (let pause = retryMs; !stopping; pause = Math.min(pause * 2, 5_000)) {
        try {
          await follow(messages);
          if (stopping) return;
          options.onError?.(new Error(`the event stream ${stream} ended; following it again`));
        } catch (error) {
          if (stopping) return;
          options.onError?.(error);
        }
        await new Promise((resolve) => setTimeout(resolve, pause));
        // What was read is stored first, so the stream is followed again from after it.
        while (storing) await storing;
        try {
          messages = await consume();
          pause = retryMs;
        } catch (error) {
          options.onError?.(error);
        }
      }
    })();
    return {
      async stop() {
        stopping = true;
        await messages.close();
        await running;
        await storing;
        await connection.close();
      },
    };
  } catch (error) {
    await connection.close();
    throw error;
  }
}
