/**
 * Publishes events to a NATS JetStream stream with the official client (nats.js v3:
 * @nats-io/transport-node and @nats-io/jetstream). Each event's id is its Nats-Msg-Id, so a
 * relay's repeat within the stream's duplicate window is stored once; the publish resolves on
 * the stream's ack, and only then may the relay mark the event published.
 *
 * Subjects: `<prefix>.<type>`, e.g. `cardweave.events.payment.approved`; the stream takes
 * `<prefix>.>` and is created when missing.
 */
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { jetstream, jetstreamManager, type JetStreamClient } from '@nats-io/jetstream';
import { toMessage, type DomainEvent } from './domain-event';
import { logConnectionStatus } from './nats-connection-log';
import type { EventSink } from './outbox-relay';

export interface JetStreamSinkOptions {
  url: string;
  /** The stream's name; `CARDWEAVE_EVENTS` unless given. */
  stream?: string;
  /** The subject prefix; `cardweave.events` unless given. */
  subjectPrefix?: string;
  /** How long JetStream remembers an event id to drop its repeats; two minutes unless given. */
  duplicateWindowMs?: number;
  /** The connection's name, as the server lists it. */
  name?: string;
  /** The service whose log says when the connection is lost and back; `events` unless given. */
  service?: string;
}

export const DEFAULT_EVENT_STREAM = 'CARDWEAVE_EVENTS';
export const DEFAULT_EVENT_SUBJECT_PREFIX = 'cardweave.events';
/**
 * How long the stream keeps an event. The stream is the transport, not the record: every event
 * stays in its subgraph's outbox and in the wallet's inbox. A week lets a new or long-stopped
 * replica's inbox catch up, and keeps the stream from growing for ever.
 */
export const EVENT_STREAM_MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000;

export class JetStreamSink implements EventSink {
  readonly name: string;

  private constructor(
    private readonly connection: NatsConnection,
    private readonly js: JetStreamClient,
    private readonly subjectPrefix: string,
    stream: string,
  ) {
    this.name = `jetstream:${stream}`;
  }

  static async connect(options: JetStreamSinkOptions): Promise<JetStreamSink> {
    const stream = options.stream ?? DEFAULT_EVENT_STREAM;
    const subjectPrefix = options.subjectPrefix ?? DEFAULT_EVENT_SUBJECT_PREFIX;
    const connection = await connect({ servers: options.url, name: options.name ?? 'cardweave-outbox-relay', maxReconnectAttempts: -1 });
    logConnectionStatus(connection, options.service ?? 'events', 'outbox relay');
    try {
      await ensureStream(connection, stream, subjectPrefix, options.duplicateWindowMs ?? 120_000);
      return new JetStreamSink(connection, jetstream(connection), subjectPrefix, stream);
    } catch (error) {
      await connection.close();
      throw error;
    }
  }

  async publish(event: DomainEvent): Promise<void> {
    await this.js.publish(`${this.subjectPrefix}.${event.type}`, JSON.stringify(toMessage(event)), { msgID: event.id });
  }

  async close(): Promise<void> {
    await this.connection.drain();
  }
}

/** Creates the stream, or leaves the one there (another subgraph's relay may have made it). */
export async function ensureStream(
  connection: NatsConnection,
  stream: string,
  subjectPrefix: string,
  duplicateWindowMs: number,
): Promise<void> {
  const jsm = await jetstreamManager(connection);
  try {
    await jsm.streams.info(stream);
    return;
  } catch {
    // not there yet
  }
  try {
    await jsm.streams.add({
      name: stream,
      subjects: [`${subjectPrefix}.>`],
      duplicate_window: duplicateWindowMs * 1_000_000,
      max_age: EVENT_STREAM_MAX_AGE_MS * 1_000_000,
    });
  } catch (error) {
    // Created meanwhile by another relay: fine; anything else is a real failure.
    await jsm.streams.info(stream).catch(() => {
      throw error;
    });
  }
}
