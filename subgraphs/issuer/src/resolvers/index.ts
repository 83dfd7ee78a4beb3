import { scalarResolvers } from '../../../shared/src/graphql/scalars';
import type { Resolvers } from '../generated/resolvers-types';
import { billResolvers } from './bill.resolvers';
import { cardResolvers } from './card.resolvers';
import { customerResolvers } from './customer.resolvers';

export const issuerResolvers: Resolvers = {
  ...scalarResolvers,
  Query: { ...customerResolvers.Query, ...cardResolvers.Query },
  Customer: customerResolvers.Customer,
  CreditLine: customerResolvers.CreditLine,
  Card: cardResolvers.Card,
  Bill: billResolvers.Bill,
  BillItemConnection: billResolvers.BillItemConnection,
  BillItem: billResolvers.BillItem,
};
