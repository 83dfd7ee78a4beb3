/**
 * Push provisioning, the issuer's side: the card goes to a wallet as a reference, never as a
 * typed number. `cards/provisioning/mint` gives the card holder's wallet an opaque, single-use
 * reference valid two minutes; `cards/provisioning/redeem` turns it, once, into the card's id
 * and last four digits for the wallet to bind. Both are internal routes: only the wallet subgraph,
 * signed, reaches them, and minting acts for the card's own customer only.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { Clock } from '@cardweave/service-kit';
import type { InternalRoute } from '@cardweave/subgraph-kit';
import { cardById } from '../db/queries/card.queries';
import { insertProvisioningReference, redeemProvisioningReference } from '../db/queries/provisioning.queries';

export const PROVISIONING_REFERENCE_TTL_MS = 120_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const REFERENCE = /^[A-Za-z0-9_-]{43}$/;

export type MintAnswer =
  | { found: false }
  | { found: true; blocked: 'CARD_LOCKED' | 'CARD_NOT_ACTIVE' }
  | { found: true; blocked: null; reference: string; expiresAt: string };

export type RedeemAnswer = { redeemed: false } | { redeemed: true; cardId: string; last4: string };

const hashOf = (reference: string) => createHash('sha256').update(reference).digest('hex');

export function provisioningRoutes(dataSource: DataSource, clock: Clock): Record<string, InternalRoute> {
  return {
    'cards/provisioning/mint': async (body, caller) => {
      const ask = body as { cardId?: unknown; walletPlatform?: unknown };
      if (caller.service !== 'wallet') return { status: 403, body: { error: 'only the wallet provisions cards' } };
      if (typeof ask?.cardId !== 'string' || !UUID.test(ask.cardId) || typeof ask.walletPlatform !== 'string') {
        return { status: 400, body: { error: 'cardId and walletPlatform are required' } };
      }
      const card = await cardById(dataSource, ask.cardId.toLowerCase());
      const identity = caller.identity;
      // Only the card's customer, acting as themself: someone else's card answers like no card.
      const own = !!card && !!identity && identity.customerId === card.customerId && identity.roles.includes('CUSTOMER');
      if (!card || !own) return { status: 200, body: { found: false } satisfies MintAnswer };
      if (card.status !== 'ACTIVE') {
        return {
          status: 200,
          body: { found: true, blocked: card.status === 'LOCKED' ? 'CARD_LOCKED' : 'CARD_NOT_ACTIVE' } satisfies MintAnswer,
        };
      }
      const reference = randomBytes(32).toString('base64url');
      const now = clock.now();
      const expiresAt = new Date(now.getTime() + PROVISIONING_REFERENCE_TTL_MS);
      await insertProvisioningReference(dataSource, {
        id: randomUUID(),
        cardId: card.id,
        customerId: card.customerId,
        walletPlatform: ask.walletPlatform,
        referenceHash: hashOf(reference),
        createdAt: now,
        expiresAt,
      });
      return { status: 200, body: { found: true, blocked: null, reference, expiresAt: expiresAt.toISOString() } satisfies MintAnswer };
    },

    'cards/provisioning/redeem': async (body, caller) => {
      const ask = body as { reference?: unknown; walletPlatform?: unknown };
      if (caller.service !== 'wallet') return { status: 403, body: { error: 'only the wallet redeems provisioning references' } };
      if (typeof ask?.reference !== 'string' || !REFERENCE.test(ask.reference) || typeof ask.walletPlatform !== 'string') {
        return { status: 200, body: { redeemed: false } satisfies RedeemAnswer };
      }
      const redeemed = await redeemProvisioningReference(dataSource, {
        referenceHash: hashOf(ask.reference),
        walletPlatform: ask.walletPlatform,
        at: clock.now(),
      });
      const card = redeemed && (await cardById(dataSource, redeemed.cardId));
      if (!card) return { status: 200, body: { redeemed: false } satisfies RedeemAnswer };
      return { status: 200, body: { redeemed: true, cardId: card.id, last4: card.last4 } satisfies RedeemAnswer };
    },
  };
}
