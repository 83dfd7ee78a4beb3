/**
 * Live events for subscribers, read from a subgraph's own outbox (event-outbox.ts): the table
 * every replica shares, holding every committed event in position order. Reading the outbox
 * rather than the relay's sink works the same with JetStream or the in-process bus, on any
 * replica, and makes resuming after a given event one query of the same table.
 *
 * One poller per process tails the table while someone listens (one statement a tick, however
 * many subscribers), and a commit to the table wakes it at once (outbox-signal.ts), the tick
 * staying as the safety net. A position left out of a read may belong to a transaction still open
 * (positions are taken before commit): such gaps are asked for again until they appear or are
 * older than GAP_PATIENCE_MS (a rolled-back transaction leaves its position unused for ever).
 */
import { writeLog } from '@cardweave/service-kit';
import type { DataSource } from 'typeorm';
import type { DomainEvent } from './domain-event';
import { eventFromOutboxRow, OUTBOX_COLUMNS, type OutboxRow } from './event-outbox';
import { outboxSignal } from './outbox-signal';

export interface OutboxFeedOptions {
  /** How often the table is read while someone listens. */
  pollIntervalMs?: number;
  /**
   * The table read, in the feed's schema: the outbox (the subgraph's own events) unless given;
   * `event_inbox` (event-inbox.ts) for every service's events as received from the broker.
   * Both have the outbox's columns and a position that orders them.
   */
  table?: 'event_outbox' | 'event_inbox';
}

/** Which events a subscriber receives: always one customer's, optionally one card's. */
export interface FeedFilter {
  customerId: string;
  cardId?: string;
}

const GAP_PATIENCE_MS = 30_000;
const MAX_ROWS = 500;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Listener = (event: DomainEvent, position: bigint) => void;

/**
 * A resume after an event the table does not hold for this customer: trimmed past the retention
 * (or never theirs). What followed it may be trimmed too, so nothing is sent as if it were whole:
 * the subscriber starts over (reloads what it shows, subscribes without `after`).
 */
export class ResumePointNotKept extends Error {
  constructor(readonly after: string) {
    super(`the event ${after} is no longer kept (or is not one of this customer's): start over without after`);
    this.name = 'ResumePointNotKept';
  }
}

/** A subscriber's events. */
export interface FeedSubscription extends AsyncIterableIterator<DomainEvent> {
  /** Settles once the subscription listens: where it starts is fixed and any replay is loaded. */
  listening: Promise<void>;
}

const matches = (filter: FeedFilter, event: DomainEvent) =>
  event.customerId === filter.customerId && (filter.cardId === undefined || event.cardId === filter.cardId);

export class OutboxFeed {
  private readonly listeners = new Set<Listener>();
  private readonly pollIntervalMs: number;
  /** The highest position read, once known. */
  private cursor: bigint | null = null;
  /** Positions skipped by a read, with when they were first missed. */
  private readonly gaps = new Map<bigint, number>();
  private timer: NodeJS.Timeout | null = null;
  private polling: Promise<void> | null = null;
  /** A commit woke the feed during a read, which may have missed it: read once more after. */
  private readAgain = false;
  /** Reads have been failing since the last one that worked (said once). */
  private readsFailing = false;
  private stopWaking: (() => void) | null = null;
  /** Closed (the service is stopping and its database closes next): nothing is read any more. */
  private closed = false;
  /** Subscriptions still reading where they start (and their replay): close() waits for them too. */
  private readonly starting = new Set<Promise<unknown>>();
  /** The schema-qualified table read. */
  private readonly table: string;

  constructor(
    private readonly dataSource: DataSource,
    schema: string,
    options: OutboxFeedOptions = {},
  ) {
    if (!/^[a-z_]+$/.test(schema)) throw new Error(`invalid schema name ${schema}`);
    this.pollIntervalMs = options.pollIntervalMs ?? 200;
    this.table = `${schema}.${options.table ?? 'event_outbox'}`;
  }

