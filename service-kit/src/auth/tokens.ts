/**
 * Client tokens: ES256 JWTs from the card program's identity provider. The gateway verifies
 * them (Hive's JWT plugin) and turns the claims into an Identity; locally, `npm run token`
 * mints one with the generated key pair.
 *
 * Claims: `sub`, `customer_id` (for a customer), `roles` (CUSTOMER and/or OPERATOR; SERVICE
 * is never granted by a token), plus `iss`, `aud`, `iat`, `exp`.
 */
import { sign, type KeyObject } from 'node:crypto';
import { configValue, type Environment } from '../environment/read';
import type { Identity, Role } from './identity';

export const DEFAULT_JWT_ISSUER = 'https://auth.cardweave.local';
export const DEFAULT_JWT_AUDIENCE = 'cardweave-gateway';

export interface TokenSettings {
  issuer: string;
  audience: string;
}

export function tokenSettingsFromEnv(env: Environment = process.env): TokenSettings {
  const issuer = configValue('JWT_ISSUER', env);
  const audience = configValue('JWT_AUDIENCE', env);
  if (configValue('NODE_ENV', env) === 'production' && (!issuer || !audience)) {
    throw new Error('production needs JWT_ISSUER and JWT_AUDIENCE');
  }
  return { issuer: issuer ?? DEFAULT_JWT_ISSUER, audience: audience ?? DEFAULT_JWT_AUDIENCE };
}

export interface MintOptions extends Partial<TokenSettings> {
  privateKey: KeyObject;
  subject?: string;
  customerId?: string | null;
  roles?: Array<'CUSTOMER' | 'OPERATOR'>;
  ttlSeconds?: number;
  /** Seconds since the epoch the token is issued at (tests of expiry). */
  issuedAt?: number;
  /** Extra or overriding claims (tests of forged tokens). */
  claims?: Record<string, unknown>;
}

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

export function mintToken(options: MintOptions): string {
  const iat = options.issuedAt ?? Math.floor(Date.now() / 1000);
  const roles = options.roles ?? (options.customerId ? ['CUSTOMER'] : []);
  const payload = {
    iss: options.issuer ?? DEFAULT_JWT_ISSUER,
    aud: options.audience ?? DEFAULT_JWT_AUDIENCE,
    sub: options.subject ?? (options.customerId ? `customer:${options.customerId}` : 'operator'),
    ...(options.customerId ? { customer_id: options.customerId } : {}),
    roles,
    iat,
    exp: iat + (options.ttlSeconds ?? 3600),
    ...options.claims,
  };
  const data = `${b64({ alg: 'ES256', typ: 'JWT' })}.${b64(payload)}`;
  const signature = sign('sha256', Buffer.from(data), { key: options.privateKey, dsaEncoding: 'ieee-p1363' });
  return `${data}.${signature.toString('base64url')}`;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The identity a verified token grants; null when its claims grant nothing usable. */
export function identityFromClaims(payload: Record<string, unknown> | undefined | null): Identity | null {
  if (!payload || typeof payload.sub !== 'string' || payload.sub.length === 0 || payload.sub.length > 200) return null;
  // A token that never expires is refused, whatever signed it.
  if (typeof payload.exp !== 'number') return null;
  const claimed = Array.isArray(payload.roles) ? payload.roles : [];
  const roles = (['CUSTOMER', 'OPERATOR'] as Role[]).filter((r) => claimed.includes(r));
  const customerId = typeof payload.customer_id === 'string' && UUID.test(payload.customer_id) ? payload.customer_id.toLowerCase() : null;
  if (roles.includes('CUSTOMER') && !customerId) return null;
  if (roles.length === 0) return null;
  return { subject: payload.sub, customerId: roles.includes('CUSTOMER') ? customerId : null, roles };
}
