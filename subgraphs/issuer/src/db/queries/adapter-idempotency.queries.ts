/**
 * Adapter calls' results per customer and idempotency key, in the issuer's idempotency_keys
 * table (operations prefixed `adapter:`, apart from the mutations' own keys).
 */
import type { SqlRunner } from '@cardweave/subgraph-kit';

export interface AdapterResultRow {
  fingerprint: string;
  result: string;
  createdAt: Date;
}

export async function adapterResult(db: SqlRunner, customerId: string, scope: string, key: string): Promise<AdapterResultRow | null> {
  const [row] = (await db.query(
    `SELECT fingerprint, result, created_at FROM issuer.idempotency_keys
      WHERE customer_id = $1 AND operation = $2 AND key = $3 AND state = 'DONE'`,
    [customerId, `adapter:${scope}`, key],
  )) as Array<{ fingerprint: string; result: string; created_at: Date }>;
  return row ? { fingerprint: row.fingerprint, result: row.result, createdAt: new Date(row.created_at) } : null;
}

/** Keeps the first result for the customer's key; a later one for the same key is ignored. */
export async function saveFirstAdapterResult(
  db: SqlRunner,
  customerId: string,
  record: { scope: string; key: string; fingerprint: string; result: string; createdAt: Date },
): Promise<void> {
  await db.query(
    `INSERT INTO issuer.idempotency_keys (customer_id, operation, key, fingerprint, state, result, created_at)
     VALUES ($1, $2, $3, $4, 'DONE', $5, $6)
     ON CONFLICT (customer_id, operation, key) DO NOTHING`,
    [customerId, `adapter:${record.scope}`, record.key, record.fingerprint, record.result, record.createdAt],
  );
}
