import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createLimitUsageTableSql } from '@cardweave/subgraph-kit';

export class CreateClearingTables1764115200002 implements MigrationInterface {
  name = 'CreateClearingTables1764115200002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE clearing.transactions (
        id uuid PRIMARY KEY,
        card_id uuid NOT NULL,
        wallet_platform text NOT NULL,
        network_platform text NOT NULL,
        merchant_name text NOT NULL,
        merchant_category text NOT NULL CHECK (merchant_category ~ '^[0-9]{4}$'),
        amount_fen bigint NOT NULL CHECK (amount_fen > 0),
        status text NOT NULL CHECK (status IN ('APPROVED', 'DECLINED', 'REVERSED')),
        decline_code text,
        created_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX transactions_card_idx ON clearing.transactions (card_id, created_at DESC, id DESC)`);
    await q.query(createLimitUsageTableSql('clearing'));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE clearing.limit_usage, clearing.transactions`);
  }
}
