/**
 * An adapter idempotency store seen through one customer: the adapter SDK scopes keys per
 * adapter and operation only, so a store shared by customers is narrowed to the customer a
 * call acts for before the adapter gets it — another customer's key is then never found.
 */
import type { IdempotencyRecord, IdempotencyStore } from '@cardweave/adapter-sdk';

export function customerScopedStore(store: IdempotencyStore, customerId: string): IdempotencyStore {
  const inner = (scope: string) => `${customerId}/${scope}`;
  const outer = (record: IdempotencyRecord, scope: string): IdempotencyRecord => ({ ...record, scope });
  return {
    async find(scope, key) {
      const record = await store.find(inner(scope), key);
      return record && outer(record, scope);
    },
    async saveFirst(record) {
      return outer(await store.saveFirst({ ...record, scope: inner(record.scope) }), record.scope);
    },
  };
}