  /**
   * The events matching `filter`: with `after` (an event id), first those committed after it,
   * then the new ones as they commit; without, only the new ones. Each event once, in order.
   * Ends when the consumer returns (a client that leaves). An `after` the table does not hold
   * for the customer fails `listening` (and the first `next`) with ResumePointNotKept.
   */
  events(filter: FeedFilter, after?: string | null): FeedSubscription {
    const queue: DomainEvent[] = [];
    const seen = new Set<string>();
    let waiting: ((result: IteratorResult<DomainEvent>) => void) | null = null;
    let done = false;
    const deliver = (event: DomainEvent) => {
      if (done || seen.has(event.id)) return;
      seen.add(event.id);
      if (waiting) {
        const resolve = waiting;
        waiting = null;
        resolve({ value: event, done: false });
      } else queue.push(event);
    };
    // Live events wait until the replay is queued: they come after it, and a repeat is dropped.
    const held: Array<{ event: DomainEvent; position: bigint }> = [];
    let replayed = false;
    // The resumed-after event's position: the shared tail may still be behind it, and what it reads there is older.
    let floor: bigint | null = null;
    const listener: Listener = (event, position) => {
      if (!matches(filter, event) || (floor !== null && position <= floor)) return;
      if (replayed) deliver(event);
      else held.push({ event, position });
    };
    // Listening before the replay: an event committed meanwhile is in one or both, never in neither.
    const started = this.listen(listener)
      .then(async () => {
        if (!after || this.closed) return;
        const since = await this.since(filter, after);
        floor = since.floor;
        for (const event of since.events) deliver(event);
      })
      .catch((error: unknown) => {
        // Nothing will be sent: the listener goes now, not when a consumer that never got the iterator returns it.
        void finish();
        throw error;
      })
      .finally(() => {
        replayed = true;
        for (const { event, position } of held.splice(0)) if (floor === null || position > floor) deliver(event);
      });
    const finish = (): Promise<IteratorResult<DomainEvent>> => {
      done = true;
      queue.length = 0;
      this.unlisten(listener);
      waiting?.({ value: undefined, done: true });
      waiting = null;
      return Promise.resolve({ value: undefined, done: true });
    };
    // A failed start is the consumer's to see (next() rethrows it), never an unhandled rejection.
    const settled = started.catch(() => undefined);
    this.starting.add(settled);
    void settled.then(() => this.starting.delete(settled));
    const listening = started.then(() => undefined);
    listening.catch(() => undefined);
    return {
      listening,
      [Symbol.asyncIterator]() {
        return this;
      },
      async next() {
        await started;
        if (queue.length) return { value: queue.shift()!, done: false };
        if (done) return { value: undefined, done: true };
        return new Promise<IteratorResult<DomainEvent>>((resolve) => (waiting = resolve));
      },
      // A client that leaves ends its subscription at once, even while it waits for an event.
      return: finish,
      throw: async (error: unknown) => {
        await finish();
        throw error;
      },
    };
  }

  /** Committed events matching `filter` after the event `after`, and its position; ResumePointNotKept when that event is not held or not the customer's. */
  private async since(filter: FeedFilter, after: string): Promise<{ events: DomainEvent[]; floor: bigint | null }> {
    if (!UUID.test(after)) throw new ResumePointNotKept(after);
    const [start] = (await this.dataSource.query(`SELECT position FROM ${this.table} WHERE id = $1 AND customer_id = $2`, [
      after,
      filter.customerId,
    ])) as Array<{ position: string }>;
    if (!start) throw new ResumePointNotKept(after);
    const rows = (await this.dataSource.query(
      `SELECT ${OUTBOX_COLUMNS} FROM ${this.table}
       WHERE customer_id = $1 AND ($2::uuid IS NULL OR card_id = $2)
         AND position > $3
       ORDER BY position LIMIT ${MAX_ROWS * 2}`,
      [filter.customerId, filter.cardId ?? null, start.position],
    )) as OutboxRow[];
    return { events: rows.map(eventFromOutboxRow), floor: BigInt(start.position) };
  }

