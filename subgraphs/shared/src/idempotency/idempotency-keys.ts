/**
 * Idempotency for mutations, in the subgraph's own database (Stripe's semantics): the
 * first result for a key is stored and replayed; the same key with different input is
 * refused; a key whose first request is still running is reported as such, never run twice.
 *
 * The key is claimed with an INSERT in the same transaction as the effect, so two
 * concurrent requests with one key serialise on the primary key — across replicas too.
 */
import type { EntityManager } from 'typeorm';
import { deserializeResult, fingerprintInput, serializeResult } from '@cardweave/adapter-sdk';

/** The SQL every subgraph with mutations creates in its own schema. */
export function createIdempotencyTableSql(schema: string): string {
  return `
    CREATE TABLE ${schema}.idempotency_keys (
      scope text NOT NULL,
      key text NOT NULL,
      fingerprint text NOT NULL,
      state text NOT NULL CHECK (state IN ('IN_PROGRESS', 'DONE')),
      result text,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (scope, key)
    )`;
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
   * Claims (scope, key) for `input`. Run inside the transaction that performs the effect:
   * a concurrent claim of the same key waits for that transaction and then sees its result.
   */
  async claim<T>(manager: EntityManager, scope: string, key: string, input: unknown): Promise<Claim<T>> {
    const fingerprint = fingerprintInput(input);
    const inserted = (await manager.query(
      `INSERT INTO ${this.schema}.idempotency_keys (scope, key, fingerprint, state) VALUES ($1, $2, $3, 'IN_PROGRESS')
       ON CONFLICT (scope, key) DO NOTHING RETURNING key`,
      [scope, key, fingerprint],
    )) as unknown[];
    if (inserted.length === 1) return { kind: 'NEW' };
    const [row] = (await manager.query(
      `SELECT fingerprint, state, result FROM ${this.schema}.idempotency_keys WHERE scope = $1 AND key = $2`,
      [scope, key],
    )) as Array<{ fingerprint: string; state: string; result: string | null }>;
    if (row.fingerprint !== fingerprint) return { kind: 'KEY_REUSED' };
    if (row.state !== 'DONE' || row.result === null) return { kind: 'IN_PROGRESS' };
    return { kind: 'REPLAY', result: deserializeResult<T>(row.result) };
  }

  /**
   * Lets go of a claimed key whose request failed before it changed anything, so the client
   * can retry with it. A finished key is kept.
   */
  async release(manager: EntityManager, scope: string, key: string): Promise<void> {
    await manager.query(`DELETE FROM ${this.schema}.idempotency_keys WHERE scope = $1 AND key = $2 AND state = 'IN_PROGRESS'`, [
      scope,
      key,
    ]);
  }

  /** Stores the result of a claimed key; later claims replay it. */
  async complete(manager: EntityManager, scope: string, key: string, result: unknown): Promise<void> {
    await manager.query(`UPDATE ${this.schema}.idempotency_keys SET state = 'DONE', result = $3 WHERE scope = $1 AND key = $2`, [
      scope,
      key,
      serializeResult(result),
    ]);
  }
}
