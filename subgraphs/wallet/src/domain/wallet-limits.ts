/** A wallet platform's limits on one account, from its adapter and the usage counted here. */
import { amountLimitStatus, type LimitStatusModel } from '@cardweave/subgraph-kit';
import type { WalletContext } from '../context';
import type { CardBindingEntity } from '../db/entities/card-binding.entity';
import type { WalletAccountEntity } from '../db/entities/wallet-account.entity';

/** Why the wallet refuses any payment from this account or binding, whatever the amount. */
export function walletBlockCode(account: WalletAccountEntity, binding?: CardBindingEntity): string | null {
  if (account.status === 'RESTRICTED') return 'MERCHANT_RESTRICTED';
  if (binding && binding.status !== 'ACTIVE') return 'BINDING_NOT_ACTIVE';
  return null;
}

export async function walletLimitStatuses(
  account: WalletAccountEntity,
  ctx: WalletContext,
  binding?: CardBindingEntity,
): Promise<LimitStatusModel[]> {
  if (!ctx.registry.has(account.platform)) return [];
  const adapter = ctx.registry.get(account.platform);
  const blocked = walletBlockCode(account, binding);
  return Promise.all(
    adapter.limits.map(async (rule) => {
      const scopeKey = rule.scope === 'CARD' ? binding?.cardId : rule.scope === 'CUSTOMER' ? account.customerId : account.id;
      const usage = scopeKey ? (await ctx.loaders.usage.load(scopeKey)).get(rule.window) : undefined;
      // A binding's block depends on the binding, so its rules are the binding's own; an account's are the account's.
      const subject = binding ? (`binding:${binding.id}` as const) : (`wallet-account:${account.id}` as const);
      return amountLimitStatus(subject, adapter, rule, usage, ctx.now, blocked);
    }),
  );
}
