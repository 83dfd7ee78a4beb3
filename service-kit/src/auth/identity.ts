import { graphqlError } from '../errors/graphql-errors';
import { notFound } from '../errors/not-found';
import { assertActsAsCustomer } from './permissions';
/**
 * Who is asking, as every subgraph sees it. The gateway verifies the client's token and
 * passes the identity on; sibling subgraphs act as SERVICE on a customer's behalf.
 */

export type Role = 'CUSTOMER' | 'OPERATOR' | 'SERVICE';

export interface Identity {
  /** The token's subject. */
  subject: string;
  /** The customer this identity acts for; null for operators and services. */
  customerId: string | null;
  roles: Role[];
}

export interface HasIdentity {
  /**
   * undefined: the service runs without identity enforcement (not configured);
   * null: enforcement is on and the request is anonymous.
   */
  identity?: Identity | null;
}

/** Whether the request may read this customer's data (operators and services read every customer); changing it takes assertCanActForCustomer. */
export function canActForCustomer(ctx: HasIdentity, customerId: string): boolean {
  if (ctx.identity === undefined) return true;
  if (ctx.identity === null) return false;
  if (ctx.identity.roles.includes('OPERATOR') || ctx.identity.roles.includes('SERVICE')) return true;
  return ctx.identity.customerId === customerId;
}

/**
 * For mutations: refuses with NOT_FOUND rather than FORBIDDEN, so another customer's
 * ids cannot even be probed for existence. An operator or a service, who may read the
 * customer, still may not act for them: FORBIDDEN (permissions.ts).
 */
export function assertCanActForCustomer(ctx: HasIdentity, customerId: string, what = 'resource', field?: string): void {
  if (!canActForCustomer(ctx, customerId)) {
    // The very answer the caller gets for an id that does not exist (notFound).
    throw notFound(what, field);
  }
  assertActsAsCustomer(ctx, customerId, what);
}

export function assertOperator(ctx: HasIdentity): void {
  if (ctx.identity === undefined) return;
  if (!ctx.identity?.roles.includes('OPERATOR')) {
    throw graphqlError('FORBIDDEN', 'this operation is for operators');
  }
}
