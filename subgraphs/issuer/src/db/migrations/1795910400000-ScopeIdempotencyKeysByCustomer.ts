/**
 * Idempotency keys become per customer and operation: the primary key (scope, key), where
 * the scope was only the mutation's name, let one customer use up or probe another's keys.
 * Existing keys keep working for their customer where the stored result names it (an
 * issuance, a repayment, a freeze); the rest (declines without an id, adapter results) can
 * no longer be told apart and match nothing again, as if they had expired.
 */
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { scopeIdempotencyKeysByCustomerSql } from '@cardweave/subgraph-kit';

const UUID = `'^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$'`;

export class ScopeIdempotencyKeysByCustomer1795910400000 implements MigrationInterface {
  name = 'ScopeIdempotencyKeysByCustomer1795910400000';

  async up(q: QueryRunner): Promise<void> {
    for (const sql of scopeIdempotencyKeysByCustomerSql('issuer', [
      `UPDATE issuer.idempotency_keys k SET customer_id = i.customer_id
         FROM issuer.card_issuances i
        WHERE k.scope IN ('startCardIssuance', 'verifyCardIssuanceStep', 'issueCard') AND k.result IS NOT NULL
          AND i.id::text = k.result::jsonb ->> 'issuanceId'`,
      `UPDATE issuer.idempotency_keys k SET customer_id = l.customer_id
         FROM issuer.repayments r JOIN issuer.credit_lines l ON l.id = r.credit_line_id
        WHERE k.scope = 'repay' AND k.result IS NOT NULL AND r.id::text = k.result::jsonb -> 'repayment' ->> 'id'`,
      `UPDATE issuer.idempotency_keys SET customer_id = (result::jsonb ->> 'customerId')::uuid
        WHERE scope IN ('freezeCustomer', 'unfreezeCustomer') AND result IS NOT NULL AND result::jsonb ->> 'customerId' ~ ${UUID}`,
    ])) {
      await q.query(sql);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    // Keys are short-lived; going back drops them rather than merging customers' keys into one scope.
    await q.query(`DELETE FROM issuer.idempotency_keys`);
    await q.query(`ALTER TABLE issuer.idempotency_keys DROP CONSTRAINT idempotency_keys_pkey`);
    await q.query(`ALTER TABLE issuer.idempotency_keys DROP COLUMN customer_id, DROP COLUMN operation, ADD COLUMN scope text NOT NULL`);
    await q.query(`ALTER TABLE issuer.idempotency_keys ADD PRIMARY KEY (scope, key)`);
  }
}
