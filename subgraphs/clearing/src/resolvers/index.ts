import { canActForCustomer, requireId } from '@cardweave/service-kit';
import {
  platformById,
  platformOf,
  scalarResolvers,
  amountLimitStatus,
  limitStatusFromRepresentation,
  decodeCursor,
  pageSize,
  requiredPartMissing,
} from '@cardweave/subgraph-kit';
import type { ClearingContext } from '../context';
import type { CardRepresentation } from '../domain/card-representation';
import type { Resolvers } from '../generated/resolvers-types';
import { transactionSearch } from '../transactions/transaction-search';

/** Network limits count per card; a CUSTOMER-scoped network rule would need the customer id. */
async function networkLimits(card: CardRepresentation, ctx: ClearingContext) {
  const usage = await ctx.loaders.usage.load(card.id);
  return ctx.network.limits.map((rule) => amountLimitStatus(`card:${card.id}`, ctx.network, rule, usage.get(rule.window), ctx.now));
}

/** Clearing keeps only card ids: the issuer says whose card it is (shared/src/auth/card-owners.ts). */
async function ownsCard(ctx: ClearingContext, cardId: string): Promise<boolean> {
  if (ctx.identity === undefined) return true;
  if (!ctx.identity) return false;
  if (ctx.identity.roles.includes('OPERATOR') || ctx.identity.roles.includes('SERVICE')) return true;
  const owner = await ctx.cardOwners.load(cardId);
  return owner !== null && canActForCustomer(ctx, owner);
}

async function visibleTransaction<T extends { cardId: string }>(ctx: ClearingContext, tx: T | null): Promise<T | null> {
  return tx && (await ownsCard(ctx, tx.cardId)) ? tx : null;
}

export const clearingResolvers: Resolvers = {
  ...scalarResolvers,
  Query: {
    transaction: async (_, { id }, ctx) => visibleTransaction(ctx, await ctx.loaders.transactionById.load(requireId(id))),
  },
  Card: {
    __resolveReference: async (ref, ctx) => ((await ownsCard(ctx, requireId(ref.id))) ? { ...ref, id: requireId(ref.id) } : null),
    networkLimits: (card, _, ctx) => networkLimits(card, ctx),
    upstreamLimits: async (card, _, ctx) => {
      if (!card.issuerLimit) {
        throw requiredPartMissing('upstreamLimits', "the issuer's limits of the card", 'issuer');
      }
      // Route order: the issuer's credit and the holder's own limits (both enforced at the issuer), then the network's.
      const holderLimits = (card.holderLimits ?? []).map(limitStatusFromRepresentation);
      return [limitStatusFromRepresentation(card.issuerLimit), ...holderLimits, ...(await networkLimits(card, ctx))];
    },
    // The filter, the page size and the cursor are checked before any read, each refused as bad input of its own field.
    transactions: (card, { filter, first, after }, ctx) =>
      ctx.loaders.transactionPages.load({
        cardId: card.id,
        search: transactionSearch(filter, ctx.registry),
        size: pageSize(first),
        after: decodeCursor(after),
      }),
  },
  Transaction: {
    __resolveReference: async (ref, ctx) => visibleTransaction(ctx, await ctx.loaders.transactionById.load(requireId(ref.id))),
    card: (tx) => ({ id: tx.cardId }),
    walletPlatform: (tx, _, ctx) => platformById(ctx.registry, tx.walletPlatform, 'WALLET'),
    network: (tx, _, ctx) =>
      tx.networkPlatform === ctx.network.manifest.id ? platformOf(ctx.network) : platformById(ctx.registry, tx.networkPlatform, 'CLEARING'),
    merchant: (tx) => ({ name: tx.merchantName, categoryCode: tx.merchantCategory }),
  },
};
