/**
 * Wakes the readers of an event table (the outbox relay, the subscriptions' feed) when a
 * transaction that wrote to it commits, so an event waits for its commit rather than for the
 * readers' next poll. The polls stay as the safety net: a wake-up is only ever a hint to read
 * now, and a missed one costs at most one poll interval.
 *
 * Two paths, both after the commit and never for a rollback:
 * - in this process: the writer marks its transaction (TypeORM's query runner), and a
 *   subscriber on the data source wakes the table's readers once the COMMIT has returned;
 * - across replicas: the writer notifies the table's channel in the same transaction (see
 *   `notifyChannel`), which PostgreSQL delivers only on commit, and each process LISTENs on the
 *   channels its readers follow with one connection of its own. The embedded PGlite wire server
 *   has one session for every connection, so a notification comes back on the connection that
 *   committed, not on the listening one: there, replicas in other processes keep to the poll.
 */
import { writeLog } from '@cardweave/service-kit';
import { Client } from 'pg';
import {
  DataSource,
  type EntitySubscriberInterface,
  type QueryRunner,
  type TransactionCommitEvent,
  type TransactionRollbackEvent,
} from 'typeorm';
import type { SqlRunner } from '../db/sql';

/** The channel notified when `table` (schema-qualified, e.g. `wallet.event_outbox`) gains rows. */
export function notifyChannel(table: string): string {
  if (!/^[a-z_]+\.[a-z_]+$/.test(table)) throw new Error(`invalid table name ${table}`);
  return `cardweave_${table.replace('.', '__')}`;
}

type Wake = () => void;

/** How long the listening connection waits before connecting again after losing the server. */
const RECONNECT_MS = 1_000;

export class OutboxSignal implements EntitySubscriberInterface {
  /** Tables written by transactions still open, per transaction. */
  private readonly written = new WeakMap<QueryRunner, Set<string>>();
  private readonly readers = new Map<string, Set<Wake>>();
  private listener: Client | null = null;
  private connecting: Promise<void> | null = null;
  private reconnect: NodeJS.Timeout | null = null;
  private closed = false;
  /** The listening connection was lost: notifications sent since then never came, so readers read once it listens again. */
  private missedNotifications = false;
  /** The operator was told the connection is down (once per outage, not at every attempt). */
  private reportedDown = false;
  /** Settles once the latest channel followed is listened to (or listening failed: the poll remains). */
  listening: Promise<void> = Promise.resolve();

  constructor(private readonly dataSource: DataSource) {}

  /** Wakes `wake` after every commit that wrote to `table`, here or on another replica; returns the unsubscribe. */
  subscribe(table: string, wake: Wake): () => void {
    const channel = notifyChannel(table);
    let wakes = this.readers.get(table);
    if (!wakes) this.readers.set(table, (wakes = new Set()));
    wakes.add(wake);
    if (wakes.size === 1) this.listening = this.listen(channel).catch(() => undefined);
    return () => {
      wakes.delete(wake);
      if (wakes.size > 0) return;
      this.readers.delete(table);
      if (this.readers.size === 0) this.stopListening();
      else void this.listener?.query(`UNLISTEN ${channel}`).catch(() => undefined);
    };
  }

  /** Records that `m` wrote to `table`: its readers wake when its transaction commits (at once when there is none). */
  markWritten(m: SqlRunner, table: string): void {
    const runner = (m as { queryRunner?: QueryRunner }).queryRunner;
    if (!runner?.isTransactionActive) return this.wake(table);
    let tables = this.written.get(runner);
    if (!tables) this.written.set(runner, (tables = new Set()));
    tables.add(table);
  }

  afterTransactionCommit(event: TransactionCommitEvent): void {
    // A savepoint's release also ends here; the rows are visible only once the outermost commits.
    if (event.queryRunner.isTransactionActive) return;
    const tables = this.written.get(event.queryRunner);
    if (!tables) return;
    this.written.delete(event.queryRunner);
    for (const table of tables) this.wake(table);
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    if (!event.queryRunner.isTransactionActive) this.written.delete(event.queryRunner);
  }

  /** Wakes the readers of `table` in this process. */
  wake(table: string): void {
    for (const wake of this.readers.get(table) ?? []) {
      try {
        wake();
      } catch {
        // A reader's failure is its own; the others still wake.
      }
    }
  }

