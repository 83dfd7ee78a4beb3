/**
 * The amount a card can pay right now through one wallet: the smallest remaining amount
 * over every platform's rules, and the rule that gives it. No single platform knows it;
 * this is where the three views meet.
 */
import { bindingRule, type LimitStatusModel, type PlatformModel } from '@cardweave/subgraph-kit';
import type { CardBindingEntity } from '../db/entities/card-binding.entity';

export interface PayableAmountModel {
  binding: CardBindingEntity;
  walletPlatform: PlatformModel;
  amountFen: bigint;
  bindingRule: LimitStatusModel;
  rules: LimitStatusModel[];
}

/**
 * `upstream` is what clearing resolved: the issuer's credit, then the network's limits.
 * On a tie the earlier rule binds: issuer, then network, then wallet.
 */
export function payableAmount(
  binding: CardBindingEntity,
  walletPlatform: PlatformModel,
  upstream: LimitStatusModel[],
  wallet: LimitStatusModel[],
): PayableAmountModel {
  const rules = [...upstream, ...wallet];
  const binds = bindingRule(rules);
  return { binding, walletPlatform, amountFen: binds.remainingFen, bindingRule: binds, rules };
}
