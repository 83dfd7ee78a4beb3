import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The wallet's leg of each payment. The wallet starts the chain, so its row is the
 * coordinator's record: RESERVED while clearing and the issuer decide, then APPROVED,
 * DECLINED or REVERSED. A row left RESERVED or REVERSING by a crash is found by the
 * recovery job (partial index) and reversed down the chain.
 */
export class CreatePayments1764116000002 implements MigrationInterface {
  name = 'CreatePayments1764116000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE wallet.payments (
        id uuid PRIMARY KEY,
        customer_id uuid NOT NULL,
        binding_id uuid NOT NULL REFERENCES wallet.card_bindings (id),
        card_id uuid NOT NULL,
        wallet_account_id uuid NOT NULL REFERENCES wallet.wallet_accounts (id),
        platform text NOT NULL,
        amount_fen bigint NOT NULL CHECK (amount_fen > 0),
        merchant_name text NOT NULL,
        merchant_category text NOT NULL,
        status text NOT NULL CHECK (status IN ('RESERVED', 'APPROVED', 'DECLINED', 'REVERSING', 'REVERSED')),
        decline text,
        reservations text NOT NULL,
        transaction_id uuid,
        idempotency_key text NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX payments_binding_idx ON wallet.payments (binding_id, created_at DESC)`);
    await q.query(`CREATE INDEX payments_open_idx ON wallet.payments (updated_at) WHERE status IN ('RESERVED', 'REVERSING')`);
    // Keyed by (scope, key) as first released; a later migration scopes the keys per customer.
    await q.query(`
      CREATE TABLE wallet.idempotency_keys (
        scope text NOT NULL,
        key text NOT NULL,
        fingerprint text NOT NULL,
        state text NOT NULL CHECK (state IN ('IN_PROGRESS', 'DONE')),
        result text,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (scope, key)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE wallet.payments, wallet.idempotency_keys`);
  }
}
