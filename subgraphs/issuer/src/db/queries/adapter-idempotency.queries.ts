/**
 * Adapter calls' results per idempotency key, in the issuer's idempotency_keys table
 * (scopes prefixed `adapter:`, apart from the mutations' own keys).
 */
import type { SqlRunner } from '@cardweave/subgraph-kit';

export interface AdapterResultRow {
  fingerprint: string;
  result: string;
  createdAt: Date;
}

export async function adapterResult(db: SqlRunner, scope: string, key: string): Promise<AdapterResultRow | null> {
  const [row] = (await db.query(
    `SELECT fingerprint, result, created_at FROM issuer.idempotency_keys WHERE scope = $1 AND key = $2 AND state = 'DONE'`,
    [`adapter:${scope}`, key],
  )) as Array<{ fingerprint: string; result: string; created_at: Date }>;
  return row ? { fingerprint: row.fingerprint, result: row.result, createdAt: new Date(row.created_at) } : null;
}

/** Keeps the first result for the key; a later one for the same key is ignored. */
export async function saveFirstAdapterResult(
  db: SqlRunner,
  record: { scope: string; key: string; fingerprint: string; result: string; createdAt: Date },
): Promise<void> {
  await db.query(
    `INSERT INTO issuer.idempotency_keys (scope, key, fingerprint, state, result, created_at) VALUES ($1, $2, $3, 'DONE', $4, $5)
     ON CONFLICT (scope, key) DO NOTHING`,
    [`adapter:${record.scope}`, record.key, record.fingerprint, record.result, record.createdAt],
  );
}