  private async listen(listener: Listener): Promise<void> {
    if (this.closed) return;
    this.listeners.add(listener);
    // The first listener fixes where the tail starts: events from now on.
    if (this.cursor === null) {
      const [row] = (await this.dataSource.query(`SELECT COALESCE(MAX(position), 0) AS max FROM ${this.table}`)) as Array<{
        max: string;
      }>;
      this.cursor ??= BigInt(row.max);
    }
    // Closed while it asked where to start, or left meanwhile: no poller for it.
    if (this.closed || !this.listeners.has(listener)) return;
    this.timer ??= setInterval(() => void this.poll(), this.pollIntervalMs);
    this.timer.unref?.();
    // Read when a change to the table commits (here or on another replica); the interval stays as the safety net.
    this.stopWaking ??= outboxSignal(this.dataSource).subscribe(this.table, () => void this.poll());
  }

  private unlisten(listener: Listener): void {
    this.listeners.delete(listener);
    if (this.listeners.size === 0 && this.timer) {
      clearInterval(this.timer);
      this.timer = null;
      this.stopWaking?.();
      this.stopWaking = null;
      // Nobody listens: the next listener starts from its own now.
      this.cursor = null;
      this.gaps.clear();
    }
  }

  private poll(): Promise<void> {
    if (this.closed) return Promise.resolve();
    if (this.polling) {
      this.readAgain = true;
      return this.polling;
    }
    this.polling = this.read()
      .then(() => this.reportUp())
      // A failed read is tried again at the next tick, from the same cursor; the operator is told once.
      .catch((error: unknown) => this.reportDown(error))
      .finally(() => {
        this.polling = null;
        if (!this.readAgain || this.closed) return;
        this.readAgain = false;
        void this.poll();
      });
    return this.polling;
  }

  /** Subscribers get nothing while reads fail: said once per outage, with why, and once they work again. */
  private reportDown(error: unknown): void {
    if (this.readsFailing) return;
    this.readsFailing = true;
    writeLog('warn', this.service(), 'subscriptions feed cannot read its table: subscribers wait until it can', {
      table: this.table,
      error: error instanceof Error ? error.message : String(error),
    });
  }

  private reportUp(): void {
    if (!this.readsFailing) return;
    this.readsFailing = false;
    writeLog('info', this.service(), 'subscriptions feed reads its table again', { table: this.table });
  }

  /** The subgraph whose table this is (its schema), for the log. */
  private service(): string {
    return this.table.split('.')[0];
  }

  private async read(): Promise<void> {
    const cursor = this.cursor;
    if (cursor === null) return;
    const now = Date.now();
    for (const [position, since] of this.gaps) if (now - since > GAP_PATIENCE_MS) this.gaps.delete(position);
    const rows = (await this.dataSource.query(
      `SELECT ${OUTBOX_COLUMNS} FROM ${this.table} WHERE position > $1 OR position = ANY($2::bigint[]) ORDER BY position LIMIT ${MAX_ROWS}`,
      [cursor.toString(), [...this.gaps.keys()].map(String)],
    )) as OutboxRow[];
    if (this.cursor !== cursor) return;
    let highest = cursor;
    for (const row of rows) {
      const position = BigInt(row.position);
      this.gaps.delete(position);
      if (position > highest) {
        for (let missing = highest + 1n; missing < position; missing++) this.gaps.set(missing, now);
        highest = position;
      }
      const event = eventFromOutboxRow(row);
      for (const listener of this.listeners) listener(event, position);
    }
    this.cursor = highest;
  }

  /** How many subscriptions listen now (the poller runs while there is one). */
  get listening(): number {
    return this.listeners.size;
  }

  /**
   * Stops the poller (the process is stopping); subscribers receive nothing more. Settles once
   * a read under way has finished, so the database can close after it without cutting one off.
   */
  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.stopWaking?.();
    this.stopWaking = null;
    this.listeners.clear();
    this.readAgain = false;
    await Promise.all([this.polling, ...this.starting]);
  }
}
