import type { PlatformAdapter } from '@cardweave/adapter-sdk';
import { canActForCustomer, type HasIdentity, graphqlError } from '@cardweave/service-kit';
import { requireId } from '@cardweave/service-kit';
import { localized, platformOf } from '@cardweave/subgraph-kit';
import { maskCardNumber } from '../card-number/pan-vault';
import type { IssuerContext } from '../context';
import type { CardEntity } from '../db/entities/card.entity';
import { issuerLimitStatus, spendBlockCode } from '../domain/issuer-limit';
import { overdueState } from '../domain/overdue';
import { cycleOpenOn } from '../domain/statement-cycle';
import type { Resolvers } from '../generated/resolvers-types';

/** The issuer adapter of a card; its terms (bank, penalty, repayment channel) are configuration. */
function issuerOf(card: CardEntity, ctx: IssuerContext): PlatformAdapter & { issuerTerms: NonNullable<PlatformAdapter['issuerTerms']> } {
  const adapter = ctx.registry.has(card.issuerPlatform) ? ctx.registry.get(card.issuerPlatform) : undefined;
  if (!adapter?.issuerTerms) {
    throw graphqlError('PLATFORM_UNAVAILABLE', `the issuer adapter "${card.issuerPlatform}" is not loaded`, {
      platform: card.issuerPlatform,
    });
  }
  return adapter as PlatformAdapter & { issuerTerms: NonNullable<PlatformAdapter['issuerTerms']> };
}

/**
 * A card's credit line is one of its customer's: read with the customer's lines (one statement
 * for every card of a page, shared with Customer.creditLine), by id only if it is not among them.
 */
async function creditLineOf(card: CardEntity, ctx: IssuerContext) {
  const own = (await ctx.loaders.creditLinesByCustomer.load(card.customerId)).find((l) => l.id === card.creditLineId);
  const line = own ?? (await ctx.loaders.creditLineById.load(card.creditLineId));
  if (!line) throw graphqlError('INTERNAL_SERVER_ERROR', 'card without credit line');
  return line;
}

/** Another customer's card reads as absent, by id and through the gateway's entity fetches alike. */
function visibleCard<T extends { customerId: string }>(ctx: HasIdentity, card: T | null): T | null {
  return card && canActForCustomer(ctx, card.customerId) ? card : null;
}

export const cardResolvers: Resolvers = {
  Query: {
    card: async (_, { id }, ctx) => visibleCard(ctx, await ctx.loaders.cardById.load(requireId(id))),
  },
  Card: {
    __resolveReference: async (ref, ctx) => visibleCard(ctx, await ctx.loaders.cardById.load(requireId(ref.id))),
    customer: async (card, _, ctx) => (await ctx.loaders.customerById.load(card.customerId))!,
    issuer: (card, _, ctx) => platformOf(issuerOf(card, ctx)),
    issuingBank: (card, _, ctx) => localized(issuerOf(card, ctx).issuerTerms.issuingBank),
    maskedNumber: (card) => maskCardNumber(card.bin, card.last4),
    expiry: (card) => `${card.expiresOn.slice(5, 7)}/${card.expiresOn.slice(2, 4)}`,
    credit: (card, _, ctx) => creditLineOf(card, ctx),
    issuerLimit: async (card, _, ctx) => {
      const adapter = issuerOf(card, ctx);
      const [customer, line, bills] = await Promise.all([
        ctx.loaders.customerById.load(card.customerId),
        creditLineOf(card, ctx),
        ctx.loaders.billsByCreditLine.load(card.creditLineId),
      ]);
      const overdue = overdueState(bills, ctx.today, adapter.issuerTerms).isOverdue;
      return issuerLimitStatus(adapter, card, line, spendBlockCode(customer!, card, overdue, ctx.today));
    },
    currentBill: async (card, _, ctx) => (await ctx.loaders.billsByCreditLine.load(card.creditLineId))[0] ?? null,
    // Dates only: the cycle's totals and items are read (batched) when they are asked for.
    currentCycle: (card, _, ctx) => ({ ...cycleOpenOn(ctx.today, issuerOf(card, ctx).issuerTerms), creditLineId: card.creditLineId }),
    bills: (card, { first, after }, ctx) => ctx.loaders.billPages.load({ parentId: card.creditLineId, first, after }),
    overdue: async (card, _, ctx) => ({
      id: card.creditLineId,
      ...overdueState(await ctx.loaders.billsByCreditLine.load(card.creditLineId), ctx.today, issuerOf(card, ctx).issuerTerms),
    }),
    repayAt: (card, _, ctx) => {
      const adapter = issuerOf(card, ctx);
      return { platform: platformOf(adapter), channel: localized(adapter.issuerTerms.repaymentChannel) };
    },
  },
};
