/**
 * The codes a GraphQL error may carry, and the one way to make such an error. Every code a
 * client can receive is listed: the platforms' canonical codes (the adapter SDK's) and the
 * codes of failures that are no platform's (the request itself, identity, limits,
 * availability). A code outside the list, a misspelling included, does not compile.
 */
import { GraphQLError, type GraphQLErrorOptions } from 'graphql';
import type { AdapterErrorCode } from '@cardweave/adapter-sdk';
import { CANONICAL_ERROR_CODES, type CanonicalErrorCode } from '@cardweave/adapter-sdk/canonical-errors';

/** Codes of failures that are not a platform's: the request itself, identity, limits, availability. */
export const EDGE_ERROR_CODES = [
  'BAD_REQUEST',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'OPERATION_LIMIT_EXCEEDED',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_ONLY',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'LENGTH_REQUIRED',
  'METHOD_NOT_ALLOWED',
  'IDEMPOTENCY_CONFLICT',
  'SUBGRAPH_UNAVAILABLE',
  'INTERNAL_SERVER_ERROR',
] as const;
export type EdgeErrorCode = (typeof EDGE_ERROR_CODES)[number];

/** Every code a client receives: the gateway gives each error one of these. */
export type ClientErrorCode = EdgeErrorCode | CanonicalErrorCode;

/**
 * Every code a GraphQL error may carry where it is made: a client's codes, and the adapter
 * SDK's fault codes a subgraph passes on (the gateway turns those a client does not know
 * into one it does).
 */
export type ErrorCode = ClientErrorCode | AdapterErrorCode;

export const ALL_ERROR_CODES: ReadonlySet<string> = new Set<string>([...EDGE_ERROR_CODES, ...CANONICAL_ERROR_CODES]);

export function isClientErrorCode(value: unknown): value is ClientErrorCode {
  return typeof value === 'string' && ALL_ERROR_CODES.has(value);
}

/** What an error says beside its code (field, platform, limit, http status...); the code is the first argument. */
export type ErrorDetails = Readonly<Record<string, unknown>> & { code?: never };

/** A GraphQL error with `code` (and any details) in its extensions; `options` place it (nodes, path, original error). */
export function graphqlError(
  code: ErrorCode,
  message: string,
  details?: ErrorDetails,
  options?: Omit<GraphQLErrorOptions, 'extensions'>,
): GraphQLError {
  return new GraphQLError(message, { ...options, extensions: withCode(code, details) });
}

/** The same error as a JSON response lists it, for answers written before GraphQL runs (HTTP-level refusals). */
export function errorEntry(
  code: ErrorCode,
  message: string,
  details?: ErrorDetails,
): { message: string; extensions: Record<string, unknown> } {
  return { message, extensions: withCode(code, details) };
}

/** The code first, as clients have always read it, and never replaced by a detail of the same name. */
function withCode(code: ErrorCode, details: ErrorDetails | undefined): Record<string, unknown> {
  const extensions: Record<string, unknown> = { code, ...details };
  extensions.code = code;
  return extensions;
}
