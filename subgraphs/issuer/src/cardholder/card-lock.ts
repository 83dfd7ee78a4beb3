/**
 * The holder locks and unlocks their own card. A locked card is the card's status LOCKED,
 * which issuerLimit and the issuer's authorization hop read, so payableNow shows 0 with
 * CARD_LOCKED and every payment is declined with it (remedy UNLOCK_CARD) from the commit on.
 * Both are idempotent by nature: asking for the state the card is in changes nothing. The
 * holder cannot undo the issuer's own measures: a frozen card, or a card of a frozen
 * customer, cannot be unlocked, and a frozen or closed card cannot be locked over it.
 */
import { assertCanActForCustomer, notFound, requireId } from '@cardweave/service-kit';
import { canonicalErrorModel, declineFor, type CanonicalErrorModel } from '@cardweave/subgraph-kit';
import type { IssuerContext } from '../context';
import { shareCustomer } from '../db/queries/customer.queries';
import { changeLockState, lockCardRow } from '../db/queries/holder-controls.queries';
import { issuerEventOutbox, recordCardLockChange } from '../events/issuer-events';

export interface CardLockOutcome {
  ok: boolean;
  error: CanonicalErrorModel | null;
  /** Whether this request changed the card (false when it already was as asked). */
  changed: boolean;
  cardId: string;
}

export async function setCardLock(ctx: IssuerContext, target: 'LOCKED' | 'ACTIVE', cardIdArg: string): Promise<CardLockOutcome> {
  const cardId = requireId(cardIdArg, 'cardId');
  return ctx.dataSource.transaction(async (m) => {
    const card = await lockCardRow(m, cardId);
    if (!card) throw notFound('card', 'cardId');
    // Another customer's card answers exactly as an absent one.
    assertCanActForCustomer(ctx, card.customerId, 'card', 'cardId');
    const issuer = ctx.registry.get(card.issuerPlatform);
    const refused = (code: 'CARD_NOT_ACTIVE' | 'ACCOUNT_FROZEN'): CardLockOutcome => ({
      ok: false,
      error: canonicalErrorModel(declineFor(issuer, code)),
      changed: false,
      cardId,
    });
    if (card.status === target) return { ok: true, error: null, changed: false, cardId };
    if (target === 'ACTIVE') {
      const customer = await shareCustomer(m, card.customerId);
      if (card.status === 'FROZEN' || customer?.status === 'FROZEN') return refused('ACCOUNT_FROZEN');
    }
    if (card.status !== 'ACTIVE' && card.status !== 'LOCKED') return refused('CARD_NOT_ACTIVE');
    const changed = await changeLockState(m, cardId, card.status, target);
    if (changed)
      await recordCardLockChange(
        issuerEventOutbox(() => ctx.clock.now()),
        m,
        card,
        target,
      );
    return { ok: true, error: null, changed, cardId };
  });
}
