/**
 * The issuer's bound on a payment: the credit available, unless the account or the card
 * cannot pay at all, in which case it is 0 with the canonical reason.
 */
import { clampToZero, type PlatformAdapter } from '@cardweave/adapter-sdk';
import { limitStatusId, platformOf } from '@cardweave/subgraph-kit';
import type { LimitStatusModel } from '@cardweave/subgraph-kit';
import type { CardEntity } from '../db/entities/card.entity';
import type { CreditLineEntity } from '../db/entities/credit-line.entity';
import type { CustomerEntity } from '../db/entities/customer.entity';

export function spendBlockCode(customer: CustomerEntity, card: CardEntity, overdue: boolean, today: string): string | null {
  if (customer.status === 'FROZEN') return 'ACCOUNT_FROZEN';
  if (card.status === 'LOCKED') return 'CARD_LOCKED';
  if (card.status !== 'ACTIVE') return 'CARD_NOT_ACTIVE';
  if (card.expiresOn < today) return 'CARD_EXPIRED';
  // Assumption of this project: an overdue credit line cannot spend until it is repaid.
  if (overdue) return 'OVERDUE_DEBT';
  return null;
}

/** The issuer's bound on one card: its block (a locked card, say) is the card's own, so the id names the card. */
export function issuerLimitStatus(
  adapter: PlatformAdapter,
  card: CardEntity,
  line: CreditLineEntity,
  blockedCode: string | null,
): LimitStatusModel {
  const available = clampToZero(line.limitFen - line.usedFen);
  const ruleId = `${adapter.manifest.id}.credit-available`;
  return {
    id: limitStatusId(`card:${card.id}`, ruleId),
    ruleId,
    platform: platformOf(adapter),
    kind: 'CREDIT_AVAILABLE',
    window: 'ALL_TIME',
    scope: 'CUSTOMER',
    limitFen: line.limitFen,
    usedFen: line.usedFen,
    remainingFen: blockedCode ? 0n : available,
    countLimit: null,
    usedCount: null,
    resetsAt: null,
    blockedCode,
    description: { zhCN: '可用额度', en: 'Credit available' },
  };
}
