/**
 * Limit-window arithmetic: which calendar window an instant falls in, and whether a
 * payment fits every rule. Counting usage is the caller's job (atomically, in its
 * database); this file only does the arithmetic, so it is the same everywhere.
 */
import type { LimitRule, LimitWindow } from './contract';
import type { Fen } from './money';
import { localDateOf, startOfLocalDay } from './time-zones';

export interface WindowSpan {
  window: LimitWindow;
  /** Stable key of the window, usable as a counter key: `2026-11-27`, `2026-11`, `2026`, `ALL_TIME`. */
  key: string;
  /** Inclusive start and exclusive end; absent for PER_PAYMENT and ALL_TIME. */
  start?: Date;
  end?: Date;
}

const pad = (n: number) => String(n).padStart(2, '0');

export function windowOf(window: LimitWindow, instant: Date, zone: string): WindowSpan {
  const { year, month, day } = localDateOf(instant, zone);
  switch (window) {
    case 'PER_PAYMENT':
      return { window, key: 'PER_PAYMENT' };
    case 'ALL_TIME':
      return { window, key: 'ALL_TIME' };
    case 'DAILY':
      return {
        window,
        key: `${year}-${pad(month)}-${pad(day)}`,
        start: startOfLocalDay(year, month, day, zone),
        end: startOfLocalDay(year, month, day + 1, zone),
      };
    case 'MONTHLY':
      return {
        window,
        key: `${year}-${pad(month)}`,
        start: startOfLocalDay(year, month, 1, zone),
        end: startOfLocalDay(year, month + 1, 1, zone),
      };
    case 'YEARLY':
      return { window, key: `${year}`, start: startOfLocalDay(year, 1, 1, zone), end: startOfLocalDay(year + 1, 1, 1, zone) };
  }
}

/** What a scope has already used in a rule's current window. */
export interface LimitUsage {
  amountFen: Fen;
  count: number;
}

export interface LimitCheck {
  ruleId: string;
  /** Room left for amount in this rule (for PER_PAYMENT: the rule's amount). */
  remainingFen: Fen;
  remainingCount?: number;
  passes: boolean;
}

export interface LimitEvaluation {
  allowed: boolean;
  checks: LimitCheck[];
  /** The rules the payment breaks. */
  violated: LimitCheck[];
  /** The most a payment could be right now under these rules, and the rule that binds it. */
  headroomFen?: Fen;
  bindingRuleId?: string;
}

/** What the arithmetic needs of a rule: a declared LimitRule, or a platform's own limit in a simulator. */
export type LimitTerms = Pick<LimitRule, 'id' | 'window' | 'amountFen' | 'count'>;

/**
 * A payment must pass every rule at once (Marqeta's rule). `usage` is keyed by rule id;
 * a missing entry means nothing used yet in the current window.
 */
export function evaluateLimits(rules: readonly LimitTerms[], usage: Readonly<Record<string, LimitUsage>>, amountFen: Fen): LimitEvaluation {
  const checks = rules.map((rule): LimitCheck => {
    if (rule.window === 'PER_PAYMENT') {
      return { ruleId: rule.id, remainingFen: rule.amountFen, passes: amountFen <= rule.amountFen };
    }
    const used = usage[rule.id] ?? { amountFen: 0n, count: 0 };
    const remainingFen = rule.amountFen > used.amountFen ? rule.amountFen - used.amountFen : 0n;
    const remainingCount = rule.count === undefined ? undefined : Math.max(0, rule.count - used.count);
    const passes = amountFen <= remainingFen && (remainingCount === undefined || remainingCount >= 1);
    return remainingCount === undefined
      ? { ruleId: rule.id, remainingFen, passes }
      : { ruleId: rule.id, remainingFen, remainingCount, passes };
  });
  const violated = checks.filter((c) => !c.passes);
  let binding: LimitCheck | undefined;
  for (const check of checks) {
    const room = check.remainingCount === 0 ? 0n : check.remainingFen;
    const best = binding ? (binding.remainingCount === 0 ? 0n : binding.remainingFen) : undefined;
    if (best === undefined || room < best) binding = check;
  }
  const evaluation: LimitEvaluation = { allowed: violated.length === 0, checks, violated };
  if (binding) {
    evaluation.headroomFen = binding.remainingCount === 0 ? 0n : binding.remainingFen;
    evaluation.bindingRuleId = binding.ruleId;
  }
  return evaluation;
}
