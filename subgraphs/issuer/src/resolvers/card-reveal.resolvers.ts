import type { IssuerContext } from '../context';
import { revealCardDetails, startCardReveal } from '../card-reveal/card-reveal-service';
import type { Resolvers } from '../generated/resolvers-types';

/** The request id the subgraph server puts in every request's context, for the reveal's audit row. */
const withRequest = (ctx: IssuerContext) => ({ ...ctx, requestId: (ctx as IssuerContext & { requestId?: string }).requestId ?? 'unknown' });

export const cardRevealResolvers: Resolvers = {
  Mutation: {
    startCardReveal: (_, { input }, ctx) => startCardReveal(withRequest(ctx), input),
    revealCardDetails: (_, { input }, ctx) => revealCardDetails(withRequest(ctx), input),
  },
};
