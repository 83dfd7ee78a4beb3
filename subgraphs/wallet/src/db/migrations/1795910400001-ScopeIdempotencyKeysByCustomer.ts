/**
 * Idempotency keys become per customer and operation, in columns of their own: the wallet's
 * scopes already named the customer (`bind:<customer>`, `pay:<customer>`), now the primary
 * key (customer_id, operation, key) says so, as in every subgraph. Existing keys keep
 * answering their customer.
 */
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { scopeIdempotencyKeysByCustomerSql } from '@cardweave/subgraph-kit';

export class ScopeIdempotencyKeysByCustomer1795910400001 implements MigrationInterface {
  name = 'ScopeIdempotencyKeysByCustomer1795910400001';

  async up(q: QueryRunner): Promise<void> {
    for (const sql of scopeIdempotencyKeysByCustomerSql('wallet', [
      `UPDATE wallet.idempotency_keys
          SET operation = CASE split_part(scope, ':', 1) WHEN 'bind' THEN 'bindCard' ELSE 'pay' END,
              customer_id = substr(scope, position(':' IN scope) + 1)::uuid
        WHERE scope ~ '^(bind|pay):[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$'`,
    ])) {
      await q.query(sql);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE wallet.idempotency_keys DROP CONSTRAINT idempotency_keys_pkey`);
    await q.query(`ALTER TABLE wallet.idempotency_keys ADD COLUMN scope text`);
    await q.query(
      `UPDATE wallet.idempotency_keys SET scope = CASE operation WHEN 'bindCard' THEN 'bind' ELSE 'pay' END || ':' || customer_id::text`,
    );
    await q.query(`ALTER TABLE wallet.idempotency_keys DROP COLUMN customer_id, DROP COLUMN operation, ALTER COLUMN scope SET NOT NULL`);
    await q.query(`ALTER TABLE wallet.idempotency_keys ADD PRIMARY KEY (scope, key)`);
  }
}
