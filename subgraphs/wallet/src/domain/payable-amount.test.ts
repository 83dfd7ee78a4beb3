import type { LimitStatusModel } from '@cardweave/subgraph-kit';
import type { CardBindingEntity } from '../db/entities/card-binding.entity';
import { payableAmount } from './payable-amount';

const platform = (id: string) => ({ id, role: 'WALLET' as const, displayName: { zhCN: id, en: id } });
const rule = (ruleId: string, remainingFen: bigint): LimitStatusModel => ({
  id: `card:c1/${ruleId}`,
  ruleId,
  platform: platform(ruleId.split('.')[0]),
  kind: 'AMOUNT_PER_WINDOW',
  window: 'DAILY',
  scope: 'CARD',
  limitFen: remainingFen,
  usedFen: 0n,
  remainingFen,
  countLimit: null,
  usedCount: null,
  resetsAt: null,
  blockedCode: null,
  description: { zhCN: ruleId, en: ruleId },
});
const binding = { id: 'b' } as CardBindingEntity;

describe('payableAmount', () => {
  it('is the smallest remaining amount and names the rule that gives it', () => {
    const result = payableAmount(
      binding,
      platform('wechat-pay'),
      [rule('jd-finance.credit', 800_000n), rule('unionpay.per-payment', 100_000n), rule('unionpay.daily', 30_000n)],
      [rule('wechat-pay.yearly', 900_000n)],
    );
    expect(result.amountFen).toBe(30_000n);
    expect(result.bindingRule.ruleId).toBe('unionpay.daily');
    expect(result.rules).toHaveLength(4);
  });

  it('gives a tie to the issuer, which the payment meets last but which owns the money', () => {
    const result = payableAmount(binding, platform('wechat-pay'), [rule('jd-finance.credit', 0n), rule('unionpay.daily', 0n)], []);
    expect(result.bindingRule.ruleId).toBe('jd-finance.credit');
  });
});
