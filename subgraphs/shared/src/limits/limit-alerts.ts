/**
 * "A limit nearly used": when a payment takes a daily, monthly or yearly window of a limit to
 * 80 % or more of its amount, one `limit.nearly_used` event, once per window and rule, written
 * in the transaction that approves the payment, so the event commits with an approval or not at
 * all: the issuer's authorization (which reserves and approves at once), the wallet's settlement
 * of its leg (its reservation comes before clearing and the issuer answer, and a decline there
 * gives the usage back without a warning, leaving the window's one warning for a real 80 %).
 *
 * Once: a row per (rule, scope, window) in `limit_alerts`, inserted ON CONFLICT DO NOTHING; the
 * event is written only by the transaction whose insert took the row. A payment given back
 * (released) and paid again in the same window does not warn twice, nor do two replicas racing.
 */
import type { MigrationInterface, QueryRunner } from 'typeorm';
import type { LimitRule } from '@cardweave/adapter-sdk';
import type { SqlRunner } from '../db/sql';
import type { EventOutbox } from '../events/event-outbox';
import type { ReservedWindow } from './limit-reservation';

/** The share of a limit at which the holder is told, in percent. */
export const LIMIT_ALERT_PERCENT = 80n;

const ALERTED_WINDOWS: ReadonlySet<LimitRule['window']> = new Set(['DAILY', 'MONTHLY', 'YEARLY']);

export function createLimitAlertsSql(schema: string): string {
  return `CREATE TABLE ${schema}.limit_alerts (
    rule_id text NOT NULL,
    scope_key uuid NOT NULL,
    window_key text NOT NULL,
    alerted_at timestamptz NOT NULL,
    PRIMARY KEY (rule_id, scope_key, window_key)
  )`;
}

/** The migration that creates `limit_alerts` in `schema`; each subgraph that warns lists it. */
export function limitAlertsMigration(schema: string): new () => MigrationInterface {
  return class CreateLimitAlerts1797033600001 implements MigrationInterface {
    name = 'CreateLimitAlerts1797033600001';
    async up(q: QueryRunner): Promise<void> {
      await q.query(createLimitAlertsSql(schema));
    }
    async down(q: QueryRunner): Promise<void> {
      await q.query(`DROP TABLE ${schema}.limit_alerts`);
    }
  };
}

/** Whether `usedFen` is at least 80 % of `limitFen` (integers only: no rounding). */
export function nearlyUsed(usedFen: bigint, limitFen: bigint): boolean {
  return limitFen > 0n && usedFen * 100n >= limitFen * LIMIT_ALERT_PERCENT;
}

/** Who the events are about: the paying customer and card, and the platform whose limits these are. */
export interface LimitAlertSubject {
  customerId: string;
  cardId: string;
  platform: string;
}

/**
 * Writes one event per rule of `limits` whose window the payment took to 80 % or more, unless
 * that rule's window already warned; `m` must be the transaction that approves the payment. `limits` are the
 * rules the holder is held to (a rule that only counts, without a real limit, is left out by the
 * caller). Returns how many events were written.
 */
export async function recordLimitAlerts(
  m: SqlRunner,
  schema: string,
  events: EventOutbox,
  windows: readonly ReservedWindow[],
  limits: readonly LimitRule[],
  subject: LimitAlertSubject,
  now: Date,
): Promise<number> {
  const ids = new Set(limits.map((rule) => rule.id));
  let written = 0;
  for (const window of windows) {
    if (!ALERTED_WINDOWS.has(window.window)) continue;
    for (const rule of window.rules) {
      if (!ids.has(rule.id) || !nearlyUsed(window.usedFen, rule.amountFen)) continue;
      const claimed = (await m.query(
        `INSERT INTO ${schema}.limit_alerts (rule_id, scope_key, window_key, alerted_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT DO NOTHING RETURNING rule_id`,
        [rule.id, window.scopeKey, window.windowKey, now],
      )) as unknown[];
      if (claimed.length === 0) continue;
      await events.record(m, {
        type: 'limit.nearly_used',
        customerId: subject.customerId,
        cardId: subject.cardId,
        platform: subject.platform,
        payload: {
          ruleId: rule.id,
          window: rule.window,
          windowKey: window.windowKey,
          usedFen: window.usedFen.toString(),
          limitFen: rule.amountFen.toString(),
        },
      });
      written++;
    }
  }
  return written;
}
