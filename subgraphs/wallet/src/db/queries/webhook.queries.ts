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
import type { StoredSecret } from '../../webhooks/webhook-secret-keys';

export interface WebhookEndpointRow {
  id: string;
  url: string;
  eventTypes: string[];
  /** The customer whose events it receives; null: every customer's (an operator's endpoint). */
  customerId: string | null;
  createdAt: Date;
  /** When it was deleted (it receives nothing since); null while it is live. */
  deletedAt: Date | null;
  /** Until when the secret before the last rotation still signs beside the current one. */
  previousSecretExpiresAt: Date | null;
}

export type WebhookDeliveryStatus = 'PENDING' | 'DELIVERED' | 'FAILED' | 'CANCELLED';

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
  endpointId: string;
  url: string;
  /** The endpoint's secret as stored (sealed), and the one before it while it still signs. */
  signingSecret: StoredSecret;
  previousSigningSecret: StoredSecret | null;
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

const ENDPOINT_COLUMNS = `id, url, event_types AS "eventTypes", customer_id AS "customerId", created_at AS "createdAt",
  deleted_at AS "deletedAt", previous_secret_expires_at AS "previousSecretExpiresAt"`;
/**
 * A delivery's event: in the inbox (where the fan-out reads), or, for a delivery queued from the
 * wallet's outbox before the fan-out read the inbox, there (such an event may never reach the inbox).
 */
const DELIVERY_EVENT_JOIN = `LEFT JOIN wallet.event_inbox i ON i.id = d.event_id
  LEFT JOIN wallet.event_outbox o ON i.id IS NULL AND o.id = d.event_id`;
const DELIVERY_COLUMNS = `d.id, d.event_id AS "eventId", COALESCE(i.type, o.type) AS "eventType", d.endpoint_id AS "endpointId", d.status,
  d.attempt_count AS "attemptCount", d.next_attempt_at AS "nextAttemptAt", d.last_status AS "lastStatus",
  d.last_error AS "lastError", d.delivered_at AS "deliveredAt"`;

/** A new endpoint, its signing secret sealed (`signingSecret.keyId`: the key it is sealed under). */
export async function insertWebhookEndpoint(
  db: SqlRunner,
  endpoint: Pick<WebhookEndpointRow, 'id' | 'url' | 'eventTypes' | 'customerId' | 'createdAt'> & {
    signingSecret: { keyId: string; value: string };
  },
): Promise<WebhookEndpointRow> {
  const rows = (await db.query(
    `INSERT INTO wallet.webhook_endpoints (id, url, event_types, customer_id, signing_secret, signing_secret_key_id, created_at)
     VALUES ($1, $2, $3::text[], $4, $5, $6, $7) RETURNING ${ENDPOINT_COLUMNS}`,
    [
      endpoint.id,
      endpoint.url,
      endpoint.eventTypes,
      endpoint.customerId,
      endpoint.signingSecret.value,
      endpoint.signingSecret.keyId,
      endpoint.createdAt,
    ],
  )) as WebhookEndpointRow[];
  return rows[0];
}

/**
 * A page of endpoints, oldest first, after `after` (the last one's created_at as text and id):
 * one customer's (`customerId`), or (`customerId` undefined) every endpoint, the operators' and
 * each customer's. Each row carries its created_at as PostgreSQL prints it, for the cursor.
 */
export async function webhookEndpointsPage(
  db: SqlRunner,
  options: { customerId?: string; includeDeleted: boolean; after: { sort: string; id: string } | null; limit: number },
): Promise<Array<WebhookEndpointRow & { sort: string }>> {
  return (await db.query(
    `SELECT ${ENDPOINT_COLUMNS}, created_at::text AS sort FROM wallet.webhook_endpoints
     WHERE ($1::uuid IS NULL OR customer_id = $1::uuid) AND (deleted_at IS NULL OR $2::boolean)
       AND ($3::timestamptz IS NULL OR (created_at, id) > ($3::timestamptz, $4::uuid))
     ORDER BY created_at, id LIMIT $5`,
    [options.customerId ?? null, options.includeDeleted, options.after?.sort ?? null, options.after?.id ?? null, options.limit],
  )) as Array<WebhookEndpointRow & { sort: string }>;
}

export async function webhookEndpointById(db: SqlRunner, endpointId: string): Promise<WebhookEndpointRow | null> {
  const rows = (await db.query(`SELECT ${ENDPOINT_COLUMNS} FROM wallet.webhook_endpoints WHERE id = $1`, [
    endpointId,
  ])) as WebhookEndpointRow[];
  return rows[0] ?? null;
}

