/**
 * What a peer gateway needs to do for our subgraphs: know who is asking. For Apollo, whose
 * server has no JWT verification of its own, this checks the client's bearer token the way
 * Cardweave's gateway does (ES256 only, issuer, audience, expiry with 5 s of tolerance) with
 * Node's crypto, and turns the claims into the Identity the subgraphs authorize against.
 */
import { verify, type KeyObject } from 'node:crypto';
import type { Identity, TokenSettings } from '@cardweave/service-kit';
import { identityFromClaims } from '@cardweave/service-kit';

const CLOCK_TOLERANCE_SECONDS = 5;

/** The identity of a verified `Authorization: Bearer …` header; null when it is missing or invalid. */
export function identityFromBearer(authorization: string | undefined, publicKey: KeyObject, settings: TokenSettings): Identity | null {
  const match = /^Bearer ([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)$/.exec(authorization ?? '');
  if (!match) return null;
  const [, header, payload, signature] = match;
  try {
    if ((JSON.parse(Buffer.from(header, 'base64url').toString('utf8')) as { alg?: string }).alg !== 'ES256') return null;
    const valid = verify(
      'sha256',
      Buffer.from(`${header}.${payload}`),
      { key: publicKey, dsaEncoding: 'ieee-p1363' },
      Buffer.from(signature, 'base64url'),
    );
    if (!valid) return null;
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
    const now = Date.now() / 1000;
    const audiences = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
    if (claims.iss !== settings.issuer || !audiences.includes(settings.audience)) return null;
    if (typeof claims.exp !== 'number' || claims.exp + CLOCK_TOLERANCE_SECONDS < now) return null;
    if (typeof claims.nbf === 'number' && claims.nbf - CLOCK_TOLERANCE_SECONDS > now) return null;
    return identityFromClaims(claims);
  } catch {
    return null;
  }
}
