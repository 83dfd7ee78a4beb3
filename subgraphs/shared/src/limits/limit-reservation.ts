/**
 * Reserves a payment against a platform's limits, atomically in the database: one
 * conditional upsert per (scope, window) row, which takes the row lock, re-checks the
 * limit on the latest committed value and adds the amount only if it still fits. No
 * process memory is involved, so the limits hold across any number of replicas.
 */
import type { EntityManager } from 'typeorm';
import type { SqlRunner } from '../db/sql';
import { windowOf, type LimitRule, type LimitWindow } from '@cardweave/adapter-sdk';

export interface Reservation {
  scopeKey: string;
  window: LimitWindow;
  /** The window the amount was counted in; a release must undo exactly this row. */
  windowKey: string;
  amountFen: string;
}

/** A window a reservation counted in, with its use after the payment and the rules that bound it. */
export interface ReservedWindow {
  scopeKey: string;
  window: LimitWindow;
  windowKey: string;
  /** The window's amount after this payment, in fen. */
  usedFen: bigint;
  rules: LimitRule[];
}

export type ReservationOutcome = { ok: true; reservations: Reservation[]; windows: ReservedWindow[] } | { ok: false; rule: LimitRule };

interface WindowGroup {
  scopeKey: string;
  window: LimitWindow;
  windowKey: string;
  rules: LimitRule[];
}

/** The tightest rule of a group: smallest amount, then smallest count. */
function tightest(rules: LimitRule[]): LimitRule {
  return rules.reduce((a, b) => (b.amountFen < a.amountFen ? b : a));
}

export async function reserveLimits(
  manager: EntityManager,
  schema: string,
  rules: readonly LimitRule[],
  scopeKeyOf: (rule: LimitRule) => string,
  amountFen: bigint,
  now: Date,
): Promise<ReservationOutcome> {
  for (const rule of rules) {
    if (rule.window === 'PER_PAYMENT' && amountFen > rule.amountFen) return { ok: false, rule };
  }
  const groups = new Map<string, WindowGroup>();
  for (const rule of rules) {
    if (rule.window === 'PER_PAYMENT') continue;
    const scopeKey = scopeKeyOf(rule);
    const windowKey = windowOf(rule.window, now, rule.timezone).key;
    const id = `${scopeKey}|${rule.window}|${windowKey}`;
    const group = groups.get(id) ?? { scopeKey, window: rule.window, windowKey, rules: [] };
    group.rules.push(rule);
    groups.set(id, group);
  }
  // A fixed lock order, so two payments never wait on each other's rows in a cycle.
  const ordered = [...groups.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, g]) => g);
  const reservations: Reservation[] = [];
  const windows: ReservedWindow[] = [];
  for (const group of ordered) {
    const binding = tightest(group.rules);
    if (amountFen > binding.amountFen) return { ok: false, rule: binding };
    const counts = group.rules.filter((r) => r.count !== undefined).map((r) => r.count!);
    const maxCount = counts.length ? Math.min(...counts) : null;
    if (maxCount !== null && maxCount < 1) return { ok: false, rule: group.rules.find((r) => r.count === maxCount)! };
    const rows = (await manager.query(
      `INSERT INTO ${schema}.limit_usage AS u (scope_key, rule_window, window_key, amount_fen, payment_count)
       VALUES ($1, $2, $3, $4, 1)
       ON CONFLICT (scope_key, rule_window, window_key) DO UPDATE
         SET amount_fen = u.amount_fen + EXCLUDED.amount_fen, payment_count = u.payment_count + 1
         WHERE u.amount_fen + EXCLUDED.amount_fen <= $5 AND ($6::int IS NULL OR u.payment_count + 1 <= $6::int)
       RETURNING u.amount_fen`,
      [group.scopeKey, group.window, group.windowKey, amountFen.toString(), binding.amountFen.toString(), maxCount],
    )) as Array<{ amount_fen: string }>;
    if (rows.length === 0) {
      // The caller's transaction rolls back, undoing the groups reserved before this one.
      const byCount = maxCount !== null ? group.rules.find((r) => r.count === maxCount) : undefined;
      return { ok: false, rule: byCount && binding.amountFen >= amountFen ? byCount : binding };
    }
    reservations.push({ scopeKey: group.scopeKey, window: group.window, windowKey: group.windowKey, amountFen: amountFen.toString() });
    windows.push({ ...group, usedFen: BigInt(rows[0].amount_fen) });
  }
  return { ok: true, reservations, windows };
}

/** Gives back what a reservation took, in the very windows it was counted in. */
export async function releaseLimits(manager: EntityManager, schema: string, reservations: readonly Reservation[]): Promise<void> {
  for (const r of [...reservations].sort((a, b) => (`${a.scopeKey}|${a.window}` < `${b.scopeKey}|${b.window}` ? -1 : 1))) {
    await manager.query(
      `UPDATE ${schema}.limit_usage
          SET amount_fen = amount_fen - $4, payment_count = payment_count - 1
        WHERE scope_key = $1 AND rule_window = $2 AND window_key = $3`,
      [r.scopeKey, r.window, r.windowKey, r.amountFen],
    );
  }
}

/**
 * The windows a reservation counted in, with their use as it stands now (others' payments
 * included) and the rules of `rules` that bound each: what a payment's limit warning is
 * computed from once the payment is approved, which may be long after it was reserved.
 * `reservedAt` is when the reservation was made, so each rule's window is the one counted.
 */
export async function reservedWindowsNow(
  manager: SqlRunner,
  schema: string,
  reservations: readonly Reservation[],
  rules: readonly LimitRule[],
  scopeKeyOf: (rule: LimitRule) => string,
  reservedAt: Date,
): Promise<ReservedWindow[]> {
  const bound = reservations
    .map((r) => ({
      r,
      rules: rules.filter(
        (rule) =>
          rule.window === r.window &&
          scopeKeyOf(rule) === r.scopeKey &&
          windowOf(rule.window, reservedAt, rule.timezone).key === r.windowKey,
      ),
    }))
    .filter(({ rules }) => rules.length > 0);
  if (bound.length === 0) return [];
  // One statement for every window the payment took, on the approving hot path.
  const rows = (await manager.query(
    `SELECT scope_key, rule_window, window_key, amount_fen FROM ${schema}.limit_usage
      WHERE (scope_key, rule_window, window_key) IN (SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[]))`,
    [bound.map(({ r }) => r.scopeKey), bound.map(({ r }) => r.window), bound.map(({ r }) => r.windowKey)],
  )) as Array<{ scope_key: string; rule_window: string; window_key: string; amount_fen: string }>;
  const used = new Map(rows.map((row) => [`${row.scope_key}|${row.rule_window}|${row.window_key}`, BigInt(row.amount_fen)]));
  const windows: ReservedWindow[] = [];
  for (const { r, rules: boundRules } of bound) {
    const usedFen = used.get(`${r.scopeKey}|${r.window}|${r.windowKey}`);
    if (usedFen !== undefined) windows.push({ scopeKey: r.scopeKey, window: r.window, windowKey: r.windowKey, usedFen, rules: boundRules });
  }
  return windows;
}
