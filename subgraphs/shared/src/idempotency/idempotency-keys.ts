/**
 * Idempotency for mutations, in the subgraph's own database (Stripe's semantics): the
 * first result for a key is stored and replayed; the same key with different input is
 * refused; a key whose first request is still running is reported as such, never run twice.
 *
 * A key belongs to one customer and one operation: the primary key is (customer_id,
 * operation, key), so one customer can neither use up nor probe another customer's keys,
 * and the same key on another operation is a request of its own.
 *
 * The key is claimed with an INSERT in the same transaction as the effect, so two
 * concurrent requests with one key serialise on the primary key — across replicas too.
 */
import type { EntityManager } from 'typeorm';
import { deserializeResult, fingerprintInput, serializeResult } from '@cardweave/adapter-sdk';

/** Whose key and for what: the customer the request acts for, and the mutation (or adapter call). */
export interface IdempotencyScope {
  customerId: string;
  operation: string;
}

/**
 * The table every subgraph with mutations has in its own schema, as of the migration that
 * scoped keys per customer (earlier migrations created it keyed by (scope, key)).
 */
export function createIdempotencyTableSql(schema: string): string {
  return `
    CREATE TABLE ${schema}.idempotency_keys (
      customer_id uuid NOT NULL,
      operation text NOT NULL,
      key text NOT NULL,
      fingerprint text NOT NULL,
      state text NOT NULL CHECK (state IN ('IN_PROGRESS', 'DONE')),
      result text,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (customer_id, operation, key)
    )`;
}

/**
 * A key stored before keys were per customer, whose customer cannot be told any more: it
 * matches no request again (as if it had expired).
 */
export const UNATTRIBUTED_CUSTOMER = '00000000-0000-0000-0000-000000000000';

/**
 * Turns a (scope, key) table into the per-customer one. `attribute` is SQL that sets
 * customer_id and operation of the existing rows from their scope (and what else the
 * subgraph knows); rows it leaves without a customer get UNATTRIBUTED_CUSTOMER.
 */
export function scopeIdempotencyKeysByCustomerSql(schema: string, attribute: string[]): string[] {
  return [
    `ALTER TABLE ${schema}.idempotency_keys ADD COLUMN customer_id uuid, ADD COLUMN operation text`,
    ...attribute,
    `UPDATE ${schema}.idempotency_keys SET customer_id = '${UNATTRIBUTED_CUSTOMER}' WHERE customer_id IS NULL`,
    `UPDATE ${schema}.idempotency_keys SET operation = scope WHERE operation IS NULL`,
    `ALTER TABLE ${schema}.idempotency_keys DROP CONSTRAINT idempotency_keys_pkey`,
    `ALTER TABLE ${schema}.idempotency_keys DROP COLUMN scope`,
    `ALTER TABLE ${schema}.idempotency_keys ALTER COLUMN customer_id SET NOT NULL, ALTER COLUMN operation SET NOT NULL`,
    `ALTER TABLE ${schema}.idempotency_keys ADD PRIMARY KEY (customer_id, operation, key)`,
  ];
}

export type Claim<T> =
  /** The key is new: the caller runs the effect and must `complete` in the same transaction. */
  | { kind: 'NEW' }
  /** A first request with this key and this input finished: its result. */
  | { kind: 'REPLAY'; result: T }
  /** The same key came with different input. */
  | { kind: 'KEY_REUSED' }
  /** The first request with this key has not finished yet. */
  | { kind: 'IN_PROGRESS' };

export class IdempotencyKeys {
  constructor(private readonly schema: string) {}

  /**
   * Claims the customer's key for the operation and `input`. Run inside the transaction that
   * performs the effect: a concurrent claim of the same key waits for that transaction and
   * then sees its result.
   */
  async claim<T>(manager: EntityManager, scope: IdempotencyScope, key: string, input: unknown): Promise<Claim<T>> {
    const fingerprint = fingerprintInput(input);
    const inserted = (await manager.query(
      `INSERT INTO ${this.schema}.idempotency_keys (customer_id, operation, key, fingerprint, state) VALUES ($1, $2, $3, $4, 'IN_PROGRESS')
       ON CONFLICT (customer_id, operation, key) DO NOTHING RETURNING key`,
      [scope.customerId, scope.operation, key, fingerprint],
    )) as unknown[];
    if (inserted.length === 1) return { kind: 'NEW' };
    const [row] = (await manager.query(
      `SELECT fingerprint, state, result FROM ${this.schema}.idempotency_keys WHERE customer_id = $1 AND operation = $2 AND key = $3`,
      [scope.customerId, scope.operation, key],
    )) as Array<{ fingerprint: string; state: string; result: string | null }>;
    if (row.fingerprint !== fingerprint) return { kind: 'KEY_REUSED' };
    if (row.state !== 'DONE' || row.result === null) return { kind: 'IN_PROGRESS' };
    return { kind: 'REPLAY', result: deserializeResult<T>(row.result) };
  }

  /**
   * Lets go of a claimed key whose request failed before it changed anything, so the client
   * can retry with it. A finished key is kept.
   */
  async release(manager: EntityManager, scope: IdempotencyScope, key: string): Promise<void> {
    await manager.query(
      `DELETE FROM ${this.schema}.idempotency_keys WHERE customer_id = $1 AND operation = $2 AND key = $3 AND state = 'IN_PROGRESS'`,
      [scope.customerId, scope.operation, key],
    );
  }

  /** Stores the result of a claimed key; later claims replay it. */
  async complete(manager: EntityManager, scope: IdempotencyScope, key: string, result: unknown): Promise<void> {
    await manager.query(
      `UPDATE ${this.schema}.idempotency_keys SET state = 'DONE', result = $4 WHERE customer_id = $1 AND operation = $2 AND key = $3`,
      [scope.customerId, scope.operation, key, serializeResult(result)],
    );
  }
}
