/**
 * The card holder's own controls: the holder's limits on the card (per payment, per day,
 * per month, in fen; null when not set) and the merchant category groups the holder blocks,
 * kept on the card; the usage the daily and monthly limits count, one row per card and
 * window like the other platforms' (the kit's limit_usage); and, on each payment's leg,
 * what it reserved there, so a reversal gives back exactly that.
 */
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createLimitUsageTableSql } from '@cardweave/subgraph-kit';

export class AddHolderControls1796342400000 implements MigrationInterface {
  name = 'AddHolderControls1796342400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE issuer.cards
        ADD COLUMN holder_per_payment_fen bigint CHECK (holder_per_payment_fen > 0),
        ADD COLUMN holder_daily_fen bigint CHECK (holder_daily_fen > 0),
        ADD COLUMN holder_monthly_fen bigint CHECK (holder_monthly_fen > 0),
        ADD COLUMN holder_blocked_categories text[] NOT NULL DEFAULT '{}'`);
    await q.query(createLimitUsageTableSql('issuer'));
    await q.query(`ALTER TABLE issuer.authorizations ADD COLUMN reservations text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE issuer.authorizations DROP COLUMN reservations`);
    await q.query(`DROP TABLE issuer.limit_usage`);
    await q.query(`
      ALTER TABLE issuer.cards
        DROP COLUMN holder_per_payment_fen,
        DROP COLUMN holder_daily_fen,
        DROP COLUMN holder_monthly_fen,
        DROP COLUMN holder_blocked_categories`);
  }
}
