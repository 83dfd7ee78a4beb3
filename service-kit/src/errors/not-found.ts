/**
 * The one answer for an object a caller may not see, whether it does not exist or belongs to
 * another customer: the same message and extensions both ways, so an id of someone else's
 * cannot be confirmed by comparing errors. Every lookup and mutation by id refuses with it.
 */
import type { GraphQLError } from 'graphql';
import { graphqlError } from './graphql-errors';

/** `what`: the kind of object (`binding`, `card`, …); `field`: the input field that named it, if any. */
export function notFound(what: string, field?: string): GraphQLError {
  return graphqlError('NOT_FOUND', `${what} not found`, field ? { field } : undefined);
}
