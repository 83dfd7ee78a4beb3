/**
 * The SDK's idempotency store for adapter calls, kept in the issuer's own
 * idempotency_keys table (scopes prefixed `adapter:`), so a retried platform call with
 * the same key is answered from the database on any replica.
 */
import type { DataSource } from 'typeorm';
import type { IdempotencyRecord, IdempotencyStore } from '@cardweave/adapter-sdk';

export class AdapterIdempotencyStore implements IdempotencyStore {
  constructor(
    private readonly dataSource: DataSource,
    private readonly schema: string,
  ) {}

  async find(scope: string, key: string): Promise<IdempotencyRecord | undefined> {
    const [row] = (await this.dataSource.query(
      `SELECT fingerprint, result, created_at FROM ${this.schema}.idempotency_keys WHERE scope = $1 AND key = $2 AND state = 'DONE'`,
      [`adapter:${scope}`, key],
    )) as Array<{ fingerprint: string; result: string; created_at: Date }>;
    return row ? { scope, key, fingerprint: row.fingerprint, result: row.result, createdAt: new Date(row.created_at) } : undefined;
  }

  async saveFirst(record: IdempotencyRecord): Promise<IdempotencyRecord> {
    await this.dataSource.query(
      `INSERT INTO ${this.schema}.idempotency_keys (scope, key, fingerprint, state, result, created_at) VALUES ($1, $2, $3, 'DONE', $4, $5)
       ON CONFLICT (scope, key) DO NOTHING`,
      [`adapter:${record.scope}`, record.key, record.fingerprint, record.result, record.createdAt],
    );
    return (await this.find(record.scope, record.key)) ?? record;
  }
}
