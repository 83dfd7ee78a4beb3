/**
 * Webhooks: endpoints (an operator's for every customer, or one customer's own), one delivery
 * per event and endpoint, and each HTTP attempt of a delivery.
 *
 * The outbox gains `webhooks_queued_at`: the delivery worker turns each event into its
 * deliveries once, in one statement, and marks it; the partial index keeps that read to the
 * events still to fan out. Events written before webhooks existed are marked already, so a
 * first endpoint does not receive the whole history.
 */
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateWebhooks1796860800001 implements MigrationInterface {
  name = 'CreateWebhooks1796860800001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE wallet.webhook_endpoints (
        id uuid PRIMARY KEY,
        url text NOT NULL CHECK (url ~ '^https?://'),
        event_types text[] NOT NULL CHECK (cardinality(event_types) > 0),
        customer_id uuid,
        signing_secret text NOT NULL,
        created_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX webhook_endpoints_customer_idx ON wallet.webhook_endpoints (customer_id)`);
    await q.query(`
      CREATE TABLE wallet.webhook_deliveries (
        id uuid PRIMARY KEY,
        event_id uuid NOT NULL,
        endpoint_id uuid NOT NULL REFERENCES wallet.webhook_endpoints (id),
        status text NOT NULL CHECK (status IN ('PENDING', 'DELIVERED', 'FAILED')),
        attempt_count integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz,
        claimed_until timestamptz,
        give_up_after timestamptz NOT NULL,
        last_status integer,
        last_error text,
        delivered_at timestamptz,
        created_at timestamptz NOT NULL,
        UNIQUE (event_id, endpoint_id)
      )`);
    await q.query(`CREATE INDEX webhook_deliveries_due_idx ON wallet.webhook_deliveries (next_attempt_at) WHERE status = 'PENDING'`);
    await q.query(`CREATE INDEX webhook_deliveries_endpoint_idx ON wallet.webhook_deliveries (endpoint_id, created_at DESC)`);
    await q.query(`
      CREATE TABLE wallet.webhook_attempts (
        delivery_id uuid NOT NULL REFERENCES wallet.webhook_deliveries (id),
        number integer NOT NULL,
        attempted_at timestamptz NOT NULL,
        status integer,
        error text,
        duration_ms integer NOT NULL,
        PRIMARY KEY (delivery_id, number)
      )`);
    await q.query(`ALTER TABLE wallet.event_outbox ADD COLUMN webhooks_queued_at timestamptz`);
    await q.query(`UPDATE wallet.event_outbox SET webhooks_queued_at = occurred_at`);
    await q.query(`CREATE INDEX event_outbox_webhooks_pending ON wallet.event_outbox (position) WHERE webhooks_queued_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE wallet.event_outbox DROP COLUMN webhooks_queued_at`);
    await q.query(`DROP TABLE wallet.webhook_attempts`);
    await q.query(`DROP TABLE wallet.webhook_deliveries`);
    await q.query(`DROP TABLE wallet.webhook_endpoints`);
  }
}
