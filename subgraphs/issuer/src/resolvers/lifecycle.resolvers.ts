/** The card lifecycle at the issuer: eligibility, issuance, statements, repayment, freezes. */
import { assertOperator, canActForCustomer, requireId } from '@cardweave/service-kit';
import { issuanceStep } from '../issuance/issuance-step';
import { issueCard, loadIssuance, nextStepOf, startCardIssuance, verifyCardIssuanceStep } from '../issuance/card-issuance-service';
import { setCustomerStatus } from '../lifecycle/customer-freeze';
import { birthDateOf, hasOverdueDebt, issuerEligibility } from '../lifecycle/issuer-eligibility';
import { isoDateOf } from '../domain/calendar-dates';
import { repay } from '../repayments/repayment-service';
import { owedOn } from '../repayments/repayment-allocation';
import { runStatementJob } from '../statements/statement-job';
import type { Resolvers } from '../generated/resolvers-types';

const owedOf = (bill: { totalDueFen: bigint; paidFen: bigint; penaltyAccruedFen: bigint; penaltyPaidFen?: bigint; id: string }) =>
  owedOn({ ...bill, penaltyPaidFen: bill.penaltyPaidFen ?? 0n });

export const lifecycleResolvers: Resolvers = {
  Query: {
    cardIssuance: async (_, { id }, ctx) => {
      // Another customer's issuance reads as absent (null), as every lookup by id does.
      const issuance = await loadIssuance(ctx, requireId(id));
      return issuance && canActForCustomer(ctx, issuance.customerId) ? issuance : null;
    },
  },
  Mutation: {
    startCardIssuance: (_, { input }, ctx) => startCardIssuance(ctx, input),
    verifyCardIssuanceStep: (_, { input }, ctx) => verifyCardIssuanceStep(ctx, input),
    issueCard: (_, { input }, ctx) => issueCard(ctx, input),
    repay: (_, { input }, ctx) => repay(ctx, input),
    runStatements: (_, { asOf }, ctx) => {
      assertOperator(ctx);
      return runStatementJob(ctx.dataSource, ctx.registry, asOf ? new Date(asOf) : ctx.clock.now());
    },
    freezeCustomer: (_, { input }, ctx) => setCustomerStatus(ctx, 'FROZEN', input),
    unfreezeCustomer: (_, { input }, ctx) => setCustomerStatus(ctx, 'ACTIVE', input),
  },
  CardIssuanceResult: {
    issuance: (outcome, _, ctx) => (outcome.issuanceId ? loadIssuance(ctx, outcome.issuanceId) : null),
    fieldErrors: (outcome) => outcome.fieldErrors ?? [],
    eligibility: (outcome) => outcome.eligibility ?? null,
  },
  CardIssuance: {
    customer: async (issuance, _, ctx) => (await ctx.loaders.customerById.load(issuance.customerId))!,
    steps: (issuance, _, ctx) =>
      ctx.registry.get(issuance.issuerPlatform).verification.steps.map((s) => issuanceStep(s, issuance.passedSteps)),
    nextStep: (issuance, _, ctx) => {
      const step = nextStepOf(ctx.registry.get(issuance.issuerPlatform), issuance);
      return step ? issuanceStep(step, issuance.passedSteps) : null;
    },
    card: (issuance, _, ctx) => (issuance.cardId ? ctx.loaders.cardById.load(issuance.cardId) : null),
  },
  RepaymentResult: {
    // Read after the commit, so the answer shows the credit restored (a replay shows it as it is now).
    creditLine: async (outcome, _, ctx) => (await ctx.loaders.creditLinesByCustomer.load(outcome.customerId))[0] ?? null,
  },
  RepaymentAllocation: {
    bill: async (allocation, _, ctx) => (await ctx.loaders.billById.load(allocation.billId))!,
  },
  CustomerStatusResult: {
    customer: (outcome, _, ctx) => ctx.loaders.customerById.load(outcome.customerId),
  },
  Customer: {
    // The birth date the ID number states (the stored date when no number is on file).
    birthDate: (customer, _, ctx) => {
      const d = birthDateOf(customer, ctx);
      return isoDateOf(d.year, d.month, d.day);
    },
    issuerEligibility: (customer, _, ctx) => issuerEligibility(customer, ctx),
    hasOverdueDebt: (customer, _, ctx) => hasOverdueDebt(customer, ctx),
    isFrozen: (customer) => customer.status === 'FROZEN',
    freeze: (customer) =>
      customer.status === 'FROZEN' ? { reason: customer.statusReason ?? '', since: customer.statusChangedAt ?? customer.createdAt } : null,
  },
  Bill: {
    penaltyPaidFen: (bill) => bill.penaltyPaidFen ?? 0n,
    principalOutstandingFen: (bill) => owedOf(bill).PRINCIPAL,
  },
};
