import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createLimitUsageTableSql } from '@cardweave/subgraph-kit';

export class CreateWalletTables1764115200001 implements MigrationInterface {
  name = 'CreateWalletTables1764115200001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE wallet.wallet_accounts (
        id uuid PRIMARY KEY,
        customer_id uuid NOT NULL,
        platform text NOT NULL,
        status text NOT NULL CHECK (status IN ('ACTIVE', 'RESTRICTED')),
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (customer_id, platform)
      )`);
    await q.query(`
      CREATE TABLE wallet.card_bindings (
        id uuid PRIMARY KEY,
        card_id uuid NOT NULL,
        wallet_account_id uuid NOT NULL REFERENCES wallet.wallet_accounts (id),
        platform text NOT NULL,
        status text NOT NULL CHECK (status IN ('ACTIVE', 'SUSPENDED', 'REMOVED')),
        verification_method text NOT NULL,
        bound_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX card_bindings_card_idx ON wallet.card_bindings (card_id)`);
    await q.query(`CREATE INDEX card_bindings_account_idx ON wallet.card_bindings (wallet_account_id)`);
    // One live binding per card and wallet account.
    await q.query(
      `CREATE UNIQUE INDEX card_bindings_live_uq ON wallet.card_bindings (card_id, wallet_account_id) WHERE status <> 'REMOVED'`,
    );
    await q.query(createLimitUsageTableSql('wallet'));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE wallet.limit_usage, wallet.card_bindings, wallet.wallet_accounts`);
  }
}
