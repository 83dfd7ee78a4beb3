/**
 * The one shape every platform's bound on a payment takes in the graph, and the rule
 * that picks the binding one: the smallest remaining amount wins.
 */
import { clampToZero, windowOf, type Fen, type LimitRule, type PlatformAdapter } from '@cardweave/adapter-sdk';
import { localized, platformOf, type LocalizedTextModel, type PlatformModel } from '../graphql/platform';

export interface LimitStatusModel {
  /** `<subject>/<rule id>` (limitStatusId): the rule as it applies to one card, binding or wallet account. */
  id: string;
  ruleId: string;
  platform: PlatformModel;
  kind: 'CREDIT_AVAILABLE' | 'AMOUNT_PER_WINDOW';
  window: LimitRule['window'];
  scope: LimitRule['scope'];
  limitFen: Fen;
  usedFen: Fen;
  remainingFen: Fen;
  countLimit: number | null;
  usedCount: number | null;
  resetsAt: Date | null;
  blockedCode: string | null;
  description: LocalizedTextModel;
}

/** What a rule's usage and block are counted for: a card, a wallet binding or a wallet account. */
export type LimitSubject = `card:${string}` | `binding:${string}` | `wallet-account:${string}`;

/**
 * The id of a rule as it applies to one subject. A rule id alone repeats across cards with
 * different usage, so clients that cache by id (Apollo, urql's Graphcache) need the subject in it.
 */
export function limitStatusId(subject: LimitSubject, ruleId: string): string {
  return `${subject}/${ruleId}`;
}

export interface WindowUsage {
  amountFen: Fen;
  count: number;
}

/** A platform's amount limit, with the usage counted in its current window. */
export function amountLimitStatus(
  subject: LimitSubject,
  adapter: PlatformAdapter,
  rule: LimitRule,
  usage: WindowUsage | undefined,
  now: Date,
  blockedCode: string | null = null,
): LimitStatusModel {
  const perPayment = rule.window === 'PER_PAYMENT';
  const usedFen = perPayment ? 0n : (usage?.amountFen ?? 0n);
  const usedCount = rule.count === undefined || perPayment ? null : (usage?.count ?? 0);
  const countExhausted = rule.count !== undefined && usedCount !== null && usedCount >= rule.count;
  const remainingFen = blockedCode || countExhausted ? 0n : clampToZero(rule.amountFen - usedFen);
  return {
    id: limitStatusId(subject, rule.id),
    ruleId: rule.id,
    platform: platformOf(adapter),
    kind: 'AMOUNT_PER_WINDOW',
    window: rule.window,
    scope: rule.scope,
    limitFen: rule.amountFen,
    usedFen,
    remainingFen,
    countLimit: rule.count ?? null,
    usedCount,
    resetsAt: windowOf(rule.window, now, rule.timezone).end ?? null,
    blockedCode,
    description: localized(rule.description),
  };
}

/**
 * The rule that binds a payment: the smallest remaining amount. On a tie the earlier
 * rule in the list wins, so callers list rules in the order the payment meets them.
 */
export function bindingRule(rules: LimitStatusModel[]): LimitStatusModel {
  if (rules.length === 0) throw new Error('bindingRule needs at least one rule');
  return rules.reduce((low, rule) => (rule.remainingFen < low.remainingFen ? rule : low));
}

/**
 * A LimitStatus another subgraph resolved, as it arrives in an entity representation
 * (`@requires`): JSON numbers and strings, turned back into fen and instants.
 */
export function limitStatusFromRepresentation(raw: Record<string, unknown>): LimitStatusModel {
  const fen = (v: unknown) => BigInt(v as number | string);
  return {
    ...(raw as unknown as LimitStatusModel),
    limitFen: fen(raw.limitFen),
    usedFen: fen(raw.usedFen),
    remainingFen: fen(raw.remainingFen),
    resetsAt: raw.resetsAt ? new Date(raw.resetsAt as string) : null,
    countLimit: (raw.countLimit as number | null | undefined) ?? null,
    usedCount: (raw.usedCount as number | null | undefined) ?? null,
    blockedCode: (raw.blockedCode as string | null | undefined) ?? null,
  };
}
