/**
 * The resolver map a subgraph serves, typed by the context its resolvers receive. A
 * subgraph's generated `Resolvers` (codegen.yml) fits it, so no cast stands between the
 * generated types and the server.
 *
 * Apollo's own GraphQLResolverMap types every function in a type's map as a field resolver
 * (parent, args, context, info); `__resolveReference` and `__resolveType` are called with
 * (parent, context, info) instead, so a federated schema's generated resolvers do not fit it.
 */
import type { GraphQLFieldResolver, GraphQLResolveInfo, GraphQLScalarType } from 'graphql';
import type { Identity } from '@cardweave/service-kit';

/** `__resolveReference`, `__resolveType`, `__isTypeOf`: called with the parent, the context and the info. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the generated types check the parent; this map checks the context
export type TypeLevelResolver<TContext> = (parent: any, context: TContext, info: GraphQLResolveInfo) => unknown;

/** A field resolver, bare or as `{ resolve }`; the generated types check its parent, arguments and result. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- as above
export type FieldResolver<TContext> = GraphQLFieldResolver<any, TContext> | { resolve?: GraphQLFieldResolver<any, TContext> };

export type ObjectTypeResolvers<TContext> = {
  [field: string]: FieldResolver<TContext> | TypeLevelResolver<TContext>;
};

export type SubgraphResolverMap<TContext> = {
  [typeName: string]: ObjectTypeResolvers<TContext> | GraphQLScalarType;
};

/** What the subgraph server adds to the context each request's resolvers receive. */
export interface ServedRequestContext {
  /** Whom the verified caller acts for; null when it acts for no one in particular. */
  identity: Identity | null;
  requestId: string;
  acceptLanguage: string;
}
