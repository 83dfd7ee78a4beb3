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
  RETENTION_BATCH,
  retentionCutoff,
  startRetentionJob,
  trimEventInbox,
  type RetentionJobOptions,
  type RunningRetentionJob,
} from '@cardweave/subgraph-kit';
import { WALLET_SCHEMA } from '../db/wallet-database';
import { trimFinishedDeliveries } from '../db/queries/webhook.queries';

/**
 * A row a webhook delivery refers to (by the event's id), on the row `alias`: it stays while the
 * delivery does, since the delivery's log shows the event. Inbox rows, and the outbox rows older
 * deliveries were queued from (the wallet's relay keeps those: main.ts, npm start).
 */
export const REFERENCED_BY_WEBHOOK_DELIVERY = (alias: string) =>
  `EXISTS (SELECT 1 FROM ${WALLET_SCHEMA}.webhook_deliveries d WHERE d.event_id = ${alias}.id)`;

/** What keeps an inbox row past the retention, on the row `i`. */
export const KEPT_FOR_WEBHOOKS = `i.webhooks_queued_at IS NULL OR ${REFERENCED_BY_WEBHOOK_DELIVERY('i')}`;

/** One batch of the wallet's inbox rows past the retention deleted; the number deleted. */
export function trimWalletInbox(dataSource: DataSource, now: Date, days: number, limit = RETENTION_BATCH): Promise<number> {
  return trimEventInbox(dataSource, WALLET_SCHEMA, retentionCutoff(now, days), limit, KEPT_FOR_WEBHOOKS);
}

/**
 * One batch: of the delivery log while it has a full one to delete, then of the inbox (which
 * may now delete the events of the deliveries just deleted); the number deleted.
 */
export function trimWalletEvents(dataSource: DataSource, now: Date, days: number, limit = RETENTION_BATCH): Promise<number> {
  return trimWalletEventsBefore(dataSource, retentionCutoff(now, days), limit);
}

async function trimWalletEventsBefore(dataSource: DataSource, cutoff: Date, limit = RETENTION_BATCH): Promise<number> {
  const deliveries = await trimFinishedDeliveries(dataSource, cutoff, limit);
  if (deliveries >= limit) return deliveries;
  return trimEventInbox(dataSource, WALLET_SCHEMA, cutoff, limit, KEPT_FOR_WEBHOOKS);
}

export function startInboxRetention(
  dataSource: DataSource,
  days: number,
  options: RetentionJobOptions & { now?: () => Date } = {},
): RunningRetentionJob {
  return startRetentionJob(days, (cutoff) => trimWalletEventsBefore(dataSource, cutoff), options);
}
