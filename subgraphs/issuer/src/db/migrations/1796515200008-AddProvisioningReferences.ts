/**
 * Push provisioning: the opaque references the issuer mints to hand a card to a wallet without
 * its number. Only a hash of each is kept, with the card, the wallet it is for, when it lapses
 * and when (if ever) the wallet redeemed it: once, before it lapses.
 */
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddProvisioningReferences1796515200008 implements MigrationInterface {
  name = 'AddProvisioningReferences1796515200008';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE issuer.provisioning_references (
        id uuid PRIMARY KEY,
        card_id uuid NOT NULL REFERENCES issuer.cards(id),
        customer_id uuid NOT NULL,
        wallet_platform text NOT NULL,
        reference_hash text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        redeemed_at timestamptz
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE issuer.provisioning_references`);
  }
}
