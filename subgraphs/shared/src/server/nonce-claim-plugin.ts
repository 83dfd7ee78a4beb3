/**
 * Claims the nonce of a signed /graphql request once Apollo has resolved its operation:
 * in the shared database when it is a mutation, in this process's memory when it is a read.
 *
 * Why then, and not when the signature is checked: only the resolved operation says whether
 * a request may change data. The body may carry the document's text, or only the hash of an
 * automatic persisted query whose text this replica learnt earlier; judged by the body, the
 * second form looks like a read, and a mutation replayed to another replica would run again.
 * didResolveOperation runs for every form, before anything executes; a request that never
 * gets there (unparsable, invalid, unknown hash) runs nothing and claims nothing.
 */
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { graphqlError, ServiceAuthError, writeLog, type NonceStore, type SignedRequest } from '@cardweave/service-kit';

export interface NonceClaims {
  /** Where a mutation's nonce is claimed: the database every replica shares. */
  writes: NonceStore;
  /** Where a read's nonce is claimed. */
  reads: NonceStore;
  /** Whether an error means the database is unreachable (an outage, said as SUBGRAPH_UNAVAILABLE). */
  isDatabaseUnavailable(error: unknown): boolean;
}

// On the context rather than in a map keyed by it: Apollo runs each operation on a shallow copy of the context.
const SIGNED_REQUEST = Symbol('signed request');

/** Hands the plugin the checked signature of the request whose context this is. */
export function withSignedRequest<TContext extends object>(context: TContext, signed: SignedRequest): TContext {
  return Object.assign(context, { [SIGNED_REQUEST]: signed });
}

export function nonceClaimPlugin(subgraph: string, claims: NonceClaims): ApolloServerPlugin<BaseContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, operation }) {
          const signed = (contextValue as { [SIGNED_REQUEST]?: SignedRequest })[SIGNED_REQUEST];
          // Every context is made by the server after the signature is checked; none other reaches here.
          if (!signed) throw graphqlError('INTERNAL_SERVER_ERROR', 'internal error', { http: { status: 500 } });
          try {
            // Only a query is known to change nothing; anything else is claimed where every replica sees it.
            await signed.claimNonce(operation?.operation === 'query' ? claims.reads : claims.writes);
          } catch (error) {
            if (error instanceof ServiceAuthError) {
              throw graphqlError('UNAUTHENTICATED', `unauthenticated: ${error.message}`, { http: { status: 401 } });
            }
            if (claims.isDatabaseUnavailable(error)) {
              throw graphqlError('SUBGRAPH_UNAVAILABLE', `the ${subgraph} database is unavailable`, { subgraph, http: { status: 503 } });
            }
            writeLog('error', subgraph, 'nonce claim failed', { error: (error as Error).message });
            throw graphqlError('INTERNAL_SERVER_ERROR', 'internal error', { http: { status: 500 } });
          }
        },
      };
    },
  };
}
