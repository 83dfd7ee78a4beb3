/**
 * The signed-in customer's card activity, live: every service's domain events (the wallet's
 * payments and bindings, the issuer's cards, credit line and customer status, limits nearly
 * used) as the wallet's inbox received them (activity/activity-inbox.ts), filtered to the
 * customer before anything is sent. `after` resumes after the last event a client received,
 * whichever service wrote it. The permission table admits customers only; a card is the
 * customer's own or NOT_FOUND, as for every other card field.
 */
import { assertCanActForCustomer, graphqlError, notFound, requireId, type HasIdentity } from '@cardweave/service-kit';
import { ResumePointNotKept, type DomainEvent, type FeedSubscription } from '@cardweave/subgraph-kit';
import { activityTypeOf } from '../activity/activity-types';
import type { Resolvers } from '../generated/resolvers-types';

/** The customer the request acts for; subscriptions follow one customer's own events. */
function signedInCustomer(ctx: HasIdentity): string {
  const customerId = ctx.identity?.customerId;
  if (!customerId) throw graphqlError('FORBIDDEN', 'only a signed-in customer can follow their activity');
  return customerId;
}

const afterId = (after: string | null | undefined) => (after == null ? null : requireId(after, 'after'));

/**
 * The subscription once its resume point is known to be held: an `after` no longer kept (past
 * EVENT_RETENTION_DAYS) is refused with BAD_USER_INPUT on the field `after` (as a malformed
 * one is: either way the client starts over, reloading and subscribing without `after`) instead
 * of being sent what is left as if it missed nothing.
 */
async function resumed(events: FeedSubscription): Promise<AsyncIterableIterator<DomainEvent>> {
  try {
    await events.listening;
  } catch (error) {
    if (error instanceof ResumePointNotKept)
      throw graphqlError(
        'BAD_USER_INPUT',
        'after: that event is no longer kept (events are kept for a limited time) or is not one of yours; reload what you show and subscribe again without after',
        { field: 'after' },
      );
    throw error;
  }
  return shown(events);
}

/**
 * Only the kinds the schema names (the inbox may hold others in time). Not an async generator:
 * a generator's return() waits for the pending next() (the next event, which may never come), so
 * a client that left would hold its listener until then; this one passes return() straight on.
 */
function shown(events: FeedSubscription): AsyncIterableIterator<DomainEvent> {
  return {
    [Symbol.asyncIterator]() {
      return this;
    },
    async next() {
      for (;;) {
        const result = await events.next();
        if (result.done || activityTypeOf(result.value.type)) return result;
      }
    },
    return: () => events.return!(),
    throw: (error: unknown) => events.throw!(error),
  };
}

const payloadText = (event: DomainEvent, key: string) => {
  const value = event.payload[key];
  return typeof value === 'string' ? value : null;
};

const payloadFen = (event: DomainEvent, key: string) => {
  const fen = payloadText(event, key);
  return fen === null ? null : BigInt(fen);
};

export const activityResolvers: Resolvers = {
  Subscription: {
    cardActivity: {
      subscribe: async (_, { cardId, after }, ctx) => {
        const customerId = signedInCustomer(ctx);
        const id = requireId(cardId, 'cardId');
        const owner = await ctx.cardOwners.load(id);
        if (!owner) throw notFound('card', 'cardId');
        assertCanActForCustomer(ctx, owner, 'card', 'cardId');
        return resumed(ctx.activity.events({ customerId, cardId: id }, afterId(after)));
      },
      resolve: (event: DomainEvent) => event,
    },
    customerActivity: {
      subscribe: (_, { after }, ctx) => resumed(ctx.activity.events({ customerId: signedInCustomer(ctx) }, afterId(after))),
      resolve: (event: DomainEvent) => event,
    },
  },
  ActivityEvent: {
    type: (event) => activityTypeOf(event.type)!,
    card: (event) => (event.cardId ? { id: event.cardId } : null),
    platformId: (event) => event.platform,
    amountFen: (event) => payloadFen(event, 'amountFen'),
    merchantName: (event) => payloadText(event, 'merchantName'),
    paymentId: (event) => payloadText(event, 'paymentId'),
    errorCode: (event) => event.errorCode as never,
    repaymentId: (event) => payloadText(event, 'repaymentId'),
    billId: (event) => payloadText(event, 'billId'),
    dueDate: (event) => payloadText(event, 'dueDate'),
    minimumDueFen: (event) => payloadFen(event, 'minimumDueFen'),
    totalDueFen: (event) => payloadFen(event, 'totalDueFen'),
    outstandingFen: (event) => payloadFen(event, 'outstandingFen'),
    penaltyDate: (event) => (event.type === 'penalty.posted' ? payloadText(event, 'accrualDate') : null),
    limitUsage: (event) =>
      event.type === 'limit.nearly_used'
        ? {
            ruleId: payloadText(event, 'ruleId')!,
            window: payloadText(event, 'window')!,
            windowKey: payloadText(event, 'windowKey')!,
            usedFen: payloadFen(event, 'usedFen')!,
            limitFen: payloadFen(event, 'limitFen')!,
          }
        : null,
  },
};
