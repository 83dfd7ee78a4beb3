import { scalarResolvers } from '@cardweave/subgraph-kit';
import type { Resolvers } from '../generated/resolvers-types';
import { billResolvers } from './bill.resolvers';
import { cardResolvers } from './card.resolvers';
import { creditLineResolvers } from './credit-line.resolvers';
import { customerResolvers } from './customer.resolvers';
import { holderControlsResolvers } from './holder-controls.resolvers';
import { lifecycleResolvers } from './lifecycle.resolvers';
import { cardRevealResolvers } from './card-reveal.resolvers';

export const issuerResolvers: Resolvers = {
  ...scalarResolvers,
  Query: { ...customerResolvers.Query, ...cardResolvers.Query, ...lifecycleResolvers.Query },
  Mutation: {
    ...lifecycleResolvers.Mutation,
    ...holderControlsResolvers.Mutation,
    ...creditLineResolvers.Mutation,
    ...cardRevealResolvers.Mutation,
  },
  Customer: { ...customerResolvers.Customer, ...lifecycleResolvers.Customer },
  CreditLine: customerResolvers.CreditLine,
  Card: { ...cardResolvers.Card, ...holderControlsResolvers.Card },
  Bill: { ...billResolvers.Bill, ...lifecycleResolvers.Bill },
  BillingCycle: billResolvers.BillingCycle,
  BillItemConnection: billResolvers.BillItemConnection,
  BillItem: billResolvers.BillItem,
  CardIssuanceResult: lifecycleResolvers.CardIssuanceResult,
  CreditLineApplicationResult: creditLineResolvers.CreditLineApplicationResult,
  SmsCodeSendResult: creditLineResolvers.SmsCodeSendResult,
  CardIssuance: lifecycleResolvers.CardIssuance,
  RepaymentResult: lifecycleResolvers.RepaymentResult,
  RepaymentAllocation: lifecycleResolvers.RepaymentAllocation,
  CustomerStatusResult: lifecycleResolvers.CustomerStatusResult,
  CardLockResult: holderControlsResolvers.CardLockResult,
  SpendingControlsResult: holderControlsResolvers.SpendingControlsResult,
};
