/**
 * What the subgraphs' query modules (src/db/queries/) run their SQL on, and the two things
 * every one of them needs around a raw statement: the rows of a RETURNING clause, and rows
 * read into entities. The entities only describe the rows (columns, fen transformers); the
 * SQL is written out, so batching, locks and conditional updates stay visible in it.
 */
import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { hydrate } from './batched-queries';

/** The data source outside a transaction, the transaction's manager inside one. */
export type SqlRunner = Pick<EntityManager, 'query' | 'getRepository'>;

/**
 * The rows a statement's RETURNING gave: TypeORM's postgres driver answers UPDATE and
 * DELETE with [rows, affected], every other statement with the rows alone.
 */
export function returnedRows<T>(result: unknown): T[] {
  const raw = result as unknown[];
  return (Array.isArray(raw[0]) ? raw[0] : raw) as T[];
}

/** Raw rows (database column names) as entities of `target`, through its column transformers. */
export function hydrateRows<T extends ObjectLiteral>(db: SqlRunner, target: EntityTarget<T>, rows: Record<string, unknown>[]): T[] {
  const repo = db.getRepository(target);
  return rows.map((raw) => hydrate(repo, raw));
}
