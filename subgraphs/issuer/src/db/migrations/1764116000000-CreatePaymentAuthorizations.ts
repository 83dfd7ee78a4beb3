import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The issuer's leg of each payment, keyed by the payment id the wallet chose: the key
 * makes the hop idempotent, and a reversal that arrives first leaves a REVERSED row so
 * a late authorization for the same payment is refused.
 */
export class CreatePaymentAuthorizations1764116000000 implements MigrationInterface {
  name = 'CreatePaymentAuthorizations1764116000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE issuer.authorizations (
        payment_id uuid PRIMARY KEY,
        card_id uuid NOT NULL,
        transaction_id uuid,
        amount_fen bigint NOT NULL CHECK (amount_fen > 0),
        status text NOT NULL CHECK (status IN ('APPROVED', 'REFUSED', 'REVERSED')),
        decline text,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX authorizations_card_idx ON issuer.authorizations (card_id, created_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE issuer.authorizations`);
  }
}
