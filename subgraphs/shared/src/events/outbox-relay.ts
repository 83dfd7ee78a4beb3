/**
 * Publishes a subgraph's outbox, at least once and in order per card.
 *
 * A relay claims a batch in one short transaction and publishes it with no transaction open
 * (a publish may wait on the network; the embedded database serves one transaction at a
 * time). The claim is a lease: `claimed_until` hides the rows from other replicas, and when a
 * relay dies before marking them, they come back after the lease and are published again.
 * That repeat carries the same event id, which JetStream drops within its duplicate window
 * (Nats-Msg-Id) and a consumer recognises after it. Rows are marked published only after
 * every publish in the batch was acknowledged.
 *
 * Several replicas: the claim locks with FOR UPDATE SKIP LOCKED, and takes only ordering keys
 * (cards, or customers for events without a card) whose earliest pending event is free, with
 * that key's following events; a key whose earlier events another relay holds waits for them,
 * so one card's events are never published by two relays at once.
 */
import type { DataSource } from 'typeorm';
import { returnedRows } from '../db/sql';
import type { DomainEvent } from './domain-event';
import { eventFromOutboxRow, OUTBOX_COLUMNS, type OutboxRow } from './event-outbox';
import { outboxSignal } from './outbox-signal';

/** Where a relay publishes: resolves once the event is stored (the publish ack). */
export interface EventSink {
  readonly name: string;
  publish(event: DomainEvent): Promise<void>;
  close(): Promise<void>;
}

export interface OutboxRelayOptions {
  /** Events claimed at a time. */
  batchSize?: number;
  /** Pause when there was nothing to publish, unless a commit to the outbox wakes it sooner. */
  idleMs?: number;
  /** How long claimed rows stay hidden from other relays; longer than a batch takes. */
  leaseMs?: number;
  now?: () => Date;
  onError?: (error: unknown) => void;
}

export class OutboxRelay {
  private readonly batchSize: number;
  private readonly idleMs: number;
  private readonly leaseMs: number;
  private readonly now: () => Date;
  private running: Promise<void> | null = null;
  private stopping = false;
  private wake: (() => void) | null = null;
  /** A change committed since the current round began: the round after it starts at once. */
  private nudged = false;
  private unsubscribe: (() => void) | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly schema: string,
    private readonly sink: EventSink,
    private readonly options: OutboxRelayOptions = {},
  ) {
    if (!/^[a-z_]+$/.test(schema)) throw new Error(`invalid schema name ${schema}`);
    this.batchSize = options.batchSize ?? 100;
    this.idleMs = options.idleMs ?? 250;
    this.leaseMs = options.leaseMs ?? 30_000;
    this.now = options.now ?? (() => new Date());
  }

  /** Claims pending events, in position order. */
  async claim(): Promise<DomainEvent[]> {
    return (await this.claimLeased()).events;
  }

  /** Claims pending events, in position order, with the lease they are claimed until. */
  private async claimLeased(): Promise<{ events: DomainEvent[]; leaseUntil: Date }> {
    const now = this.now();
    const leaseUntil = new Date(now.getTime() + this.leaseMs);
    const s = this.schema;
    const rows = returnedRows<OutboxRow>(
      await this.dataSource.query(
        `WITH heads AS (
           SELECT o.position, o.ordering_key FROM ${s}.event_outbox o
           WHERE o.published_at IS NULL AND (o.claimed_until IS NULL OR o.claimed_until < $1)
             AND NOT EXISTS (
               SELECT 1 FROM ${s}.event_outbox e
               WHERE e.ordering_key = o.ordering_key AND e.published_at IS NULL AND e.position < o.position)
           ORDER BY o.position LIMIT $2
           FOR UPDATE SKIP LOCKED
         ), batch AS (
           SELECT e.position FROM ${s}.event_outbox e JOIN heads h ON h.ordering_key = e.ordering_key
           WHERE e.published_at IS NULL
           ORDER BY e.position LIMIT $2
           FOR UPDATE OF e SKIP LOCKED
         )
         UPDATE ${s}.event_outbox SET claimed_until = $3 WHERE position IN (SELECT position FROM batch)
         RETURNING ${OUTBOX_COLUMNS}`,
        [now, this.batchSize, leaseUntil],
      ),
    );
    return { events: rows.sort((a, b) => Number(BigInt(a.position) - BigInt(b.position))).map(eventFromOutboxRow), leaseUntil };
  }

  /** Publishes one claimed batch; the number of events published (0: nothing pending). */
  async publishPending(): Promise<number> {
    const { events, leaseUntil } = await this.claimLeased();
    if (events.length === 0) return 0;
    try {
      await this.publishBatch(events);
    } catch (error) {
      // Nothing of the batch is publishing any more (publishBatch waits for all): its rows go
      // back at once for the next round, here or on another replica. The lease is for a relay
      // that died holding them. Only rows still under this round's lease: past it, another
      // relay may hold them now. Should this fail too, the lease brings them back.
      await this.dataSource
        .query(
          `UPDATE ${this.schema}.event_outbox SET claimed_until = NULL
            WHERE id = ANY($1::uuid[]) AND published_at IS NULL AND claimed_until = $2`,
          [events.map((e) => e.id), leaseUntil],
        )
        .catch((releaseError: unknown) => this.options.onError?.(releaseError));
      throw error;
    }
    await this.dataSource.query(
      `UPDATE ${this.schema}.event_outbox SET published_at = $2, claimed_until = NULL WHERE id = ANY($1::uuid[]) AND published_at IS NULL`,
      [events.map((e) => e.id), this.now()],
    );
    return events.length;
  }

  /**
   * Each ordering key's events one ack after another, so a card's events reach the stream in
   * position order; different keys at once, so a batch takes its longest chain of acks rather
   * than the sum of them all. After a failure no further publish starts, and the batch fails
   * once those under way have settled: nothing of it is still publishing when the round ends.
   */
  private async publishBatch(events: DomainEvent[]): Promise<void> {
    const chains = new Map<string, DomainEvent[]>();
    for (const event of events) {
      // The outbox's ordering_key: the card, or the customer for an event without one.
      const key = event.cardId ?? event.customerId;
      const chain = chains.get(key);
      if (chain) chain.push(event);
      else chains.set(key, [event]);
    }
    let failed = false;
    const results = await Promise.allSettled(
      [...chains.values()].map(async (chain) => {
        for (const event of chain) {
          if (failed) return;
          try {
            await this.sink.publish(event);
          } catch (error) {
            failed = true;
            throw error;
          }
        }
      }),
    );
    const failure = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failure) throw failure.reason;
  }

  /** Publishes in the background until `stop`. */
  start(): void {
    if (this.running) return;
    this.stopping = false;
    // Woken by every commit that writes to the outbox; the idle pause stays as the safety net.
    this.unsubscribe = outboxSignal(this.dataSource).subscribe(`${this.schema}.event_outbox`, () => this.nudge());
    this.running = (async () => {
      while (!this.stopping) {
        let published = 0;
        this.nudged = false;
        try {
          published = await this.publishPending();
        } catch (error) {
          this.options.onError?.(error);
        }
        if (published === 0 && !this.stopping) await this.pause();
      }
    })();
  }

  /** Publishes soon rather than after the idle pause (a change just committed). */
  nudge(): void {
    this.nudged = true;
    this.wake?.();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.wake?.();
    await this.running;
    this.running = null;
  }

  private pause(): Promise<void> {
    // A nudge during the round (its claim may have read before that commit) skips the pause.
    if (this.nudged) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wake = null;
        resolve();
      };
      const timer = setTimeout(done, this.idleMs);
      this.wake = done;
    });
  }
}
