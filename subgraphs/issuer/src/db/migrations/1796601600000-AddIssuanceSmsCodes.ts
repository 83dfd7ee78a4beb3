/**
 * The SMS code of a card issuance, as the issuer counts it: the code itself is JD Finance's
 * (texted to the phone it holds, never seen here), the counts are ours and live in one row
 * per issuance, so every replica sees the same ones. A send is one conditional upsert
 * (`… ON CONFLICT DO UPDATE … WHERE sends < max AND last_sent_at <= now − interval`) and a
 * try one conditional UPDATE (`… WHERE attempts < max AND expires_at > now`): two requests at
 * once on any replicas cannot both pass a limit the row has reached.
 *
 * A try is claimed before the platform is asked, under its idempotency key (sms_code_attempts),
 * so a retry with the same key does not count twice.
 */
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddIssuanceSmsCodes1796601600000 implements MigrationInterface {
  name = 'AddIssuanceSmsCodes1796601600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE issuer.issuance_sms_codes (
        issuance_id uuid PRIMARY KEY REFERENCES issuer.card_issuances (id),
        sends integer NOT NULL CHECK (sends >= 0),
        last_sent_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0)
      )`);
    await q.query(`
      CREATE TABLE issuer.issuance_sms_attempts (
        issuance_id uuid NOT NULL REFERENCES issuer.card_issuances (id),
        idempotency_key text NOT NULL,
        send_number integer NOT NULL,
        claimed_at timestamptz NOT NULL,
        PRIMARY KEY (issuance_id, idempotency_key)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE issuer.issuance_sms_attempts, issuer.issuance_sms_codes`);
  }
}
