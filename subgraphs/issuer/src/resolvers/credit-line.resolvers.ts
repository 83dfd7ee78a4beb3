/** Applying for the credit line, and the SMS code of an issuance. */
import { applyForCreditLine } from '../credit/credit-line-application';
import { creditLineEntityOfCustomer } from '../db/queries/credit-line.queries';
import { loadIssuance } from '../issuance/card-issuance-service';
import { sendIssuanceSmsCode } from '../issuance/issuance-sms-code';
import type { Resolvers } from '../generated/resolvers-types';

export const creditLineResolvers: Resolvers = {
  Mutation: {
    applyForCreditLine: (_, { input }, ctx) => applyForCreditLine(ctx, input),
    sendIssuanceSmsCode: (_, { input }, ctx) => sendIssuanceSmsCode(ctx, input),
  },
  CreditLineApplicationResult: {
    // Read after the commit from the database: the request's loaders may hold the customer's lines from before.
    creditLine: (outcome, _, ctx) => creditLineEntityOfCustomer(ctx.dataSource.manager, outcome.customerId),
    eligibility: (outcome) => outcome.eligibility ?? null,
  },
  SmsCodeSendResult: {
    issuance: (outcome, _, ctx) => (outcome.issuanceId ? loadIssuance(ctx, outcome.issuanceId) : null),
  },
};
