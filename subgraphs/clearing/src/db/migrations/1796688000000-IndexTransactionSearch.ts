import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes for searching a card's transactions. transactions_card_idx (card, newest first)
 * already serves a card's pages and a date range; these serve the two equality filters a
 * holder uses most, each in page order, so a page of a wallet's or a status's transactions
 * reads only its own rows and stops after the page, however long the card's history.
 */
export class IndexTransactionSearch1796688000000 implements MigrationInterface {
  name = 'IndexTransactionSearch1796688000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX transactions_card_wallet_idx ON clearing.transactions (card_id, wallet_platform, created_at DESC, id DESC)`,
    );
    await q.query(`CREATE INDEX transactions_card_status_idx ON clearing.transactions (card_id, status, created_at DESC, id DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX clearing.transactions_card_status_idx`);
    await q.query(`DROP INDEX clearing.transactions_card_wallet_idx`);
  }
}
