import { canActForCustomer, requireId } from '@cardweave/service-kit';
import { billOutstandingFen, billOverdueDays, billStatus } from '../domain/overdue';
import type { Resolvers } from '../generated/resolvers-types';

export const billResolvers: Resolvers = {
  Bill: {
    __resolveReference: async (ref, ctx) => {
      const bill = await ctx.loaders.billById.load(requireId(ref.id));
      const line = bill && (await ctx.loaders.creditLineById.load(bill.creditLineId));
      return bill && line && canActForCustomer(ctx, line.customerId) ? bill : null;
    },
    outstandingFen: (bill) => billOutstandingFen(bill),
    status: (bill, _, ctx) => billStatus(bill, ctx.today),
    overdueDays: (bill, _, ctx) => billOverdueDays(bill, ctx.today),
    items: async (bill, { first, after }, ctx) => ({
      ...(await ctx.loaders.billItemPages.load({ parentId: bill.id, first, after })),
      billId: bill.id,
    }),
  },
  BillItemConnection: {
    totalCount: (connection, _, ctx) => ctx.loaders.billItemCounts.load(connection.billId),
  },
  BillItem: {
    card: async (item, _, ctx) => (await ctx.loaders.cardById.load(item.cardId))!,
    transaction: (item) => (item.transactionId ? { id: item.transactionId } : null),
  },
};
