/**
 * The relay as a subgraph process runs it: to JetStream when NATS_URL is set, otherwise to an
 * in-process bus, so a development run needs no other server.
 */
import { configValue } from '@cardweave/service-kit';
import type { DataSource } from 'typeorm';
import { startOutboxRetention, type RetentionJobOptions } from './event-retention';
import { InProcessEventBus } from './in-process-bus';
import { JetStreamSink, type JetStreamSinkOptions } from './jetstream-sink';
import { OutboxRelay, type EventSink, type OutboxRelayOptions } from './outbox-relay';

export interface EventRelayOptions extends OutboxRelayOptions, Partial<Omit<JetStreamSinkOptions, 'url'>> {
  /** NATS with JetStream; none: the in-process bus. */
  natsUrl?: string;
  /**
   * The in-process bus to publish to without NATS: one shared by the services of a process (so
   * the wallet's inbox hears the issuer's events in `npm start`); a bus of its own unless given.
   */
  bus?: InProcessEventBus;
  /** Days a published row stays in the outbox (EVENT_RETENTION_DAYS unless given); 0: kept for ever. */
  retentionDays?: number;
  /** How often published rows past the retention are looked for. */
  retention?: Pick<RetentionJobOptions, 'intervalMs' | 'batchPauseMs'>;
  /** A condition on the outbox row `o` that keeps a published row past the retention. */
  keepPublished?: string;
}

export interface RunningEventRelay {
  relay: OutboxRelay;
  sink: EventSink;
  /** The in-process bus, when there is no NATS. */
  bus: InProcessEventBus | null;
  stop(): Promise<void>;
}

export async function startEventRelay(dataSource: DataSource, schema: string, options: EventRelayOptions = {}): Promise<RunningEventRelay> {
  const bus = options.natsUrl ? null : (options.bus ?? new InProcessEventBus());
  const sink: EventSink =
    bus ??
    (await JetStreamSink.connect({
      url: options.natsUrl!,
      stream: options.stream,
      subjectPrefix: options.subjectPrefix,
      duplicateWindowMs: options.duplicateWindowMs,
      name: `cardweave-${schema}-outbox-relay`,
      service: schema,
    }));
  const relay = new OutboxRelay(dataSource, schema, sink, options);
  relay.start();
  const retentionDays = options.retentionDays ?? configValue('EVENT_RETENTION_DAYS');
  // Published rows have served (the relay reads only pending ones): trimmed once past the retention.
  const retention =
    retentionDays > 0
      ? startOutboxRetention(dataSource, schema, retentionDays, {
          ...options.retention,
          keep: options.keepPublished,
          now: options.now,
          onError: options.onError,
        })
      : null;
  return {
    relay,
    sink,
    bus,
    async stop() {
      await retention?.stop();
      await relay.stop();
      // A shared bus is its owner's to close: the other services of the process still publish on it.
      if (!options.bus) await sink.close();
    },
  };
}

/**
 * A served subgraph with its relay beside it, as the standalone runner starts it: the relay
 * publishes the subgraph's outbox for as long as the process runs, and stops before it.
 */
export async function withEventRelay<T extends { database: { dataSource: DataSource }; stop(): Promise<void> }>(
  served: T,
  schema: string,
  natsUrl: string | undefined,
  /** A bus shared by the process's services (no NATS), or the stream to publish to (NATS). */
  more: Pick<EventRelayOptions, 'bus' | 'stream' | 'subjectPrefix' | 'keepPublished'> = {},
): Promise<T & { events: RunningEventRelay }> {
  const events = await startEventRelay(served.database.dataSource, schema, {
    ...more,
    natsUrl,
    // A failed round is tried again after the pause; the rows stay pending meanwhile.
    onError: (error) =>
      console.error(
        JSON.stringify({
          level: 'error',
          service: schema,
          msg: 'event relay failed',
          error: error instanceof Error ? error.message : String(error),
        }),
      ),
  });
  return {
    ...served,
    events,
    async stop() {
      await events.stop();
      await served.stop();
    },
  };
}
