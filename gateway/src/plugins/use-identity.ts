/**
 * Who is asking: Hive's JWT plugin verifies the client's bearer token (signature, issuer,
 * audience, expiry; ES256 only) and rejects a request without one; the token's claims become
 * the Identity the subgraphs authorize against (service-kit/src/auth/tokens.ts).
 * Health, readiness, metrics and the IDE page are served before this runs, so they need no token.
 * One GraphQL request needs none either: a bare `{ __typename }`, the liveness probe clients
 * and uptime checks send, which the gateway answers itself and which reveals nothing.
 */
import type { KeyObject } from 'node:crypto';
import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { extractFromHeader, useJWT, type ExtractTokenFunction } from '@graphql-mesh/plugin-jwt-auth';
import { createGraphQLError } from '@graphql-tools/utils';
import { Kind, type DocumentNode } from 'graphql';
import type { Identity } from '@cardweave/service-kit';
import { graphqlError, identityFromClaims } from '@cardweave/service-kit';

export interface UseIdentityOptions {
  publicKey: KeyObject;
  issuer: string;
  audience: string;
}

/** The identity of a request, from the payload Hive's JWT plugin verified. */
export function identityOf(context: Record<string, unknown>): Identity | null {
  return identityFromClaims((context.jwt as { payload?: Record<string, unknown> } | undefined)?.payload);
}

/** Whether every operation of a document selects nothing but `__typename` at its root. */
export function isTypenameProbe(document: DocumentNode): boolean {
  return document.definitions.every(
    (d) =>
      d.kind === Kind.OPERATION_DEFINITION &&
      d.selectionSet.selections.every((s) => s.kind === Kind.FIELD && s.name.value === '__typename'),
  );
}

const unauthenticated = (message: string) => graphqlError('UNAUTHENTICATED', message, { http: { status: 401 } });

/** Whether a token's header names critical extensions (`crit`, RFC 7515 §4.1.11); false for a header that does not parse. */
export function declaresCriticalExtensions(token: string): boolean {
  try {
    const header = JSON.parse(Buffer.from(token.split('.')[0], 'base64url').toString('utf8')) as unknown;
    return typeof header === 'object' && header !== null && Object.prototype.hasOwnProperty.call(header, 'crit');
  } catch {
    return false;
  }
}

/**
 * The bearer token, refused before verification when its header has `crit`: the recipient must
 * reject a token whose critical extensions it does not understand, the gateway understands none,
 * and jsonwebtoken would verify it ignoring them. The refusal is the JWT plugin's own for a bad token.
 */
function bearerWithoutCriticalExtensions(): ExtractTokenFunction {
  const bearer = extractFromHeader({ name: 'Authorization', prefix: 'Bearer' });
  return async (params) => {
    const found = await bearer(params);
    if (found?.token && declaresCriticalExtensions(found.token)) {
      throw createGraphQLError('Unauthenticated', { extensions: { http: { status: 401 } } });
    }
    return found;
  };
}

/**
 * The bearer token a graphql-ws client sent in its connection_init payload
 * (`{ "authorization": "Bearer <token>" }`), for browsers, whose WebSocket cannot set headers;
 * refused as the header's is (a wrong prefix, or critical extensions).
 */
function bearerFromConnectionParams(): ExtractTokenFunction {
  return ({ serverContext }) => {
    const params = (serverContext as { connectionParams?: Record<string, unknown> } | undefined)?.connectionParams;
    const raw = params?.authorization ?? params?.Authorization;
    if (typeof raw !== 'string') return undefined;
    const [prefix, token, ...rest] = raw.trim().split(/\s+/);
    if (prefix !== 'Bearer' || !token || rest.length > 0 || declaresCriticalExtensions(token)) {
      throw createGraphQLError('Unauthenticated', { extensions: { http: { status: 401 } } });
    }
    return { prefix, token };
  };
}

/** Hive's JWT plugin, then the check that the verified claims grant a role. */
export function useIdentity(options: UseIdentityOptions): GatewayPlugin[] {
  if (!options.publicKey) throw new Error('useIdentity: publicKey is required (JWT_PUBLIC_KEY)');
  if (!options.issuer || !options.audience) throw new Error('useIdentity: issuer and audience are required');
  // The parsed KeyObject itself, not its PEM: jsonwebtoken would parse a PEM string again on every request.
  const publicKey = options.publicKey;
  const jwt = useJWT({
    signingKeyProviders: [() => publicKey as unknown as string],
    tokenVerification: { algorithms: ['ES256'], issuer: options.issuer, audience: options.audience, clockTolerance: 5 },
    // The Authorization header (HTTP, and a WebSocket's upgrade request), then a graphql-ws connection_init payload.
    tokenLookupLocations: [bearerWithoutCriticalExtensions(), bearerFromConnectionParams()],
    // A missing token is refused below, after the one probe that needs none is let through.
    reject: { missingToken: false, invalidToken: true },
    // Subgraphs learn whom a request acts for from the signed identity header
    // (use-service-signature.ts), not from the token's raw claims in every request body.
    forward: { payload: false, token: false },
  });
  return [
    jwt as unknown as GatewayPlugin,
    {
      onExecute: ({ args, setResultAndStopExecution }) => refuseWithoutIdentity(args, setResultAndStopExecution),
      // A subscription (over SSE or graphql-ws) is refused here as a query is, before any subgraph is asked.
      onSubscribe: ({ args, setResultAndStopExecution }) => refuseWithoutIdentity(args, setResultAndStopExecution),
    },
  ];
}

function refuseWithoutIdentity(
  args: { contextValue: unknown; document: DocumentNode },
  stop: (result: { errors: ReturnType<typeof unauthenticated>[] }) => void,
): void {
  const context = args.contextValue as Record<string, unknown>;
  if (!context.jwt) {
    if (!isTypenameProbe(args.document)) stop({ errors: [unauthenticated('Unauthenticated')] });
    return;
  }
  // A verified token whose claims grant no role (or a customer role without a customer).
  if (!identityOf(context)) stop({ errors: [unauthenticated('the token grants no access')] });
}
