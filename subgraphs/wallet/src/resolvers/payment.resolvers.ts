import { assertCanActForCustomer, assertOperator, canActForCustomer, requireId, graphqlError, notFound } from '@cardweave/service-kit';
import { canonicalErrorModel, deviceDecline, parseDevice } from '@cardweave/subgraph-kit';
import type { CanonicalError } from '@cardweave/adapter-sdk';
import type { Resolvers } from '../generated/resolvers-types';
import { validatePayInput } from '../payments/payment-input';

export const paymentResolvers: Resolvers = {
  Query: {
    payment: async (_, { id }, ctx) => {
      const payment = await ctx.payments.coordinator.find(requireId(id));
      return payment && canActForCustomer(ctx, payment.customerId) ? payment : null;
    },
  },
  Mutation: {
    pay: async (_, { input }, ctx) => {
      const checked = validatePayInput(input);
      const device = input.device ? parseDevice(input.device, 'device') : null;
      const binding = await ctx.loaders.bindingById.load(requireId(checked.bindingId, 'bindingId'));
      const account = binding && (await ctx.loaders.accountById.load(binding.walletAccountId));
      if (!binding || !account) throw notFound('binding', 'bindingId');
      assertCanActForCustomer(ctx, account.customerId, 'binding', 'bindingId');
      // A device the wallet cannot pay with is declined before any hop: nothing is reserved or sent.
      const unsupported =
        device && ctx.registry.has(binding.platform)
          ? deviceDecline(ctx.registry.get(binding.platform), device, ctx.registry.byRole('wallet'))
          : null;
      if (unsupported) return { ok: false, paymentId: null, error: unsupported };
      return ctx.payments.coordinator.pay(checked, binding, account, ctx.identity ?? null);
    },
    recoverPayments: async (_, { olderThanSeconds }, ctx) => {
      assertOperator(ctx);
      const seconds = olderThanSeconds ?? 30;
      if (!Number.isInteger(seconds) || seconds < 0 || seconds > 86_400) {
        throw graphqlError('BAD_USER_INPUT', 'olderThanSeconds: 0 to 86400', { field: 'olderThanSeconds' });
      }
      return ctx.payments.recovery.run(seconds * 1000);
    },
  },
  PayResult: {
    payment: (result, _, ctx) => (result.paymentId ? ctx.payments.coordinator.find(result.paymentId) : null),
    error: (result) => (result.error ? canonicalErrorModel(result.error) : null),
  },
  Payment: {
    status: (payment) => (payment.status === 'RESERVED' || payment.status === 'REVERSING' ? 'PROCESSING' : payment.status),
    merchantCategoryCode: (payment) => payment.merchantCategory,
    binding: async (payment, _, ctx) => (await ctx.loaders.bindingById.load(payment.bindingId))!,
    transaction: (payment) => (payment.transactionId ? { id: payment.transactionId } : null),
    error: (payment) => (payment.decline ? canonicalErrorModel(JSON.parse(payment.decline) as CanonicalError) : null),
  },
};
