/**
 * What a normalized client cache (Apollo Client's InMemoryCache) needs to know about the
 * public API beyond `__typename` + `id`. Every type that stands for something has an id that
 * is unique and stable across the whole graph (README, "Caching on the client"); the other
 * object types are values of their parent and are stored inside it.
 *
 * Lists of entities are answered whole: a rule the holder cleared, a binding removed, leave
 * the list shorter, and Apollo warns that "data may be lost" when a shorter list replaces a
 * longer one. `merge: false` says replacing is meant, for the lists that can shrink.
 *
 * One exception to the ids remains: IssuanceStep's id names the step within its issuance (`face`, `sms`,
 * `payment-password`) and is what verifyCardIssuanceStep takes as stepId, so the same id stands
 * for the step of every issuance. It is kept inside its issuance instead of being normalized.
 */
import type { TypePolicies } from '@apollo/client';

const replaced = { merge: false } as const;

export const CACHE_TYPE_POLICIES: TypePolicies = {
  Card: { fields: { holderLimits: replaced, upstreamLimits: replaced, payableNow: replaced, walletBindings: replaced } },
  PayableAmount: { fields: { rules: replaced } },
  WalletAccount: { fields: { bindings: replaced } },
  IssuanceStep: { keyFields: false },
};
