/** Webhook endpoints: registration (operators for every customer, customers for their own), logs, redelivery, deletion and secret rotation. */
import { graphqlError, requireId } from '@cardweave/service-kit';
import type { WalletContext } from '../context';
import { webhookAttemptsOf, webhookDeliveriesOf } from '../db/queries/webhook.queries';
import type { Resolvers } from '../generated/resolvers-types';
import { deleteEndpoint, rotateEndpointSecret } from '../webhooks/webhook-endpoint-changes';
import { endpointOwner, ownsEndpoint, redeliver, registerWebhookEndpoint, visibleEndpoints } from '../webhooks/webhook-registration';

function ownerOrRefuse(ctx: WalletContext, expected: 'CUSTOMER' | 'OPERATOR'): string | null {
  const owner = endpointOwner(ctx);
  if (owner === undefined || (expected === 'CUSTOMER') !== (owner !== null)) {
    throw graphqlError('FORBIDDEN', expected === 'CUSTOMER' ? 'a customer registers endpoints for their own events' : 'operators only');
  }
  return owner;
}

export const webhookResolvers = {
  Query: {
    webhookEndpoints: (_, { first, after, includeDeleted }, ctx) =>
      visibleEndpoints(ctx.dataSource, ctx, { first, after, includeDeleted: includeDeleted ?? false }),
  },
  Mutation: {
    registerWebhookEndpoint: (_, { url, eventTypes }, ctx) =>
      registerWebhookEndpoint(ctx.dataSource, ctx.webhookSecrets, ownerOrRefuse(ctx, 'OPERATOR'), { url, eventTypes }, ctx.now),
    registerCustomerWebhookEndpoint: (_, { url, eventTypes }, ctx) =>
      registerWebhookEndpoint(ctx.dataSource, ctx.webhookSecrets, ownerOrRefuse(ctx, 'CUSTOMER'), { url, eventTypes }, ctx.now),
    // Due now by the wall clock, which the delivery worker runs on.
    redeliverWebhookEvent: (_, { deliveryId }, ctx) => redeliver(ctx.dataSource, ctx, requireId(deliveryId), new Date()),
    // By the wall clock too, as the delivery log it ends (its attempts are the worker's times).
    deleteWebhookEndpoint: (_, { endpointId }, ctx) => deleteEndpoint(ctx.dataSource, ctx, requireId(endpointId, 'endpointId'), new Date()),
    // The previous secret's end is by the wall clock too: the worker compares it with its own.
    rotateWebhookEndpointSecret: (_, { endpointId, previousSecretHours }, ctx) =>
      rotateEndpointSecret(
        ctx.dataSource,
        ctx.webhookSecrets,
        ctx,
        { endpointId: requireId(endpointId, 'endpointId'), previousSecretHours: previousSecretHours ?? 24 },
        new Date(),
      ),
  },
  WebhookEndpoint: {
    scope: (endpoint) => (endpoint.customerId === null ? 'ALL_CUSTOMERS' : 'CUSTOMER'),
    previousSecretExpiresAt: (endpoint) =>
      endpoint.previousSecretExpiresAt && endpoint.previousSecretExpiresAt > new Date() ? endpoint.previousSecretExpiresAt : null,
    deliveries: (endpoint, { first }, ctx) => {
      const limit = first ?? 20;
      if (!Number.isInteger(limit) || limit < 1 || limit > 100) {
        throw graphqlError('BAD_USER_INPUT', 'first: 1 to 100', { field: 'first' });
      }
      // An operator lists customers' endpoints too, but a log is its endpoint's owner's alone.
      return ownsEndpoint(ctx, endpoint) ? webhookDeliveriesOf(ctx.dataSource, endpoint.id, limit) : [];
    },
  },
  WebhookDelivery: {
    attempts: (delivery, _, ctx) => webhookAttemptsOf(ctx.dataSource, delivery.id),
  },
} satisfies Pick<Resolvers, 'Query' | 'Mutation' | 'WebhookEndpoint' | 'WebhookDelivery'>;
