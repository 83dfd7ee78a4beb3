/**
 * Which web origins may use the gateway from a browser: its own origin, and the origins listed
 * in GATEWAY_CORS_ORIGINS. Nothing else is ever answered with CORS headers, so a page on
 * another site cannot read an answer, credentials or not.
 *
 * Yoga's `cors` option takes a list, but answers an unlisted origin with
 * `Access-Control-Allow-Origin: null` (or the list's only entry) and credentials; its factory
 * form is used instead, returning `false` (no CORS headers at all) for any origin not allowed.
 */
import { configValue, type Environment } from '@cardweave/service-kit';

/** The subset of Yoga's CORS options the gateway sets. */
export interface CorsAnswer {
  origin: string[];
  credentials: boolean;
}

export interface OriginPolicy {
  /** The origins listed in configuration, besides the gateway's own. */
  readonly listed: ReadonlySet<string>;
  /** Whether a browser page at `origin` may use the gateway this request reached. */
  allows(origin: string | null, request: Request): boolean;
  /** Yoga's `cors` option: exactly the request's origin when allowed, no CORS headers otherwise. */
  cors(request: Request): CorsAnswer | false;
  /**
   * Whether a request that acts on the caller's behalf (the demo sign-in) came from the
   * gateway's own page or a listed origin: `Origin` must be one of them, and a browser's
   * `Sec-Fetch-Site` must not call a request claiming the own origin cross-site.
   */
  acceptsCaller(request: Request): boolean;
}

/** The origin this request addressed: what a page served by this gateway has as its origin. */
function ownOrigin(request: Request): string | undefined {
  try {
    return new URL(request.url).origin;
  } catch {
    return undefined;
  }
}

export function originPolicy(listedOrigins: readonly string[] = []): OriginPolicy {
  const listed = new Set(listedOrigins);
  const allows = (origin: string | null, request: Request) => !!origin && (listed.has(origin) || origin === ownOrigin(request));
  return {
    listed,
    allows,
    cors(request) {
      const origin = request.headers.get('origin');
      if (!origin || !allows(origin, request)) return false;
      // The whole list: Yoga answers with the request's own entry of it and adds `Vary: Origin`.
      return { origin: [...new Set([ownOrigin(request)!, ...listed])], credentials: true };
    },
    acceptsCaller(request) {
      const origin = request.headers.get('origin');
      // Browsers send Origin with every POST; a request without one is not from a page we serve.
      if (!origin) return false;
      if (listed.has(origin)) return true;
      if (origin !== ownOrigin(request)) return false;
      const site = request.headers.get('sec-fetch-site');
      return site === null || site === 'same-origin';
    },
  };
}

/** The policy of GATEWAY_CORS_ORIGINS: the gateway's own origin only when it is unset. */
export function originPolicyFromEnv(env: Environment = process.env): OriginPolicy {
  return originPolicy(configValue('GATEWAY_CORS_ORIGINS', env));
}
