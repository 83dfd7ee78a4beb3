/**
 * Client identity for a run: every request a client sends carries a bearer token of the
 * customer whose data it asks for, minted up front with the run's token key (the key set in
 * CARDWEAVE_KEYS), with the issuer and audience the gateways verify.
 */
import type { Keyring } from '@cardweave/service-kit';
import { mintToken, tokenSettingsFromEnv } from '@cardweave/service-kit';

/** Long enough for the longest run, warm-ups and the payment section included. */
export const TOKEN_TTL_SECONDS = 6 * 3600;

export class CustomerTokens {
  private readonly tokens = new Map<string, string>();
  constructor(private readonly keyring: Keyring) {
    if (!keyring.jwtPrivateKey) throw new Error('the run’s key set has no token key');
  }

  /** The customer's token (minted once, then reused for the run). */
  of(customerId: string): string {
    let token = this.tokens.get(customerId);
    if (!token) {
      token = mintToken({ privateKey: this.keyring.jwtPrivateKey!, customerId, ttlSeconds: TOKEN_TTL_SECONDS, ...tokenSettingsFromEnv() });
      this.tokens.set(customerId, token);
    }
    return token;
  }

  /** The Authorization header value for the customer. */
  bearer(customerId: string): string {
    return `Bearer ${this.of(customerId)}`;
  }
}
