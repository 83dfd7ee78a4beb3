import { clampToZero } from '@cardweave/adapter-sdk';
import { canActForCustomer, type HasIdentity } from '@cardweave/service-kit';
import { requireId } from '@cardweave/service-kit';
import { platformById, decodeCursor, pageSize, toConnection } from '@cardweave/subgraph-kit';
import type { CustomerEntity } from '../db/entities/customer.entity';
import { customersPage } from '../db/queries/customer.queries';
import type { Resolvers } from '../generated/resolvers-types';

/** Another customer's record reads as absent, so ids cannot be probed. */
function visibleCustomer<T extends { id: string }>(ctx: HasIdentity, customer: T | null): T | null {
  return customer && canActForCustomer(ctx, customer.id) ? customer : null;
}

/** undefined: no filter; false: nothing visible; a string: only this customer. */
function ownCustomerFilter(ctx: HasIdentity): string | false | undefined {
  if (ctx.identity === undefined) return undefined;
  if (ctx.identity === null) return false;
  if (ctx.identity.roles.includes('OPERATOR') || ctx.identity.roles.includes('SERVICE')) return undefined;
  return ctx.identity.customerId ?? false;
}

export const customerResolvers: Resolvers = {
  Query: {
    customer: async (_, { id }, ctx) => visibleCustomer(ctx, await ctx.loaders.customerById.load(requireId(id))),
    customers: async (_, { first, after }, ctx) => {
      const size = pageSize(first);
      const cursor = decodeCursor(after, 'id');
      const afterId = cursor ? requireId(cursor.id, 'after') : null;
      // A customer sees only themselves; operators and services see every customer.
      const own = ownCustomerFilter(ctx);
      if (own === false) return toConnection([], size, (c: CustomerEntity) => ({ sort: c.id, id: c.id }));
      const rows = await customersPage(ctx.dataSource, { afterId, only: own ?? null, limit: size + 1 });
      return toConnection(rows, size, (c) => ({ sort: c.id, id: c.id }));
    },
  },
  Customer: {
    __resolveReference: async (ref, ctx) => visibleCustomer(ctx, await ctx.loaders.customerById.load(requireId(ref.id))),
    creditLine: async (customer, _, ctx) => (await ctx.loaders.creditLinesByCustomer.load(customer.id))[0] ?? null,
    cards: (customer, _, ctx) => ctx.loaders.cardsByCustomer.load(customer.id),
    bills: async (customer, { first, after }, ctx) => {
      const line = (await ctx.loaders.creditLinesByCustomer.load(customer.id))[0];
      if (!line) return { edges: [], pageInfo: { hasNextPage: false, endCursor: null } };
      return ctx.loaders.billPages.load({ parentId: line.id, first, after });
    },
  },
  CreditLine: {
    issuer: (line, _, ctx) => platformById(ctx.registry, line.issuerPlatform, 'ISSUER'),
    availableFen: (line) => clampToZero(line.limitFen - line.usedFen),
  },
};
