/**
 * Seeing a card's full number, expiry and CVV2: each reveal the holder unlocked with the payment
 * password, kept as its audit (who, when, from which request, and when it was shown) and as the
 * count the hourly limit reads. Only a hash of the single-use reveal token is kept; the card data
 * itself never is.
 */
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddCardReveals1796515200007 implements MigrationInterface {
  name = 'AddCardReveals1796515200007';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE issuer.card_reveals (
        id uuid PRIMARY KEY,
        card_id uuid NOT NULL REFERENCES issuer.cards(id),
        customer_id uuid NOT NULL,
        actor_subject text NOT NULL,
        token_hash text NOT NULL UNIQUE,
        started_request_id text NOT NULL,
        started_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        revealed_request_id text,
        revealed_at timestamptz
      )`);
    await q.query(`CREATE INDEX card_reveals_card_started ON issuer.card_reveals (card_id, started_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE issuer.card_reveals`);
  }
}
