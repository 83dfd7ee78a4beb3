/**
 * Trust between services. Every request a subgraph serves is signed by its caller: the
 * gateway for /graphql, a sibling subgraph for /internal/*. The signature (Ed25519, the
 * caller's own key) covers the caller, method, path, a timestamp, a one-time nonce, the
 * identity the caller acts for and a hash of the body, so none of them can be changed,
 * and a captured request cannot be sent again:
 * - the timestamp must be within SIGNATURE_WINDOW_MS of the receiver's clock;
 * - the nonce is claimed once: in the receiver's database for anything that may change
 *   data (internal calls, and mutations in whatever form their document came: text or a
 *   persisted query's hash), so the claim holds across replicas; in memory for reads (a
 *   replayed read shows nothing the captured response did not).
 *
 * Usage from a subgraph calling a sibling's internal route:
 *
 *   const body = JSON.stringify({ cardId, amountFen: String(amount) });
 *   const headers = signServiceRequest({ service: 'wallet', method: 'POST', path: '/internal/authorize', body, identity: ctx.identity });
 *   const response = await fetch(`${clearingBaseUrl}/internal/authorize`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body });
 */
import { createHash, randomBytes, sign, verify } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { Identity, Role } from './identity';
import { currentKeyring, type Keyring } from './keys';

export const SIGNATURE_WINDOW_MS = 60_000;

export const HEADER = {
  caller: 'x-cardweave-caller',
  timestamp: 'x-cardweave-timestamp',
  nonce: 'x-cardweave-nonce',
  identity: 'x-cardweave-identity',
  signature: 'x-cardweave-signature',
} as const;

export interface SignRequest {
  /** The calling service; its private key must be in the keyring. */
  service: string;
  method: string;
  /** Path and query string, e.g. `/internal/authorize` or `/graphql`. */
  path: string;
  /** The exact body bytes sent ('' for none). */
  body: string | Uint8Array;
  /** Whom the call acts for; omitted or null for the service itself. */
  identity?: Identity | null;
  keyring?: Keyring;
  now?: number;
}

const sha256 = (body: string | Uint8Array) => createHash('sha256').update(body).digest('base64url');

function canonical(parts: {
  caller: string;
  method: string;
  path: string;
  timestamp: string;
  nonce: string;
  identity: string;
  bodyHash: string;
}) {
  return [
    'cardweave-v1',
    parts.caller,
    parts.method.toUpperCase(),
    parts.path,
    parts.timestamp,
    parts.nonce,
    parts.identity,
    parts.bodyHash,
  ].join('\n');
}

export function encodeIdentity(identity: Identity | null | undefined): string {
  return identity ? Buffer.from(JSON.stringify(identity)).toString('base64url') : '';
}

const ROLES: Role[] = ['CUSTOMER', 'OPERATOR', 'SERVICE'];

export function decodeIdentity(header: string): Identity | null {
  if (!header) return null;
  const raw = JSON.parse(Buffer.from(header, 'base64url').toString('utf8')) as Partial<Identity>;
  if (typeof raw.subject !== 'string' || !Array.isArray(raw.roles) || !raw.roles.every((r) => ROLES.includes(r))) {
    throw new ServiceAuthError('malformed identity');
  }
  const customerId = typeof raw.customerId === 'string' ? raw.customerId.toLowerCase() : null;
  return { subject: raw.subject, customerId, roles: raw.roles };
}

/** The headers that sign one request. */
export function signServiceRequest(request: SignRequest): Record<string, string> {
  const keyring = request.keyring ?? currentKeyring();
  const key = keyring.servicePrivateKeys.get(request.service);
  if (!key) throw new Error(`no signing key for service "${request.service}"`);
  const timestamp = String(request.now ?? Date.now());
  const nonce = randomBytes(16).toString('base64url');
  const identity = encodeIdentity(request.identity);
  const data = canonical({
    caller: request.service,
    method: request.method,
    path: request.path,
    timestamp,
    nonce,
    identity,
    bodyHash: sha256(request.body),
  });
  const headers: Record<string, string> = {
    [HEADER.caller]: request.service,
    [HEADER.timestamp]: timestamp,
    [HEADER.nonce]: nonce,
    [HEADER.signature]: sign(null, Buffer.from(data), key).toString('base64url'),
  };
  if (identity) headers[HEADER.identity] = identity;
  return headers;
}

export class ServiceAuthError extends Error {
  readonly status = 401;
}

/** Where nonces are claimed; `claim` is true the first time a nonce is seen. */
export interface NonceStore {
  claim(caller: string, nonce: string, expiresAt: Date): Promise<boolean>;
}

/** One process's memory: enough for reads, and for a single replica. */
export class MemoryNonceStore implements NonceStore {
  private readonly seen = new Map<string, number>();
  private sweepAt = 0;
  constructor(private readonly max = 200_000) {}
  async claim(caller: string, nonce: string, expiresAt: Date): Promise<boolean> {
    const now = Date.now();
    if (now >= this.sweepAt || this.seen.size >= this.max) {
      for (const [key, expires] of this.seen) if (expires < now) this.seen.delete(key);
      this.sweepAt = now + 10_000;
      // Still full of live nonces: refuse rather than forget one (a flood, not traffic).
      if (this.seen.size >= this.max) return false;
    }
    const key = `${caller}:${nonce}`;
    if (this.seen.has(key)) return false;
    this.seen.set(key, expiresAt.getTime());
    return true;
  }
}

