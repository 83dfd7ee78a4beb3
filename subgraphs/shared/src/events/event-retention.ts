/**
 * How long events stay in the tables that hold them after they have served: the outboxes
 * (once published) and the wallet's inbox. Both would otherwise grow for ever. Rows older than
 * the retention period go in small batches (short transactions, no long lock on a table the
 * payments write to), by a periodic job beside the relay or the inbox.
 *
 * The period is more than the stream keeps an event (EVENT_STREAM_MAX_AGE_MS): an inbox reading
 * the stream again (a new replica, a stream made again) finds only events it still holds, so a
 * trimmed event is never stored a second time at a new position.
 */
import type { DataSource } from 'typeorm';
import { returnedRows, type SqlRunner } from '../db/sql';
import { EVENT_STREAM_MAX_AGE_MS } from './jetstream-sink';

export const DAY_MS = 24 * 60 * 60 * 1000;

/** Rows deleted per statement. */
export const RETENTION_BATCH = 500;

/** The oldest time a row may have to be kept, for a retention of `days`. */
export function retentionCutoff(now: Date, days: number): Date {
  if (!(days * DAY_MS > EVENT_STREAM_MAX_AGE_MS)) throw new Error(`event retention of ${days} days: must be more than the stream's 7`);
  return new Date(now.getTime() - days * DAY_MS);
}

/**
 * Deletes up to `limit` of `schema`'s outbox rows published before `cutoff`, oldest first; the
 * number deleted. A row still to publish (or being published) stays however old it is.
 * `keep`: a further condition on the row (alias `o`) that keeps it, e.g. a reference to it.
 */
export async function trimPublishedOutbox(db: SqlRunner, schema: string, cutoff: Date, limit: number, keep?: string): Promise<number> {
  if (!/^[a-z_]+$/.test(schema)) throw new Error(`invalid schema name ${schema}`);
  const rows = await db.query(
    `DELETE FROM ${schema}.event_outbox WHERE position IN (
       SELECT o.position FROM ${schema}.event_outbox o
       WHERE o.published_at IS NOT NULL AND o.published_at < $1 ${keep ? `AND NOT (${keep})` : ''}
       ORDER BY o.position LIMIT $2
       FOR UPDATE SKIP LOCKED)
     RETURNING position`,
    [cutoff, limit],
  );
  return returnedRows(rows).length;
}

export interface RetentionJobOptions {
  /** How often the job looks for old rows. */
  intervalMs?: number;
  /** Pause between two full batches, so a long backlog does not hold a connection of the pool. */
  batchPauseMs?: number;
  onError?: (error: unknown) => void;
}

export interface RunningRetentionJob {
  /** One pass now: batches until one is short; the rows deleted. */
  runOnce(): Promise<number>;
  stop(): Promise<void>;
}

/**
 * Runs `trimBefore(cutoff)` (deleting at most one batch of RETENTION_BATCH rows older than the
 * cutoff of `days`, as of `now`) at start and every `intervalMs`, batch after batch until a batch
 * is short. A retention the stream outlives is refused at once, not at the first pass.
 */
export function startRetentionJob(
  days: number,
  trimBefore: (cutoff: Date) => Promise<number>,
  options: RetentionJobOptions & { now?: () => Date } = {},
): RunningRetentionJob {
  const now = options.now ?? (() => new Date());
  retentionCutoff(now(), days);
  const trim = () => trimBefore(retentionCutoff(now(), days));
  const intervalMs = options.intervalMs ?? 10 * 60 * 1000;
  const batchPauseMs = options.batchPauseMs ?? 100;
  let stopping = false;
  let running: Promise<number> | null = null;
  const pass = async () => {
    let deleted = 0;
    for (;;) {
      const batch = await trim();
      deleted += batch;
      if (batch < RETENTION_BATCH || stopping) return deleted;
      await new Promise((resolve) => setTimeout(resolve, batchPauseMs));
    }
  };
  const runOnce = () => {
    running ??= pass().finally(() => (running = null));
    return running;
  };
  const tick = () => void runOnce().catch((error: unknown) => options.onError?.(error));
  const timer = setInterval(tick, intervalMs);
  timer.unref?.();
  const first = setTimeout(tick, 0);
  first.unref?.();
  return {
    runOnce,
    async stop() {
      stopping = true;
      clearInterval(timer);
      clearTimeout(first);
      await running?.catch(() => undefined);
    },
  };
}

/**
 * The outbox of `schema` trimmed periodically, as a relay's process runs it. `keep`: a condition
 * on the row `o` that keeps a published row past the retention (the wallet's: a webhook delivery
 * still refers to it).
 */
export function startOutboxRetention(
  dataSource: DataSource,
  schema: string,
  days: number,
  options: RetentionJobOptions & { now?: () => Date; keep?: string } = {},
): RunningRetentionJob {
  return startRetentionJob(days, (cutoff) => trimPublishedOutbox(dataSource, schema, cutoff, RETENTION_BATCH, options.keep), options);
}
