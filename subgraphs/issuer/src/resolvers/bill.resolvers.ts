import { canActForCustomer, requireId } from '@cardweave/service-kit';
import { balanceAfter } from '../domain/billing-cycle';
import { billOutstandingFen, billOverdueDays, billStatus } from '../domain/overdue';
import type { Resolvers } from '../generated/resolvers-types';

export const billResolvers: Resolvers = {
  Bill: {
    __resolveReference: async (ref, ctx) => {
      const bill = await ctx.loaders.billById.load(requireId(ref.id));
      const line = bill && (await ctx.loaders.creditLineById.load(bill.creditLineId));
      return bill && line && canActForCustomer(ctx, line.customerId) ? bill : null;
    },
    // The bill's own total: its purchases and the penalty accrued on it (outstandingFen is this less paidFen).
    totalDueFen: (bill) => bill.totalDueFen + bill.penaltyAccruedFen,
    chargesFen: (bill) => bill.totalDueFen,
    penaltiesFen: (bill) => bill.penaltiesFen ?? 0n,
    repaymentsFen: (bill) => bill.repaymentsFen ?? 0n,
    balanceFen: (bill) => bill.balanceFen ?? 0n,
    outstandingFen: (bill) => billOutstandingFen(bill),
    status: (bill, _, ctx) => billStatus(bill, ctx.today),
    overdueDays: (bill, _, ctx) => billOverdueDays(bill, ctx.today),
    items: async (bill, { first, after }, ctx) => ({
      ...(await ctx.loaders.billItemPages.load({ parentId: bill.id, first, after })),
      billId: bill.id,
    }),
  },
  BillingCycle: {
    id: (cycle) => `${cycle.creditLineId}/${cycle.cycleStart}`,
    chargesFen: async (cycle, _, ctx) => (await ctx.loaders.unbilledTotals.load(cycle.creditLineId)).chargesFen,
    penaltiesFen: async (cycle, _, ctx) => (await ctx.loaders.unbilledTotals.load(cycle.creditLineId)).penaltiesFen,
    repaymentsFen: async (cycle, _, ctx) => (await ctx.loaders.unbilledTotals.load(cycle.creditLineId)).repaymentsFen,
    balanceFen: async (cycle, _, ctx) => {
      const totals = await ctx.loaders.unbilledTotals.load(cycle.creditLineId);
      return balanceAfter(totals.lastBalanceFen, totals);
    },
    items: async (cycle, { first, after }, ctx) => ({
      ...(await ctx.loaders.unbilledItemPages.load({ parentId: cycle.creditLineId, first, after })),
      creditLineId: cycle.creditLineId,
    }),
  },
  BillItemConnection: {
    totalCount: async (connection, _, ctx) =>
      'billId' in connection
        ? ctx.loaders.billItemCounts.load(connection.billId)
        : (await ctx.loaders.unbilledTotals.load(connection.creditLineId)).items,
  },
  BillItem: {
    card: async (item, _, ctx) => (await ctx.loaders.cardById.load(item.cardId))!,
    transaction: (item) => (item.transactionId ? { id: item.transactionId } : null),
  },
};
