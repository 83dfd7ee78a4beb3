/**
 * The holder takes a card out of a wallet: the binding becomes REMOVED, which the card's and
 * the account's bindings and payableNow leave out, and which the payment coordinator refuses
 * (BINDING_NOT_ACTIVE). Idempotent by nature: removing a removed binding changes nothing.
 * The card can be bound into the wallet again (a new binding).
 */
import { canActForCustomer, notFound, requireId } from '@cardweave/service-kit';
import type { WalletContext } from '../context';
import type { CardBindingEntity } from '../db/entities/card-binding.entity';
import { markBindingRemoved } from '../db/queries/card-binding.queries';
import { walletEventOutbox } from '../events/wallet-events';

export interface BindingRemovalOutcome {
  ok: boolean;
  changed: boolean;
  binding: CardBindingEntity;
}

export async function removeWalletBinding(ctx: WalletContext, bindingIdArg: string): Promise<BindingRemovalOutcome> {
  const bindingId = requireId(bindingIdArg, 'bindingId');
  const binding = await ctx.loaders.bindingById.load(bindingId);
  const account = binding ? await ctx.loaders.accountById.load(binding.walletAccountId) : null;
  // Another customer's binding answers exactly as an absent one.
  if (!binding || !account || !canActForCustomer(ctx, account.customerId)) throw notFound('wallet binding', 'bindingId');
  const removed = await ctx.dataSource.transaction(async (m) => {
    const changed = await markBindingRemoved(m, bindingId);
    if (changed)
      await walletEventOutbox(() => ctx.now).record(m, {
        type: 'binding.removed',
        customerId: account.customerId,
        cardId: changed.cardId,
        platform: changed.platform,
        payload: { bindingId: changed.id },
      });
    return changed;
  });
  // Not removed by this call: it already was, as the binding read above says.
  return { ok: true, changed: removed !== null, binding: removed ?? binding };
}