  /** Stops listening (the data source is closing); readers keep to their polls. */
  close(): void {
    this.closed = true;
    this.readers.clear();
    this.stopListening();
  }

  private async listen(channel: string): Promise<void> {
    if (this.closed) return;
    if (!this.listener && !this.connecting) this.connecting = this.connect().finally(() => (this.connecting = null));
    await this.connecting;
    // A fresh connection LISTENs on every channel followed; an open one takes the new channel.
    await this.listener?.query(`LISTEN ${channel}`).catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const url = (this.dataSource.options as { url?: string }).url;
    if (!url) return;
    const client = new Client({ connectionString: url, application_name: 'cardweave-outbox-signal' });
    const lost = (error?: unknown) => {
      if (this.listener !== client) return;
      this.listener = null;
      void client.end().catch(() => undefined);
      if (this.closed || this.readers.size === 0) return;
      this.reportDown(error);
      // Commits made while no one listened were missed: read now, and again once listening (connect below).
      this.missedNotifications = true;
      for (const table of this.readers.keys()) this.wake(table);
      this.reconnect ??= setTimeout(() => {
        this.reconnect = null;
        for (const table of this.readers.keys()) void this.listen(notifyChannel(table));
      }, RECONNECT_MS);
      this.reconnect.unref?.();
    };
    client.on('error', lost);
    client.on('end', lost);
    client.on('notification', (message) => {
      for (const table of this.readers.keys()) if (notifyChannel(table) === message.channel) this.wake(table);
    });
    try {
      await client.connect();
    } catch (error) {
      this.listener = client;
      return lost(error);
    }
    if (this.closed || this.readers.size === 0) return void client.end().catch(() => undefined);
    this.listener = client;
    for (const table of this.readers.keys()) await client.query(`LISTEN ${notifyChannel(table)}`).catch(() => undefined);
    // A commit between the wake at the loss and this LISTEN notified no one: read now that nothing more is missed.
    if (this.missedNotifications && this.listener === client) {
      this.missedNotifications = false;
      for (const table of this.readers.keys()) this.wake(table);
    }
    if (this.reportedDown && this.listener === client) {
      this.reportedDown = false;
      writeLog('info', this.service(), 'outbox signal listening again: other replicas wake this one on commit');
    }
  }

  /** Without the connection, other replicas' commits wait for this one's polls: the operator should know why events slow down. */
  private reportDown(error: unknown): void {
    if (this.reportedDown) return;
    this.reportedDown = true;
    writeLog('warn', this.service(), 'outbox signal connection lost: readers keep to their polls until it is back', {
      error: error instanceof Error ? error.message : 'connection ended',
    });
  }

  /** The subgraph whose database this is (its schema), for the log. */
  private service(): string {
    return (this.dataSource.options as { schema?: string }).schema ?? 'subgraph';
  }

  private stopListening(): void {
    if (this.reconnect) clearTimeout(this.reconnect);
    this.reconnect = null;
    const client = this.listener;
    this.listener = null;
    void client?.end().catch(() => undefined);
  }
}

const signals = new WeakMap<DataSource, OutboxSignal>();

/** The data source's signal, made and hooked into its transactions on first use. */
export function outboxSignal(dataSource: DataSource): OutboxSignal {
  let signal = signals.get(dataSource);
  if (!signal) {
    signal = new OutboxSignal(dataSource);
    signals.set(dataSource, signal);
    // TypeORM asks the data source's subscribers at every transaction's end.
    dataSource.subscribers.push(signal);
  }
  return signal;
}

/**
 * Closes the data source's signal, if it has one: its listening connection is its own, not the
 * pool's, so destroying the data source alone would leave it open (and reconnecting) while a
 * reader is still subscribed.
 */
export function closeOutboxSignal(dataSource: DataSource): void {
  // Kept in the map, closed: a reader subscribing late keeps to its poll instead of opening a connection again.
  signals.get(dataSource)?.close();
}

/** The signal of the data source `m` runs on (`m`: the data source, or a manager of it). */
export function outboxSignalOf(m: SqlRunner): OutboxSignal | null {
  const dataSource = m instanceof DataSource ? m : (m as { dataSource?: DataSource }).dataSource;
  return dataSource ? outboxSignal(dataSource) : null;
}
