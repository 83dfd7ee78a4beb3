/**
 * Webhook signing secrets sealed at rest, endpoints that end, and secrets that rotate.
 *
 * - `signing_secret_key_id`: the WEBHOOK_SECRET_KEYS key the secret is sealed under; null for
 *   a secret still in clear. The keys are configuration, not schema, so the rows written before
 *   this migration are sealed by the wallet when it starts (resealWebhookSecrets), which also
 *   moves rows of an older key to the current one; until then they still sign.
 * - `previous_signing_secret…`: after a rotation the old secret signs beside the new one until
 *   `previous_secret_expires_at`, so a receiver can switch without refusing a request.
 * - `deleted_at`: a deleted endpoint receives nothing more; its log stays readable. Its pending
 *   deliveries become CANCELLED.
 */
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class SealWebhookSecretsAndEndEndpoints1796947200001 implements MigrationInterface {
  name = 'SealWebhookSecretsAndEndEndpoints1796947200001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE wallet.webhook_endpoints
        ADD COLUMN signing_secret_key_id text,
        ADD COLUMN previous_signing_secret text,
        ADD COLUMN previous_signing_secret_key_id text,
        ADD COLUMN previous_secret_expires_at timestamptz,
        ADD COLUMN deleted_at timestamptz`);
    await q.query(`ALTER TABLE wallet.webhook_deliveries DROP CONSTRAINT webhook_deliveries_status_check`);
    await q.query(
      `ALTER TABLE wallet.webhook_deliveries ADD CONSTRAINT webhook_deliveries_status_check CHECK (status IN ('PENDING', 'DELIVERED', 'FAILED', 'CANCELLED'))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`UPDATE wallet.webhook_deliveries SET status = 'FAILED' WHERE status = 'CANCELLED'`);
    await q.query(`ALTER TABLE wallet.webhook_deliveries DROP CONSTRAINT webhook_deliveries_status_check`);
    await q.query(
      `ALTER TABLE wallet.webhook_deliveries ADD CONSTRAINT webhook_deliveries_status_check CHECK (status IN ('PENDING', 'DELIVERED', 'FAILED'))`,
    );
    // Sealed secrets cannot go back to clear without the keys: down leaves them sealed and unusable by the older code.
    await q.query(`
      ALTER TABLE wallet.webhook_endpoints
        DROP COLUMN signing_secret_key_id,
        DROP COLUMN previous_signing_secret,
        DROP COLUMN previous_signing_secret_key_id,
        DROP COLUMN previous_secret_expires_at,
        DROP COLUMN deleted_at`);
  }
}