/**
 * Deletes an endpoint (once: a second call keeps the first time) and cancels its pending
 * deliveries, in one statement. A delivery queued by a fan-out that began before this one
 * committed is cancelled when it is next claimed (claimDueDeliveries).
 */
export async function deleteWebhookEndpointRow(db: SqlRunner, endpointId: string, now: Date): Promise<WebhookEndpointRow | null> {
  const rows = (await db.query(
    `WITH ended AS (
       UPDATE wallet.webhook_endpoints SET deleted_at = COALESCE(deleted_at, $2::timestamptz) WHERE id = $1 RETURNING ${ENDPOINT_COLUMNS}
     ), cancelled AS (
       UPDATE wallet.webhook_deliveries
          SET status = 'CANCELLED', next_attempt_at = NULL, claimed_until = NULL, last_error = '${CANCELLED_ERROR}'
        WHERE endpoint_id IN (SELECT id FROM ended) AND status = 'PENDING'
     )
     SELECT * FROM ended`,
    [endpointId, now],
  )) as WebhookEndpointRow[];
  return rows[0] ?? null;
}

/** What a cancelled delivery's log says. */
export const CANCELLED_ERROR = 'cancelled: the endpoint was deleted';

/**
 * Gives a live endpoint a new (sealed) secret; the one it replaces keeps signing until
 * `previousUntil`, or stops now (null). Null when the endpoint is deleted.
 */
export async function replaceWebhookSecret(
  db: SqlRunner,
  endpointId: string,
  secret: { keyId: string; value: string },
  previousUntil: Date | null,
): Promise<WebhookEndpointRow | null> {
  const rows = returnedRows<WebhookEndpointRow>(
    await db.query(
      `UPDATE wallet.webhook_endpoints
        SET previous_signing_secret = CASE WHEN $4::timestamptz IS NULL THEN NULL ELSE signing_secret END,
            previous_signing_secret_key_id = CASE WHEN $4::timestamptz IS NULL THEN NULL ELSE signing_secret_key_id END,
            previous_secret_expires_at = $4::timestamptz,
            signing_secret = $2, signing_secret_key_id = $3
      WHERE id = $1 AND deleted_at IS NULL
      RETURNING ${ENDPOINT_COLUMNS}`,
      [endpointId, secret.value, secret.keyId, previousUntil],
    ),
  );
  return rows[0] ?? null;
}

/** An endpoint's stored secrets (current and previous), as the sealing at start reads them. */
export interface StoredEndpointSecrets {
  id: string;
  current: StoredSecret;
  previous: StoredSecret | null;
}

/** Up to `limit` endpoints with a secret in clear or under a key other than `keyId`, after `afterId`. */
export async function endpointSecretsNotUnder(
  db: SqlRunner,
  keyId: string,
  afterId: string,
  limit: number,
): Promise<StoredEndpointSecrets[]> {
  const rows = (await db.query(
    `SELECT id, signing_secret, signing_secret_key_id, previous_signing_secret, previous_signing_secret_key_id
     FROM wallet.webhook_endpoints
     WHERE id > $2 AND (signing_secret_key_id IS DISTINCT FROM $1
        OR (previous_signing_secret IS NOT NULL AND previous_signing_secret_key_id IS DISTINCT FROM $1))
     ORDER BY id LIMIT $3`,
    [keyId, afterId, limit],
  )) as Array<Record<string, string | null>>;
  return rows.map((r) => ({
    id: r.id!,
    current: { keyId: r.signing_secret_key_id, value: r.signing_secret! },
    previous: r.previous_signing_secret === null ? null : { keyId: r.previous_signing_secret_key_id, value: r.previous_signing_secret },
  }));
}

/**
 * Stores an endpoint's secrets sealed anew, if they are still as read (`was`): a rotation or
 * another replica's sealing in between wins. True when this one was written.
 */
export async function storeResealedSecrets(
  db: SqlRunner,
  was: StoredEndpointSecrets,
  now: { current: StoredSecret; previous: StoredSecret | null },
): Promise<boolean> {
  const result = await db.query(
    `UPDATE wallet.webhook_endpoints
        SET signing_secret = $6, signing_secret_key_id = $7, previous_signing_secret = $8, previous_signing_secret_key_id = $9
      WHERE id = $1 AND signing_secret = $2 AND signing_secret_key_id IS NOT DISTINCT FROM $3
        AND previous_signing_secret IS NOT DISTINCT FROM $4 AND previous_signing_secret_key_id IS NOT DISTINCT FROM $5
      RETURNING id`,
    [
      was.id,
      was.current.value,
      was.current.keyId,
      was.previous?.value ?? null,
      was.previous?.keyId ?? null,
      now.current.value,
      now.current.keyId,
      now.previous?.value ?? null,
      now.previous?.keyId ?? null,
    ],
  );
  return returnedRows(result).length === 1;
}

