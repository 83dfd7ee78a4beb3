/** The table of claimed request nonces (service-auth.ts), one per subgraph schema. */
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createServiceNoncesTableSql } from './service-auth';

export function serviceNoncesMigration(schema: string): new () => MigrationInterface {
  return class CreateServiceNonces1765000000000 implements MigrationInterface {
    name = 'CreateServiceNonces1765000000000';
    async up(q: QueryRunner): Promise<void> {
      await q.query(createServiceNoncesTableSql(schema));
      await q.query(`CREATE INDEX service_nonces_expires_at ON ${schema}.service_nonces (expires_at)`);
    }
    async down(q: QueryRunner): Promise<void> {
      await q.query(`DROP TABLE ${schema}.service_nonces`);
    }
  };
}
