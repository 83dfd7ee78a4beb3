/**
 * Webhook endpoints, their deliveries and each delivery's attempts.
 *
 * Deliveries are claimed as the outbox relay claims events: FOR UPDATE SKIP LOCKED in one
 * short statement that sets a lease (`claimed_until`), so replicas share the due rows and a
 * worker that dies mid-request leaves its rows to another after the lease. No transaction is
 * open while an endpoint is called.
 */
import type { SqlRunner } from '@cardweave/subgraph-kit';
import { returnedRows } from '@cardweave/subgraph-kit';

export interface WebhookEndpointRow {
  id: string;
  url: string;
  eventTypes: string[];
  /** The customer whose events it receives; null: every customer's (an operator's endpoint). */
  customerId: string | null;
  createdAt: Date;
}

export type WebhookDeliveryStatus = 'PENDING' | 'DELIVERED' | 'FAILED';

export interface WebhookDeliveryRow {
  id: string;
  eventId: string;
  eventType: string;
  endpointId: string;
  status: WebhookDeliveryStatus;
  attemptCount: number;
  nextAttemptAt: Date | null;
  lastStatus: number | null;
  lastError: string | null;
  deliveredAt: Date | null;
}

export interface WebhookAttemptRow {
  number: number;
  attemptedAt: Date;
  status: number | null;
  error: string | null;
  durationMs: number;
}

/** A claimed delivery with what its request needs: the endpoint and the event as it is posted. */
export interface DueDelivery {
  id: string;
  attemptCount: number;
  giveUpAfter: Date;
  url: string;
  signingSecret: string;
  event: {
    id: string;
    type: string;
    occurredAt: Date;
    customerId: string;
    cardId: string | null;
    platform: string | null;
    errorCode: string | null;
    payload: Record<string, unknown>;
  };
}

const ENDPOINT_COLUMNS = `id, url, event_types AS "eventTypes", customer_id AS "customerId", created_at AS "createdAt"`;
const DELIVERY_COLUMNS = `d.id, d.event_id AS "eventId", o.type AS "eventType", d.endpoint_id AS "endpointId", d.status,
  d.attempt_count AS "attemptCount", d.next_attempt_at AS "nextAttemptAt", d.last_status AS "lastStatus",
  d.last_error AS "lastError", d.delivered_at AS "deliveredAt"`;

export async function insertWebhookEndpoint(
  db: SqlRunner,
  endpoint: WebhookEndpointRow & { signingSecret: string },
): Promise<WebhookEndpointRow> {
  const rows = (await db.query(
    `INSERT INTO wallet.webhook_endpoints (id, url, event_types, customer_id, signing_secret, created_at)
     VALUES ($1, $2, $3::text[], $4, $5, $6) RETURNING ${ENDPOINT_COLUMNS}`,
    [endpoint.id, endpoint.url, endpoint.eventTypes, endpoint.customerId, endpoint.signingSecret, endpoint.createdAt],
  )) as WebhookEndpointRow[];
  return rows[0];
}

/** One customer's endpoints, or (null) the operators' endpoints for every customer. */
export async function webhookEndpointsOf(db: SqlRunner, customerId: string | null): Promise<WebhookEndpointRow[]> {
  return (await db.query(
    `SELECT ${ENDPOINT_COLUMNS} FROM wallet.webhook_endpoints WHERE customer_id IS NOT DISTINCT FROM $1 ORDER BY created_at, id`,
    [customerId],
  )) as WebhookEndpointRow[];
}

export async function webhookDeliveriesOf(db: SqlRunner, endpointId: string, first: number): Promise<WebhookDeliveryRow[]> {
  return (await db.query(
    `SELECT ${DELIVERY_COLUMNS} FROM wallet.webhook_deliveries d JOIN wallet.event_outbox o ON o.id = d.event_id
     WHERE d.endpoint_id = $1 ORDER BY d.created_at DESC, o.position DESC LIMIT $2`,
    [endpointId, first],
  )) as WebhookDeliveryRow[];
}

export async function webhookAttemptsOf(db: SqlRunner, deliveryId: string): Promise<WebhookAttemptRow[]> {
  return (await db.query(
    `SELECT number, attempted_at AS "attemptedAt", status, error, duration_ms AS "durationMs"
     FROM wallet.webhook_attempts WHERE delivery_id = $1 ORDER BY number`,
    [deliveryId],
  )) as WebhookAttemptRow[];
}

/** A delivery with its endpoint's owner (null: operators), for the owner check. */
export async function webhookDeliveryWithOwner(
  db: SqlRunner,
  deliveryId: string,
): Promise<(WebhookDeliveryRow & { ownerCustomerId: string | null }) | null> {
  const rows = (await db.query(
    `SELECT ${DELIVERY_COLUMNS}, e.customer_id AS "ownerCustomerId"
     FROM wallet.webhook_deliveries d JOIN wallet.event_outbox o ON o.id = d.event_id JOIN wallet.webhook_endpoints e ON e.id = d.endpoint_id
     WHERE d.id = $1`,
    [deliveryId],
  )) as Array<WebhookDeliveryRow & { ownerCustomerId: string | null }>;
  return rows[0] ?? null;
}

