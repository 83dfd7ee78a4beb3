import { canActForCustomer, requireId, graphqlError } from '@cardweave/service-kit';
import { platformById, scalarResolvers, limitStatusFromRepresentation, requiredPartMissing } from '@cardweave/subgraph-kit';
import type { WalletContext } from '../context';
import type { CardBindingEntity } from '../db/entities/card-binding.entity';
import { payableAmount } from '../domain/payable-amount';
import { walletLimitStatuses } from '../domain/wallet-limits';
import type { Resolvers } from '../generated/resolvers-types';
import { bindingResolvers } from './binding.resolvers';
import { paymentResolvers } from './payment.resolvers';
import { activityResolvers } from './activity.resolvers';
import { webhookResolvers } from './webhook.resolvers';
import { repayThroughWallet } from '../repayments/wallet-repayment';
import { walletEligibility } from '../eligibility/wallet-eligibility';
import { removeWalletBinding } from '../binding/binding-removal';

async function accountOf(binding: CardBindingEntity, ctx: WalletContext) {
  const account = await ctx.loaders.accountById.load(binding.walletAccountId);
  if (!account) throw graphqlError('INTERNAL_SERVER_ERROR', 'binding without wallet account');
  return account;
}

/** Whether the binding's wallet account belongs to a customer the request may act for. */
async function ownsBinding(binding: CardBindingEntity, ctx: WalletContext): Promise<boolean> {
  const account = await ctx.loaders.accountById.load(binding.walletAccountId);
  return !!account && canActForCustomer(ctx, account.customerId);
}

/** A card's bindings the request may see: the wallet knows a card's holder by the accounts it is bound into. */
async function ownBindingsOfCard(cardId: string, ctx: WalletContext): Promise<CardBindingEntity[]> {
  const bindings = await ctx.loaders.bindingsByCard.load(cardId);
  const owned = await Promise.all(bindings.map((b) => ownsBinding(b, ctx)));
  return bindings.filter((_, i) => owned[i]);
}

export const walletResolvers: Resolvers = {
  ...scalarResolvers,
  Query: {
    walletBinding: async (_, { id }, ctx) => {
      const binding = await ctx.loaders.bindingById.load(requireId(id));
      return binding && (await ownsBinding(binding, ctx)) ? binding : null;
    },
    ...paymentResolvers.Query,
    ...webhookResolvers.Query,
  },
  Mutation: {
    ...paymentResolvers.Mutation,
    ...bindingResolvers.Mutation,
    ...webhookResolvers.Mutation,
    repayThroughWallet: (_, { input }, ctx) => repayThroughWallet(ctx, input),
    removeWalletBinding: (_, { bindingId }, ctx) => removeWalletBinding(ctx, bindingId),
  },
  Subscription: activityResolvers.Subscription,
  ActivityEvent: activityResolvers.ActivityEvent,
  WebhookEndpoint: webhookResolvers.WebhookEndpoint,
  WebhookDelivery: webhookResolvers.WebhookDelivery,
  PayResult: paymentResolvers.PayResult,
  BindCardResult: bindingResolvers.BindCardResult,
  Payment: paymentResolvers.Payment,
  Customer: {
    // Keeps the issuer's fields the gateway sends for @requires (walletEligibility).
    __resolveReference: (ref, ctx) => (canActForCustomer(ctx, requireId(ref.id)) ? { ...ref, id: requireId(ref.id) } : null),
    walletAccounts: (customer, _, ctx) => ctx.loaders.accountsByCustomer.load(customer.id),
    walletEligibility: (customer, { device }, ctx) => walletEligibility(customer, ctx, device),
  },
  WalletAccount: {
    platform: (account, _, ctx) => platformById(ctx.registry, account.platform, 'WALLET'),
    limits: (account, _, ctx) => walletLimitStatuses(account, ctx),
    bindings: (account, _, ctx) => ctx.loaders.bindingsByAccount.load(account.id),
  },
  WalletBinding: {
    card: (binding) => ({ id: binding.cardId }),
    walletPlatform: (binding, _, ctx) => platformById(ctx.registry, binding.platform, 'WALLET'),
    account: (binding, _, ctx) => accountOf(binding, ctx),
    walletLimits: async (binding, _, ctx) => walletLimitStatuses(await accountOf(binding, ctx), ctx, binding),
  },
  Card: {
    __resolveReference: (ref) => ({ ...ref, id: requireId(ref.id) }),
    walletBindings: (card, _, ctx) => ownBindingsOfCard(card.id, ctx),
    payableNow: async (card, _, ctx) => {
      if (!card.upstreamLimits) {
        throw requiredPartMissing('payableNow', 'the limits after the wallet (upstreamLimits)', 'clearing');
      }
      const upstream = card.upstreamLimits.map(limitStatusFromRepresentation);
      const bindings = await ownBindingsOfCard(card.id, ctx);
      return Promise.all(
        bindings.map(async (binding) =>
          payableAmount(
            binding,
            platformById(ctx.registry, binding.platform, 'WALLET'),
            upstream,
            await walletLimitStatuses(await accountOf(binding, ctx), ctx, binding),
          ),
        ),
      );
    },
  },
  PayableAmount: {
    id: (payable) => `binding:${payable.binding.id}`,
    binding: (payable) => payable.binding,
  },
};
