import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Transactions become the network's leg of a payment: keyed by the wallet's payment id
 * (idempotency), PENDING while the issuer decides, and remembering the limit windows
 * they were counted in so a reversal gives back exactly that.
 */
export class RoutePayments1764116000001 implements MigrationInterface {
  name = 'RoutePayments1764116000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE clearing.transactions ADD COLUMN payment_id uuid UNIQUE`);
    await q.query(`ALTER TABLE clearing.transactions ADD COLUMN reservations text`);
    await q.query(`ALTER TABLE clearing.transactions ADD COLUMN decline text`);
    await q.query(`ALTER TABLE clearing.transactions ADD COLUMN updated_at timestamptz`);
    await q.query(`ALTER TABLE clearing.transactions DROP CONSTRAINT transactions_status_check`);
    await q.query(
      `ALTER TABLE clearing.transactions ADD CONSTRAINT transactions_status_check
         CHECK (status IN ('PENDING', 'APPROVED', 'DECLINED', 'REVERSED'))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM clearing.transactions WHERE status = 'PENDING'`);
    await q.query(`ALTER TABLE clearing.transactions DROP CONSTRAINT transactions_status_check`);
    await q.query(
      `ALTER TABLE clearing.transactions ADD CONSTRAINT transactions_status_check CHECK (status IN ('APPROVED', 'DECLINED', 'REVERSED'))`,
    );
    await q.query(
      `ALTER TABLE clearing.transactions DROP COLUMN payment_id, DROP COLUMN reservations, DROP COLUMN decline, DROP COLUMN updated_at`,
    );
  }
}
