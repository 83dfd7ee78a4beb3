/**
 * Usage per rule, scope and window, as a platform keeps it: what simulators use to
 * enforce the limits their platform enforces. In-process on purpose: it stands in for
 * the platform, not for our database.
 */
import {
  evaluateLimits,
  windowOf,
  type Clock,
  type Fen,
  type LimitEvaluation,
  type LimitRule,
  type LimitScope,
  type LimitUsage,
} from '@cardweave/adapter-sdk';

/**
 * A limit as a platform enforces it. A simulator writes its own from the platform's
 * documentation and never copies the adapter's declaration, so a wrong declaration and
 * the platform disagree and the conformance suite sees it.
 */
export type PlatformLimit = Omit<LimitRule, 'description'> & { description?: LimitRule['description'] };

/** Who a payment counts against, per scope. */
export interface LimitSubject {
  accountRef: string;
  cardRef?: string;
}

/**
 * The convention every simulator and the conformance suite share: CARD counts by the
 * card (token, else number, else account), WALLET_ACCOUNT and CUSTOMER by the account.
 */
export function scopeRef(scope: LimitScope, subject: LimitSubject): string {
  return scope === 'CARD' ? (subject.cardRef ?? subject.accountRef) : subject.accountRef;
}

export class LimitLedger {
  private readonly used = new Map<string, LimitUsage>();

  constructor(
    readonly rules: readonly PlatformLimit[],
    private readonly clock: Clock,
  ) {}

  private key(rule: PlatformLimit, ref: string): string {
    return `${rule.id}|${ref}|${windowOf(rule.window, this.clock.now(), rule.timezone).key}`;
  }

  usageFor(subject: LimitSubject): Record<string, LimitUsage> {
    const out: Record<string, LimitUsage> = {};
    for (const rule of this.rules) {
      const u = this.used.get(this.key(rule, scopeRef(rule.scope, subject)));
      if (u) out[rule.id] = u;
    }
    return out;
  }

  check(subject: LimitSubject, amountFen: Fen): LimitEvaluation {
    return evaluateLimits(this.rules, this.usageFor(subject), amountFen);
  }

  record(subject: LimitSubject, amountFen: Fen): void {
    for (const rule of this.rules) {
      if (rule.window === 'PER_PAYMENT') continue;
      this.add(rule, scopeRef(rule.scope, subject), amountFen, 1);
    }
  }

  /** Pre-loads usage in a rule's current window, as if earlier payments had happened. */
  seed(ruleId: string, ref: string, amountFen: Fen, count: number): void {
    const rule = this.rules.find((r) => r.id === ruleId);
    if (!rule) throw new Error(`the platform enforces no limit "${ruleId}" (it has: ${this.rules.map((r) => r.id).join(', ') || 'none'})`);
    this.add(rule, ref, amountFen, count);
  }

  private add(rule: PlatformLimit, ref: string, amountFen: Fen, count: number): void {
    const key = this.key(rule, ref);
    const u = this.used.get(key) ?? { amountFen: 0n, count: 0 };
    this.used.set(key, { amountFen: u.amountFen + amountFen, count: u.count + count });
  }
}