/** The SQL of the nonce table each subgraph keeps in its own schema (see its migration). */
export function createServiceNoncesTableSql(schema: string): string {
  return `CREATE TABLE ${schema}.service_nonces (
    caller text NOT NULL,
    nonce text NOT NULL,
    expires_at timestamptz NOT NULL,
    PRIMARY KEY (caller, nonce)
  )`;
}

/** Nonces claimed in the database: a replay is refused by every replica. */
export class DatabaseNonceStore implements NonceStore {
  private claims = 0;
  constructor(
    private readonly dataSource: DataSource,
    private readonly schema: string,
  ) {}
  async claim(caller: string, nonce: string, expiresAt: Date): Promise<boolean> {
    if (++this.claims % 500 === 0) {
      await this.dataSource.query(`DELETE FROM ${this.schema}.service_nonces WHERE expires_at < now()`).catch(() => undefined);
    }
    const rows = (await this.dataSource.query(
      `INSERT INTO ${this.schema}.service_nonces (caller, nonce, expires_at) VALUES ($1, $2, $3)
       ON CONFLICT DO NOTHING RETURNING nonce`,
      [caller, nonce, expiresAt],
    )) as unknown[];
    return rows.length === 1;
  }
}

export interface VerifyRequest {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: string | Uint8Array;
  /** Services allowed to call this route. */
  allowedCallers: readonly string[];
  /** Where the nonce is claimed. */
  nonces: NonceStore;
  keyring?: Keyring;
  now?: number;
}

export interface VerifiedCaller {
  service: string;
  identity: Identity | null;
}

const header = (headers: VerifyRequest['headers'], name: string) => {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
};

/** A request whose signature holds, and whose nonce is still to be claimed. */
export interface SignedRequest extends VerifiedCaller {
  /**
   * Claims the nonce in `store` (once per request): where depends on what the request turns
   * out to do, which for GraphQL is known only once its document is resolved. Throws
   * ServiceAuthError when the nonce was already used.
   */
  claimNonce(store: NonceStore): Promise<void>;
}

/** Checks a request's signature; throws ServiceAuthError (HTTP 401) when it is missing, forged, stale or replayed. */
export async function verifyServiceRequest(request: VerifyRequest): Promise<VerifiedCaller> {
  const signed = verifyServiceSignature(request);
  await signed.claimNonce(request.nonces);
  return { service: signed.service, identity: signed.identity };
}

/**
 * Checks everything of a request's signature but its nonce, which the caller claims with
 * `claimNonce` before the request may do anything. Throws ServiceAuthError (HTTP 401) when
 * the signature is missing, forged or stale.
 */
export function verifyServiceSignature(request: Omit<VerifyRequest, 'nonces'>): SignedRequest {
  const keyring = request.keyring ?? currentKeyring();
  const caller = header(request.headers, HEADER.caller);
  const timestamp = header(request.headers, HEADER.timestamp);
  const nonce = header(request.headers, HEADER.nonce);
  const signature = header(request.headers, HEADER.signature);
  const identityHeader = header(request.headers, HEADER.identity) ?? '';
  if (!caller || !timestamp || !nonce || !signature) throw new ServiceAuthError('request is not signed');
  if (!request.allowedCallers.includes(caller)) throw new ServiceAuthError(`caller "${caller}" may not call this route`);
  const key = keyring.servicePublicKeys.get(caller);
  if (!key) throw new ServiceAuthError(`unknown caller "${caller}"`);
  if (!/^\d{1,15}$/.test(timestamp) || !/^[A-Za-z0-9_-]{16,64}$/.test(nonce)) throw new ServiceAuthError('malformed signature headers');
  const now = request.now ?? Date.now();
  if (Math.abs(now - Number(timestamp)) > SIGNATURE_WINDOW_MS) throw new ServiceAuthError('signature expired');
  const data = canonical({
    caller,
    method: request.method,
    path: request.path,
    timestamp,
    nonce,
    identity: identityHeader,
    bodyHash: sha256(request.body),
  });
  let valid = false;
  try {
    valid = verify(null, Buffer.from(data), key, Buffer.from(signature, 'base64url'));
  } catch {
    valid = false;
  }
  if (!valid) throw new ServiceAuthError('bad signature');
  let identity: Identity | null;
  try {
    identity = decodeIdentity(identityHeader);
  } catch {
    throw new ServiceAuthError('malformed identity');
  }
  let claimed = false;
  return {
    service: caller,
    identity,
    async claimNonce(store) {
      if (claimed) throw new Error('a request claims its nonce once');
      claimed = true;
      if (!(await store.claim(caller, nonce, new Date(Number(timestamp) + 2 * SIGNATURE_WINDOW_MS)))) {
        throw new ServiceAuthError('signature already used');
      }
    },
  };
}
