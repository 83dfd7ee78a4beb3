/**
 * A field with `@requires` whose required part did not arrive. The gateway sends what it could
 * fetch; a subgraph that failed (down, timed out) leaves its part out of the representation. That
 * is a fault of another service, not of the request: SUBGRAPH_UNAVAILABLE naming the service the
 * part comes from, so a client retries later instead of changing what it asked.
 */
import type { GraphQLError } from 'graphql';
import { graphqlError } from '@cardweave/service-kit';

export type SubgraphName = 'issuer' | 'wallet' | 'clearing';

export function requiredPartMissing(field: string, part: string, from: SubgraphName): GraphQLError {
  return graphqlError('SUBGRAPH_UNAVAILABLE', `${field} needs ${part}, which the ${from} service did not give`, { subgraph: from });
}
