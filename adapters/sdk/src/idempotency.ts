/**
 * Idempotency with Stripe's semantics: the first result for a key is stored and replayed;
 * the same key with different input is refused. The interface is two async calls so a
 * PostgreSQL store is `SELECT` plus `INSERT … ON CONFLICT DO NOTHING` and a re-`SELECT`.
 * Keep records at least 24 hours.
 */
import { createHash } from 'node:crypto';

export interface IdempotencyRecord {
  /** `<adapter id>:<operation>`: keys are per adapter and operation. */
  scope: string;
  key: string;
  /** Digest of the input without its one-time secrets; never the input itself. */
  fingerprint: string;
  /** The serialized result (see serializeResult). */
  result: string;
  createdAt: Date;
}

export interface IdempotencyStore {
  find(scope: string, key: string): Promise<IdempotencyRecord | undefined>;
  /** Stores the record unless one exists for (scope, key); returns whichever is stored (first writer wins). */
  saveFirst(record: IdempotencyRecord): Promise<IdempotencyRecord>;
}

/** For tests and single-process tools; production stores live in the database. */
export class InMemoryIdempotencyStore implements IdempotencyStore {
  private readonly records = new Map<string, IdempotencyRecord>();

  async find(scope: string, key: string): Promise<IdempotencyRecord | undefined> {
    return this.records.get(`${scope}\u0000${key}`);
  }

  async saveFirst(record: IdempotencyRecord): Promise<IdempotencyRecord> {
    const id = `${record.scope}\u0000${record.key}`;
    const existing = this.records.get(id);
    if (existing) return existing;
    this.records.set(id, record);
    return record;
  }

  get size(): number {
    return this.records.size;
  }
}

/** JSON with bigints kept exact (money is bigint fen). */
export function serializeResult(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? { $bigint: v.toString() } : v));
}

export function deserializeResult<T>(text: string): T {
  return JSON.parse(text, (_k, v: unknown) =>
    v && typeof v === 'object' && typeof (v as { $bigint?: unknown }).$bigint === 'string' && Object.keys(v).length === 1
      ? BigInt((v as { $bigint: string }).$bigint)
      : v,
  ) as T;
}

function canonicalJson(value: unknown): string {
  if (typeof value === 'bigint') return `${value}n`;
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'undefined';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** A stable digest of an input; key order does not matter, bigints are exact. */
export function fingerprintInput(input: unknown): string {
  return createHash('sha256').update(canonicalJson(input)).digest('hex');
}
