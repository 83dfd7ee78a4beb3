import { clampToZero } from '../../../../adapters/sdk/src';
import { requireId } from '../../../shared/src/config';
import { platformById } from '../../../shared/src/graphql/platform';
import { decodeCursor, pageSize, toConnection } from '../../../shared/src/graphql/pagination';
import { CustomerEntity } from '../db/entities/customer.entity';
import type { Resolvers } from '../generated/resolvers-types';

export const customerResolvers: Resolvers = {
  Query: {
    customer: (_, { id }, ctx) => ctx.loaders.customerById.load(requireId(id)),
    customers: async (_, { first, after }, ctx) => {
      const size = pageSize(first);
      const cursor = decodeCursor(after);
      const query = ctx.dataSource
        .getRepository(CustomerEntity)
        .createQueryBuilder('c')
        .orderBy('c.id', 'ASC')
        .take(size + 1);
      if (cursor) query.where('c.id > :id', { id: requireId(cursor.id, 'after') });
      const rows = await query.getMany();
      return toConnection(rows, size, (c) => ({ sort: c.id, id: c.id }));
    },
  },
  Customer: {
    __resolveReference: (ref, ctx) => ctx.loaders.customerById.load(requireId(ref.id)),
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
