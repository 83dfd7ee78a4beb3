/** The card holder's own controls: lock and unlock, and the holder's limits and blocked merchant categories. */
import { setCardLock } from '../cardholder/card-lock';
import { holderControlsOf, holderLimitStatuses } from '../cardholder/cardholder-rules';
import { setSpendingControls } from '../cardholder/spending-controls';
import type { Resolvers } from '../generated/resolvers-types';

export const holderControlsResolvers: Resolvers = {
  Mutation: {
    lockCard: (_, { cardId }, ctx) => setCardLock(ctx, 'LOCKED', cardId),
    unlockCard: (_, { cardId }, ctx) => setCardLock(ctx, 'ACTIVE', cardId),
    setSpendingControls: (_, { cardId, input }, ctx) => setSpendingControls(ctx, cardId, input),
  },
  Card: {
    spendingControls: (card) => holderControlsOf(card),
    holderLimits: async (card, _, ctx) => {
      const controls = holderControlsOf(card);
      // Usage is read (one statement for all the request's cards) only for cards with a daily or monthly limit.
      const usage = controls.dailyFen !== null || controls.monthlyFen !== null ? await ctx.holderUsage.load(card.id) : undefined;
      return holderLimitStatuses(card.id, controls, usage, ctx.clock.now());
    },
  },
  // Read after the commit (the mutations read the card by SQL, not through the loaders), so the answer shows the card as it now stands.
  CardLockResult: {
    card: (outcome, _, ctx) => ctx.loaders.cardById.load(outcome.cardId),
  },
  SpendingControlsResult: {
    card: (outcome, _, ctx) => ctx.loaders.cardById.load(outcome.cardId),
  },
};