/**
 * Turns up to `limit` events not yet fanned out into their deliveries (one per matching
 * endpoint: its event types, and its customer unless it is an operator's) and marks them, in
 * one statement. Events committed late (a lower position) are still unmarked and taken then.
 */
export async function queueWebhookDeliveries(db: SqlRunner, now: Date, giveUpAfter: Date, limit: number): Promise<number> {
  const result = await db.query(
    `WITH events AS (
       SELECT id, type, customer_id FROM wallet.event_outbox WHERE webhooks_queued_at IS NULL
       ORDER BY position LIMIT $3 FOR UPDATE SKIP LOCKED
     ), queued AS (
       INSERT INTO wallet.webhook_deliveries (id, event_id, endpoint_id, status, next_attempt_at, give_up_after, created_at)
       SELECT gen_random_uuid(), ev.id, e.id, 'PENDING', $1, $2, $1
       FROM events ev JOIN wallet.webhook_endpoints e
         ON ev.type = ANY (e.event_types) AND (e.customer_id IS NULL OR e.customer_id = ev.customer_id)
       ON CONFLICT (event_id, endpoint_id) DO NOTHING
     )
     UPDATE wallet.event_outbox SET webhooks_queued_at = $1 WHERE id IN (SELECT id FROM events)
     RETURNING id`,
    [now, giveUpAfter, limit],
  );
  return returnedRows(result).length;
}

/** Claims up to `limit` due deliveries until `leaseUntil`, with their endpoint and event. */
export async function claimDueDeliveries(db: SqlRunner, now: Date, leaseUntil: Date, limit: number): Promise<DueDelivery[]> {
  const claimed = returnedRows<{ id: string }>(
    await db.query(
      `WITH due AS (
         SELECT id FROM wallet.webhook_deliveries
         WHERE status = 'PENDING' AND next_attempt_at <= $1 AND (claimed_until IS NULL OR claimed_until < $1)
         ORDER BY next_attempt_at LIMIT $3
         FOR UPDATE SKIP LOCKED
       )
       UPDATE wallet.webhook_deliveries SET claimed_until = $2 WHERE id IN (SELECT id FROM due) RETURNING id`,
      [now, leaseUntil, limit],
    ),
  );
  if (claimed.length === 0) return [];
  const rows = (await db.query(
    `SELECT d.id, d.attempt_count, d.give_up_after, e.url, e.signing_secret,
            o.id AS event_id, o.type, o.occurred_at, o.customer_id, o.card_id, o.platform, o.error_code, o.payload
     FROM wallet.webhook_deliveries d JOIN wallet.webhook_endpoints e ON e.id = d.endpoint_id JOIN wallet.event_outbox o ON o.id = d.event_id
     WHERE d.id = ANY ($1::uuid[])`,
    [claimed.map((c) => c.id)],
  )) as Array<Record<string, unknown>>;
  return rows.map((r) => ({
    id: r.id as string,
    attemptCount: Number(r.attempt_count),
    giveUpAfter: new Date(r.give_up_after as string),
    url: r.url as string,
    signingSecret: r.signing_secret as string,
    event: {
      id: r.event_id as string,
      type: r.type as string,
      occurredAt: new Date(r.occurred_at as string),
      customerId: r.customer_id as string,
      cardId: (r.card_id as string | null) ?? null,
      platform: (r.platform as string | null) ?? null,
      errorCode: (r.error_code as string | null) ?? null,
      payload: typeof r.payload === 'string' ? (JSON.parse(r.payload) as Record<string, unknown>) : (r.payload as Record<string, unknown>),
    },
  }));
}

/**
 * Records one attempt and where the delivery stands after it: DELIVERED, PENDING again at
 * `nextAttemptAt`, or FAILED (nextAttemptAt null). The lease is released either way.
 */
export async function recordWebhookAttempt(
  db: SqlRunner,
  delivery: { id: string; number: number },
  attempt: { attemptedAt: Date; status: number | null; error: string | null; durationMs: number },
  outcome: { status: WebhookDeliveryStatus; nextAttemptAt: Date | null },
): Promise<void> {
  await db.query(
    `WITH attempt AS (
       INSERT INTO wallet.webhook_attempts (delivery_id, number, attempted_at, status, error, duration_ms)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING
     )
     UPDATE wallet.webhook_deliveries
        SET attempt_count = $2, status = $7::text, next_attempt_at = $8, claimed_until = NULL,
            last_status = $4, last_error = $5, delivered_at = CASE WHEN $7::text = 'DELIVERED' THEN $3 ELSE delivered_at END
      WHERE id = $1`,
    [
      delivery.id,
      delivery.number,
      attempt.attemptedAt,
      attempt.status,
      attempt.error,
      attempt.durationMs,
      outcome.status,
      outcome.nextAttemptAt,
    ],
  );
}

/** Makes a delivery due now, with another window of retries. */
export async function scheduleRedelivery(db: SqlRunner, deliveryId: string, now: Date, giveUpAfter: Date): Promise<void> {
  await db.query(
    `UPDATE wallet.webhook_deliveries SET status = 'PENDING', next_attempt_at = $2, give_up_after = $3, claimed_until = NULL WHERE id = $1`,
    [deliveryId, now, giveUpAfter],
  );
}