export async function webhookDeliveriesOf(db: SqlRunner, endpointId: string, first: number): Promise<WebhookDeliveryRow[]> {
  return (await db.query(
    `SELECT ${DELIVERY_COLUMNS} FROM wallet.webhook_deliveries d ${DELIVERY_EVENT_JOIN}
     WHERE d.endpoint_id = $1 ORDER BY d.created_at DESC, i.position DESC NULLS LAST, o.position DESC LIMIT $2`,
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

/** A delivery with its endpoint's owner (null: operators), for the owner check, and whether the endpoint was deleted. */
export async function webhookDeliveryWithOwner(
  db: SqlRunner,
  deliveryId: string,
): Promise<(WebhookDeliveryRow & { ownerCustomerId: string | null; endpointDeletedAt: Date | null }) | null> {
  const rows = (await db.query(
    `SELECT ${DELIVERY_COLUMNS}, e.customer_id AS "ownerCustomerId", e.deleted_at AS "endpointDeletedAt"
     FROM wallet.webhook_deliveries d ${DELIVERY_EVENT_JOIN} JOIN wallet.webhook_endpoints e ON e.id = d.endpoint_id
     WHERE d.id = $1`,
    [deliveryId],
  )) as Array<WebhookDeliveryRow & { ownerCustomerId: string | null; endpointDeletedAt: Date | null }>;
  return rows[0] ?? null;
}

/**
 * Turns up to `limit` events of the inbox (every service's, each once) not yet fanned out into
 * their deliveries (one per matching endpoint: its event types, and its customer unless it is
 * an operator's) and marks them, in one statement. Events stored late (a lower position) are
 * still unmarked and taken then; replicas skip each other's rows (SKIP LOCKED), and a delivery
 * is unique per event and endpoint. A wallet event its outbox fanned out before the fan-out read
 * the inbox is marked without deliveries (its own were queued then).
 */
export async function queueWebhookDeliveries(db: SqlRunner, now: Date, giveUpAfter: Date, limit: number): Promise<number> {
  const result = await db.query(
    `WITH events AS (
       SELECT id, type, customer_id FROM wallet.event_inbox WHERE webhooks_queued_at IS NULL
       ORDER BY position LIMIT $3 FOR UPDATE SKIP LOCKED
     ), queued AS (
       INSERT INTO wallet.webhook_deliveries (id, event_id, endpoint_id, status, next_attempt_at, give_up_after, created_at)
       SELECT gen_random_uuid(), ev.id, e.id, 'PENDING', $1, $2, $1
       FROM events ev JOIN wallet.webhook_endpoints e
         ON ev.type = ANY (e.event_types) AND (e.customer_id IS NULL OR e.customer_id = ev.customer_id) AND e.deleted_at IS NULL
       WHERE NOT EXISTS (SELECT 1 FROM wallet.event_outbox o WHERE o.id = ev.id AND o.webhooks_queued_at IS NOT NULL)
       ON CONFLICT (event_id, endpoint_id) DO NOTHING
     )
     UPDATE wallet.event_inbox SET webhooks_queued_at = $1 WHERE id IN (SELECT id FROM events)
     RETURNING id`,
    [now, giveUpAfter, limit],
  );
  return returnedRows(result).length;
}

/**
 * Claims up to `limit` due deliveries until `leaseUntil`, with their endpoint and event. A due
 * delivery of a deleted endpoint (queued while it was being deleted) is cancelled instead.
 */
export async function claimDueDeliveries(db: SqlRunner, now: Date, leaseUntil: Date, limit: number): Promise<DueDelivery[]> {
  const claimed = returnedRows<{ id: string; cancelled: boolean }>(
    await db.query(
      `WITH due AS (
         SELECT d.id, e.deleted_at IS NOT NULL AS cancelled
         FROM wallet.webhook_deliveries d JOIN wallet.webhook_endpoints e ON e.id = d.endpoint_id
         WHERE d.status = 'PENDING' AND d.next_attempt_at <= $1 AND (d.claimed_until IS NULL OR d.claimed_until < $1)
         ORDER BY d.next_attempt_at LIMIT $3
         FOR UPDATE OF d SKIP LOCKED
       )
       UPDATE wallet.webhook_deliveries d
          SET claimed_until = CASE WHEN due.cancelled THEN NULL ELSE $2::timestamptz END,
              status = CASE WHEN due.cancelled THEN 'CANCELLED' ELSE d.status END,
              next_attempt_at = CASE WHEN due.cancelled THEN NULL ELSE d.next_attempt_at END,
              last_error = CASE WHEN due.cancelled THEN '${CANCELLED_ERROR}' ELSE d.last_error END
         FROM due WHERE d.id = due.id
       RETURNING d.id, due.cancelled`,
      [now, leaseUntil, limit],
    ),
  ).filter((c) => !c.cancelled);
  if (claimed.length === 0) return [];
  const rows = (await db.query(
    `SELECT d.id, d.attempt_count, d.give_up_after, e.id AS endpoint_id, e.url, e.signing_secret, e.signing_secret_key_id,
            CASE WHEN e.previous_secret_expires_at > $2::timestamptz THEN e.previous_signing_secret END AS previous_signing_secret,
            e.previous_signing_secret_key_id,
            d.event_id, COALESCE(i.type, o.type) AS type, COALESCE(i.occurred_at, o.occurred_at) AS occurred_at,
            COALESCE(i.customer_id, o.customer_id) AS customer_id, COALESCE(i.card_id, o.card_id) AS card_id,
            COALESCE(i.platform, o.platform) AS platform, COALESCE(i.error_code, o.error_code) AS error_code,
            COALESCE(i.payload, o.payload) AS payload
     FROM wallet.webhook_deliveries d JOIN wallet.webhook_endpoints e ON e.id = d.endpoint_id ${DELIVERY_EVENT_JOIN}
     WHERE d.id = ANY ($1::uuid[])`,
    [claimed.map((c) => c.id), now],
  )) as Array<Record<string, unknown>>;
  return rows.map((r) => ({
    id: r.id as string,
    attemptCount: Number(r.attempt_count),
    giveUpAfter: new Date(r.give_up_after as string),
    endpointId: r.endpoint_id as string,
    url: r.url as string,
    signingSecret: { keyId: (r.signing_secret_key_id as string | null) ?? null, value: r.signing_secret as string },
    previousSigningSecret:
      r.previous_signing_secret == null
        ? null
        : { keyId: (r.previous_signing_secret_key_id as string | null) ?? null, value: r.previous_signing_secret as string },
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
 * `nextAttemptAt`, or FAILED (nextAttemptAt null). The lease is released either way. A
 * delivery cancelled while its request was in flight stays CANCELLED unless that request
 * got through.
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
        SET attempt_count = $2, claimed_until = NULL,
            status = CASE WHEN status = 'CANCELLED' AND $7::text <> 'DELIVERED' THEN 'CANCELLED' ELSE $7::text END,
            next_attempt_at = CASE WHEN status = 'CANCELLED' THEN NULL ELSE $8::timestamptz END,
            last_status = $4, last_error = CASE WHEN status = 'CANCELLED' AND $7::text <> 'DELIVERED' THEN last_error ELSE $5 END,
            delivered_at = CASE WHEN $7::text = 'DELIVERED' THEN $3 ELSE delivered_at END
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

/**
 * Deletes up to `limit` finished deliveries (DELIVERED, FAILED, CANCELLED) whose retry window
 * ended before `cutoff`, with their attempts, oldest first; the number deleted. The window's end
 * (give_up_after) is the delivery's last moment of activity: no attempt is made after it, and a
 * redelivery opens a new one, so a delivery is kept the retention from its last attempt. A
 * PENDING one (retrying, or claimed) stays however old it is. Deleting it lets the inbox and
 * outbox rows it referred to go by their own retention.
 */
export async function trimFinishedDeliveries(db: SqlRunner, cutoff: Date, limit: number): Promise<number> {
  const rows = await db.query(
    `WITH doomed AS (
       SELECT id FROM wallet.webhook_deliveries
       WHERE status IN ('DELIVERED', 'FAILED', 'CANCELLED') AND give_up_after < $1
       ORDER BY give_up_after LIMIT $2
       FOR UPDATE SKIP LOCKED
     ), attempts AS (
       DELETE FROM wallet.webhook_attempts WHERE delivery_id IN (SELECT id FROM doomed)
     )
     DELETE FROM wallet.webhook_deliveries WHERE id IN (SELECT id FROM doomed)
     RETURNING id`,
    [cutoff, limit],
  );
  return returnedRows(rows).length;
}
