/**
 * The wallet's inbox trimmed: an event stored more than EVENT_RETENTION_DAYS ago is deleted, in
 * small batches, unless the webhooks still need it: not yet fanned out (webhooks_queued_at
 * unset), or referred to by a delivery (its log shows the event, and redelivery posts it again).
 * The last event stored from the stream stays too (trimEventInbox): the inbox resumes after it.
 *
 * The delivery log is trimmed first by the same job: a finished delivery (delivered, failed,
 * cancelled) whose retry window ended EVENT_RETENTION_DAYS ago goes with its attempts, so the
 * event it referred to goes too rather than being kept for ever. One still retrying stays.
 *
 * A subscriber resuming after an event no longer kept is refused (the activity resolvers),
 * rather than sent what is left as if nothing had been missed.
 */
import type { DataSource } from 'typeorm';
import {
  REFERENCED_BY_WEBHOOK_DELIVERY,
  RETENTION_BATCH,
  retentionCutoff,
  startRetentionJob,
  trimEventInbox,
  type RetentionJobOptions,
  type RunningRetentionJob,
} from '@cardweave/subgraph-kit';
import { WALLET_SCHEMA } from '../db/wallet-database';
import { trimFinishedDeliveries } from '../db/queries/webhook.queries';

/** What keeps an inbox row past the retention, on the row `i`. */
export const KEPT_FOR_WEBHOOKS = `i.webhooks_queued_at IS NULL OR ${REFERENCED_BY_WEBHOOK_DELIVERY(WALLET_SCHEMA, 'i')}`;

/** One batch of the wallet's inbox rows past the retention deleted; the number deleted. */
export function trimWalletInbox(dataSource: DataSource, now: Date, days: number, limit = RETENTION_BATCH): Promise<number> {
  return trimEventInbox(dataSource, WALLET_SCHEMA, retentionCutoff(now, days), limit, KEPT_FOR_WEBHOOKS);
}

/**
 * One batch: of the delivery log while it has a full one to delete, then of the inbox (which
 * may now delete the events of the deliveries just deleted); the number deleted.
 */
export async function trimWalletEvents(dataSource: DataSource, now: Date, days: number, limit = RETENTION_BATCH): Promise<number> {
  const deliveries = await trimFinishedDeliveries(dataSource, retentionCutoff(now, days), limit);
  if (deliveries >= limit) return deliveries;
  return trimWalletInbox(dataSource, now, days, limit);
}

export function startInboxRetention(
  dataSource: DataSource,
  days: number,
  options: RetentionJobOptions & { now?: () => Date } = {},
): RunningRetentionJob {
  const now = options.now ?? (() => new Date());
  retentionCutoff(now(), days);
  return startRetentionJob(() => trimWalletEvents(dataSource, now(), days), options);
}
