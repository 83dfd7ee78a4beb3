/**
 * The SDK's idempotency store for adapter calls made for one customer, kept in the issuer's
 * own idempotency_keys table under that customer (operations prefixed `adapter:`), so a
 * retried platform call with the same key is answered from the database on any replica —
 * and another customer's call with the same key is a call of its own.
 */
import type { DataSource } from 'typeorm';
import type { IdempotencyRecord, IdempotencyStore } from '@cardweave/adapter-sdk';
import { adapterResult, saveFirstAdapterResult } from '../db/queries/adapter-idempotency.queries';

export class AdapterIdempotencyStore implements IdempotencyStore {
  constructor(
    private readonly dataSource: DataSource,
    private readonly customerId: string,
  ) {}

  async find(scope: string, key: string): Promise<IdempotencyRecord | undefined> {
    const row = await adapterResult(this.dataSource, this.customerId, scope, key);
    return row ? { scope, key, ...row } : undefined;
  }

  async saveFirst(record: IdempotencyRecord): Promise<IdempotencyRecord> {
    await saveFirstAdapterResult(this.dataSource, this.customerId, record);
    return (await this.find(record.scope, record.key)) ?? record;
  }
}
