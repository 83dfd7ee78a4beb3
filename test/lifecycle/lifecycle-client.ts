/**
 * Mutations as a signed-in caller. The gateway passes a verified identity on to the
 * subgraphs in its signed request; until the gateway reads client tokens, a test sends
 * the subgraph exactly what the gateway would: the same signature, acting for `identity`.
 * Reads of the unified view go through the gateway itself.
 */
import type { Identity } from '@cardweave/service-kit';
import { signServiceRequest } from '@cardweave/service-kit';
import type { TestSystem } from '../support/test-system';

export const operator: Identity = { subject: 'operator-1', customerId: null, roles: ['OPERATOR'] };
export const customerIdentity = (customerId: string): Identity => ({ subject: `customer-${customerId}`, customerId, roles: ['CUSTOMER'] });

export type GraphQLAnswer<T> = { data?: T; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> };

export async function actAs<T = Record<string, any>>(
  system: TestSystem,
  subgraph: 'issuer' | 'wallet',
  identity: Identity | null,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<GraphQLAnswer<T>> {
  const body = JSON.stringify({ query, variables });
  const headers = signServiceRequest({ service: 'gateway', method: 'POST', path: '/graphql', body, identity });
  const response = await fetch(system[subgraph].url, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body });
  return (await response.json()) as GraphQLAnswer<T>;
}
