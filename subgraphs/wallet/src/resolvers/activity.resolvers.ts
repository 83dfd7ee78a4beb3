/**
 * The signed-in customer's card activity, live: the wallet's domain events (payment outcomes,
 * bindings) from its outbox, filtered to the customer before anything is sent. `after` resumes
 * after the last event a client received. The permission table admits customers only; a card
 * is the customer's own or NOT_FOUND, as for every other card field.
 */
import { assertCanActForCustomer, graphqlError, notFound, requireId, type HasIdentity } from '@cardweave/service-kit';
import type { DomainEvent, DomainEventType } from '@cardweave/subgraph-kit';
import type { ActivityEventType, Resolvers } from '../generated/resolvers-types';

const ACTIVITY_TYPES: Partial<Record<DomainEventType, ActivityEventType>> = {
  'payment.approved': 'PAYMENT_APPROVED',
  'payment.declined': 'PAYMENT_DECLINED',
  'payment.reversed': 'PAYMENT_REVERSED',
  'binding.added': 'BINDING_ADDED',
  'binding.removed': 'BINDING_REMOVED',
};

/** The customer the request acts for; subscriptions follow one customer's own events. */
function signedInCustomer(ctx: HasIdentity): string {
  const customerId = ctx.identity?.customerId;
  if (!customerId) throw graphqlError('FORBIDDEN', 'only a signed-in customer can follow their activity');
  return customerId;
}

const afterId = (after: string | null | undefined) => (after == null ? null : requireId(after, 'after'));

/** Only the kinds the schema names (the outbox may hold others in time). */
async function* shown(events: AsyncIterableIterator<DomainEvent>): AsyncGenerator<DomainEvent> {
  for await (const event of events) if (ACTIVITY_TYPES[event.type]) yield event;
}

const payloadText = (event: DomainEvent, key: string) => {
  const value = event.payload[key];
  return typeof value === 'string' ? value : null;
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
        return shown(ctx.activity.events({ customerId, cardId: id }, afterId(after)));
      },
      resolve: (event: DomainEvent) => event,
    },
    customerActivity: {
      subscribe: (_, { after }, ctx) => shown(ctx.activity.events({ customerId: signedInCustomer(ctx) }, afterId(after))),
      resolve: (event: DomainEvent) => event,
    },
  },
  ActivityEvent: {
    type: (event) => ACTIVITY_TYPES[event.type]!,
    card: (event) => (event.cardId ? { id: event.cardId } : null),
    platformId: (event) => event.platform,
    amountFen: (event) => {
      const fen = payloadText(event, 'amountFen');
      return fen === null ? null : BigInt(fen);
    },
    merchantName: (event) => payloadText(event, 'merchantName'),
    paymentId: (event) => payloadText(event, 'paymentId'),
    errorCode: (event) => event.errorCode as never,
  },
};
