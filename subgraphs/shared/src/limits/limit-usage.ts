/**
 * Usage toward limits, one row per (scope, window, window key: `2026-11-27`, `2026-11`, `2026`). The payment flow adds
 * to these rows atomically in the database; reads pick the rows of the current windows.
 */
import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { windowOf, type LimitRule } from '@cardweave/adapter-sdk';
import type { WindowUsage } from './limit-status';

/** The SQL every subgraph that counts usage creates in its own schema. */
export function createLimitUsageTableSql(schema: string): string {
  return `
    CREATE TABLE ${schema}.limit_usage (
      scope_key uuid NOT NULL,
      rule_window text NOT NULL CHECK (rule_window IN ('DAILY', 'MONTHLY', 'YEARLY', 'ALL_TIME')),
      window_key text NOT NULL,
      amount_fen bigint NOT NULL DEFAULT 0 CHECK (amount_fen >= 0),
      payment_count integer NOT NULL DEFAULT 0 CHECK (payment_count >= 0),
      PRIMARY KEY (scope_key, rule_window, window_key)
    )`;
}

/** Usage per window for a scope key; only the windows the rules use, as of `now`. */
export type UsageByWindow = Map<LimitRule['window'], WindowUsage>;

export function usageLoader(dataSource: DataSource, schema: string, rules: LimitRule[], now: Date): DataLoader<string, UsageByWindow> {
  const windows = new Map<string, string>();
  for (const rule of rules) {
    if (rule.window !== 'PER_PAYMENT') windows.set(rule.window, windowOf(rule.window, now, rule.timezone).key);
  }
  return new DataLoader(async (scopeKeys) => {
    const result = new Map<string, UsageByWindow>(scopeKeys.map((k) => [k, new Map()]));
    if (windows.size === 0) return scopeKeys.map((k) => result.get(k)!);
    const rows = (await dataSource.query(
      `SELECT scope_key, rule_window, amount_fen, payment_count
         FROM ${schema}.limit_usage
        WHERE scope_key = ANY($1)
          AND (rule_window, window_key) IN (SELECT * FROM unnest($2::text[], $3::text[]))`,
      [scopeKeys, [...windows.keys()], [...windows.values()]],
    )) as Array<{ scope_key: string; rule_window: LimitRule['window']; amount_fen: string; payment_count: number }>;
    for (const row of rows) {
      result.get(row.scope_key)?.set(row.rule_window, { amountFen: BigInt(row.amount_fen), count: Number(row.payment_count) });
    }
    return scopeKeys.map((k) => result.get(k)!);
  });
}
